import { HttpError } from '../../http/context.js';

/** A statistics row as filters see it: numeric and boolean columns by name. */
export type StatRow = Record<string, number | boolean>;

type Comparison = '=' | '!=' | '>=' | '<=' | '>' | '<';

interface Condition {
  field: string;
  op: Comparison;
  value: number | boolean;
}

/**
 * Plex's filter operators, matched against the raw key after `URLSearchParams` split at the
 * first `=`: `at>=5` arrives as key `at>` (and python-plexapi's urlencoded `at%3E=5` too),
 * `at>>=5` as `at>>`, `at!=5` as `at!`. Longest suffix first.
 */
const SUFFIXES: readonly [suffix: string, op: Comparison][] = [
  ['>>', '>'],
  ['<<', '<'],
  ['>=', '>='],
  ['<=', '<='],
  ['!=', '!='],
  ['!', '!='],
  ['>', '>='],
  ['<', '<='],
];

/**
 * Parses the column filters of a statistics request (`accountID=1&lan=1&at>=…&bytes<=…`).
 * Keys outside `fields` (timespan, X-Plex-* and the like) are not filters and are skipped;
 * a bad value for a known column is a 400, as PMS answers malformed filters.
 */
export function parseStatFilters(
  query: URLSearchParams,
  fields: Record<string, 'number' | 'boolean'>,
): (row: StatRow) => boolean {
  const conditions: Condition[] = [];
  for (const [rawKey, rawValue] of query) {
    let field = rawKey;
    let op: Comparison = '=';
    for (const [suffix, comparison] of SUFFIXES) {
      if (rawKey.endsWith(suffix)) {
        field = rawKey.slice(0, -suffix.length);
        op = comparison;
        break;
      }
    }
    const kind = fields[field];
    if (!kind) continue;
    // `at==5` splits into key `at` and value `=5`.
    const text = rawValue.startsWith('=') ? rawValue.slice(1) : rawValue;
    conditions.push({ field, op, value: parseValue(field, kind, text) });
  }
  return (row) => conditions.every((condition) => matches(row[condition.field], condition));
}

function parseValue(field: string, kind: 'number' | 'boolean', text: string): number | boolean {
  if (kind === 'boolean') {
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    throw new HttpError(400, `${field} must be 0 or 1`);
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new HttpError(400, `${field} must be a number`);
  }
  return value;
}

function matches(actual: number | boolean | undefined, condition: Condition): boolean {
  if (actual === undefined) return false;
  const a = Number(actual);
  const b = Number(condition.value);
  switch (condition.op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
  }
}
