import { HttpError } from '../../http/context.js';
import { type Comparison, compareNumbers, readFilterTerm } from '../../http/filter-term.js';

/** A statistics row as filters see it: numeric and boolean columns by name. */
export type StatRow = Record<string, number | boolean>;

interface Condition {
  field: string;
  op: Comparison;
  value: number | boolean;
}

/**
 * Parses the column filters of a statistics request (`accountID=1&lan=1&at>=…&bytes<=…`), in
 * Plex's filter syntax (see {@link readFilterTerm}).
 * Keys outside `fields` (timespan, X-Plex-* and the like) are not filters and are skipped;
 * a bad value for a known column is a 400, as PMS answers malformed filters.
 */
export function parseStatFilters(
  query: URLSearchParams,
  fields: Record<string, 'number' | 'boolean'>,
): (row: StatRow) => boolean {
  const conditions: Condition[] = [];
  for (const [rawKey, rawValue] of query) {
    const { field, op, value } = readFilterTerm(rawKey, rawValue);
    const kind = fields[field];
    if (!kind) continue;
    if (!op) throw new HttpError(400, `unknown filter operator in ${rawKey}`);
    conditions.push({ field, op, value: parseValue(field, kind, value) });
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
  return compareNumbers(Number(actual), condition.op, Number(condition.value));
}
