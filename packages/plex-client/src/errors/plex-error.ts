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
 * Base class of every error the client throws. Messages and URLs never contain the token:
 * they are redacted before the error is built.
 */
export class PlexError extends Error {
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
