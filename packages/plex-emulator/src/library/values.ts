import { QueryError } from './errors.js';
import { dateSeconds, resolutionBucket } from './fields.js';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 7 * 86_400,
  mon: 30 * 86_400,
  y: 365 * 86_400,
};

/**
 * A date value as PMS takes it: Unix seconds (`1700000000`), a time relative to now (`-30d`,
 * `+2h`, `-3600`; units s, m, h, d, w, mon, y; an unsigned `30d` means ago, as python-plexapi
 * sends it), or `YYYY-MM-DD`.
 */
export function parseDate(value: string, now: number, field: string): number {
  const relative = /^([+-]?)(\d+)(mon|[smhdwy])?$/.exec(value);
  if (relative) {
    const [, sign, amount, unit] = relative;
    const count = Number(amount);
    if (unit === undefined && sign === '') return count;
    const seconds = count * (UNIT_SECONDS[unit ?? 's'] ?? 1);
    return sign === '+' ? now + seconds : now - seconds;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateSeconds(value) : undefined;
  if (day === undefined) throw new QueryError(`invalid date ${value} for ${field}`);
  return day;
}

/** A number value; ratings may be fractional. */
export function parseNumber(value: string, field: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new QueryError(`invalid number ${value} for ${field}`);
  return number;
}

/** A boolean value: `1`/`0`, `true`/`false`. */
export function parseBoolean(value: string, field: string): boolean {
  const lower = value.toLowerCase();
  if (lower === '1' || lower === 'true') return true;
  if (lower === '0' || lower === 'false') return false;
  throw new QueryError(`invalid boolean ${value} for ${field}`);
}

/** A resolution value (`4k`, `1080`, `1080p`, `sd`) as its bucket code. */
export function parseResolution(value: string): string {
  return resolutionBucket(value);
}
