/** Machine-readable kinds of Plex failure. */
export type PlexErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'INVALID_RESPONSE'
  | 'HTTP_ERROR';

/** What every Plex error knows about the request that failed. */
export interface PlexErrorDetails {
  /** HTTP status, when Plex answered at all. */
  status?: number;
  method: string;
  /** The request URL with any token redacted. */
  url: string;
  cause?: unknown;
}

/**
 * Marks every `PlexError`, whichever copy of this package built it. `Symbol.for` returns the same
 * symbol across copies (an app's own `@plexmcp/plex-client` and one bundled or nested elsewhere),
 * where `instanceof` against one copy's class fails for errors from another.
 */
export const PLEX_ERROR_BRAND: unique symbol = Symbol.for('plexmcp.PlexError');

/** Whether `value` carries the brand of a `PlexError` from any copy of this package. */
export function hasPlexErrorBrand(value: unknown): value is PlexError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [PLEX_ERROR_BRAND]?: unknown })[PLEX_ERROR_BRAND] === true
  );
}

/**
 * Base class of every error the client throws. Messages and URLs never contain the token:
 * they are redacted before the error is built.
 *
 * `error instanceof PlexError` checks the brand, so it holds for errors from another copy of this
 * package too; `instanceof` a subclass keeps the ordinary prototype check.
 */
export class PlexError extends Error {
  /** The brand `isPlexError` looks for; set on the prototype, not on each instance. */
  declare readonly [PLEX_ERROR_BRAND]: true;

  static {
    Object.defineProperty(PlexError.prototype, PLEX_ERROR_BRAND, { value: true });
    Object.defineProperty(PlexError, Symbol.hasInstance, { value: plexErrorHasInstance });
  }

  /** Whether `value` is a `PlexError` from any copy of this package (same as `isPlexError`). */
  static isPlexError(value: unknown): value is PlexError {
    return hasPlexErrorBrand(value);
  }

  readonly code: PlexErrorCode;
  readonly status: number | undefined;
  readonly method: string;
  readonly url: string;

  constructor(code: PlexErrorCode, message: string, details: PlexErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PlexError';
    this.code = code;
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
  }
}

/**
 * `instanceof` for PlexError and the subclasses that inherit it: the brand for PlexError itself, so
 * an error from another copy of the package passes; the prototype chain for a subclass.
 */
function plexErrorHasInstance(this: unknown, value: unknown): boolean {
  if (this === PlexError) return hasPlexErrorBrand(value);
  return Function.prototype[Symbol.hasInstance].call(this, value);
}
