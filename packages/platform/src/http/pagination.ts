import type { Pagination } from './envelope.js';
import { type FieldProblem, invalidRequest } from './platform-error.js';

/** `per_page` when the caller sends none. */
export const DEFAULT_PER_PAGE = 20;

/** The largest `per_page`: a bigger page is refused, never silently clamped. */
export const MAX_PER_PAGE = 100;

/** The page a list route was asked for, and where it starts. */
export interface PageRequest {
  page: number;
  per_page: number;
  /** Items before this page: `(page - 1) * per_page`, for a storage `offset`. */
  offset: number;
}

// Digits only: `1.5`, `1e2`, ` 3` and `+3` are refused rather than rounded or trimmed.
const DIGITS = /^[0-9]+$/;

/**
 * `?page=&per_page=` read strictly: `page` ≥ 1, `per_page` 1–100 (default 20). Anything else is
 * 400 `invalid_request` naming each wrong field, because a clamped page would silently answer a
 * different question than the one asked.
 */
export function parsePagination(query: {
  page?: string | undefined;
  per_page?: string | undefined;
}): PageRequest {
  const problems: FieldProblem[] = [];
  const read = (field: 'page' | 'per_page', fallback: number, max: number): number => {
    const raw = query[field];
    if (raw === undefined) return fallback;
    const value = DIGITS.test(raw) ? Number(raw) : Number.NaN;
    if (!(Number.isSafeInteger(value) && value >= 1 && value <= max)) {
      problems.push({
        field,
        problem:
          max === Number.MAX_SAFE_INTEGER
            ? 'must be a whole number of at least 1'
            : `must be a whole number from 1 to ${max}`,
      });
    }
    return value;
  };
  const page = read('page', 1, Number.MAX_SAFE_INTEGER);
  const per_page = read('per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
  if (problems.length > 0) {
    throw invalidRequest(
      `Bad pagination: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}.`,
      problems,
    );
  }
  return { page, per_page, offset: (page - 1) * per_page };
}

/** The `pagination` block for a page of a list of `total` items. */
export function paginationOf(request: PageRequest, total: number): Pagination {
  return {
    page: request.page,
    per_page: request.per_page,
    total,
    total_pages: Math.ceil(total / request.per_page),
  };
}
