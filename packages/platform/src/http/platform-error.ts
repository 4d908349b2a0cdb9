/**
 * The closed set of `/v1` error codes (lower-case snake case, as the documented API spells
 * them). A code outside the set is a type error, so clients can switch on every one we send.
 */
export type ErrorCode =
  | 'invalid_request'
  | 'ambiguous'
  | 'confirmation_required'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal_error'
  | 'upstream_unauthorized'
  | 'upstream_error'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  // Answered by the server's front door, not by a route: the database is down or it is draining.
  | 'service_unavailable';

/** What `error.details` holds: a JSON object, or null when there is nothing to add. */
export type ErrorDetails = Record<string, unknown> | null;

/**
 * A failure a service or route means to answer with: thrown anywhere below a mounted route and
 * turned into the error envelope in one place (`handleError`). The message is shown to callers,
 * so it must say what to do next and never carry a secret.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: ErrorDetails = null,
    /** Extra response headers (e.g. `Allow`, `Retry-After`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 400 `invalid_request` whose details say which fields are wrong and how. */
export function invalidRequest(message: string, fields?: readonly FieldProblem[]): PlatformError {
  return new PlatformError('invalid_request', 400, message, fields ? { fields } : null);
}

/** A 404 `not_found`: also the answer for another organization's ids, which must not leak. */
export function notFound(message: string): PlatformError {
  return new PlatformError('not_found', 404, message);
}

/** One wrong field of a request: its path (`name`, `scopes[1]`, `page`) and what is wrong. */
export interface FieldProblem {
  field: string;
  problem: string;
}
