import type { PlexBadRequestError } from './bad-request-error.js';
import type { PlexForbiddenError } from './forbidden-error.js';
import type { PlexHttpError } from './http-error.js';
import type { PlexInvalidResponseError } from './invalid-response-error.js';
import type { PlexNotFoundError } from './not-found-error.js';
import { hasPlexErrorBrand } from './plex-error.js';
import type { PlexRateLimitedError } from './rate-limited-error.js';
import type { PlexTimeoutError } from './timeout-error.js';
import type { PlexUnauthorizedError } from './unauthorized-error.js';
import type { PlexUnreachableError } from './unreachable-error.js';

/**
 * Every error the client throws, as a union discriminated by `code`: after `isPlexError(e)`,
 * `switch (e.code)` narrows to the class (`e.retryAfterMs` under `'RATE_LIMITED'`, `e.path`
 * under `'INVALID_RESPONSE'`).
 */
export type AnyPlexError =
  | PlexUnauthorizedError
  | PlexForbiddenError
  | PlexNotFoundError
  | PlexBadRequestError
  | PlexRateLimitedError
  | PlexUnreachableError
  | PlexTimeoutError
  | PlexInvalidResponseError
  | PlexHttpError;

/**
 * Whether `error` came from the client (a `PlexError`), typed as the union of its classes. Checks
 * the brand, not the class, so it recognises errors from any copy of `@plexmcp/plex-client`.
 */
export function isPlexError(error: unknown): error is AnyPlexError {
  return hasPlexErrorBrand(error);
}
