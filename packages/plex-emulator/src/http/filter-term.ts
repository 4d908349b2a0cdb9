/** A comparison from Plex's filter syntax. */
export type Comparison = '=' | '!=' | '>=' | '>' | '<=' | '<';

/** One `field<op>value` filter as it arrives in a query string. */
export interface FilterTerm {
  field: string;
  /** Undefined for a suffix that is no Plex operator (`at<>`). */
  op: Comparison | undefined;
  value: string;
}

const OPERATORS: Record<string, Comparison> = {
  '': '=',
  '!': '!=',
  '>': '>=',
  '>>': '>',
  '<': '<=',
  '<<': '<',
};

/**
 * Reads one query pair as a Plex filter. `URLSearchParams` splits at the first `=`, so
 * `viewedAt>=1700000000` arrives as the key `viewedAt>`, which Plex reads as `>=`, and
 * `viewedAt>>=` (key `viewedAt>>`) is strictly greater; `!` is `!=`. Clients that encode the whole
 * operator (`viewedAt%3E%3D=`) send the key `viewedAt>=`, which means the same, and `at==5`
 * splits into key `at` and value `=5`.
 */
export function readFilterTerm(rawKey: string, rawValue: string): FilterTerm {
  const match = /^(.*?)([<>!]*)=?$/.exec(rawKey);
  const field = match?.[1] ?? rawKey;
  const op = OPERATORS[match?.[2] ?? ''];
  const value = rawValue.startsWith('=') ? rawValue.slice(1) : rawValue;
  return { field, op, value };
}

/** Whether `value` stands in relation `op` to `wanted`. */
export function compareNumbers(value: number, op: Comparison, wanted: number): boolean {
  switch (op) {
    case '=':
      return value === wanted;
    case '!=':
      return value !== wanted;
    case '>=':
      return value >= wanted;
    case '>':
      return value > wanted;
    case '<=':
      return value <= wanted;
    case '<':
      return value < wanted;
  }
}
