import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex or plex.tv throttled the caller (429); `retryAfterMs` says when to try again, if known. */
export class PlexRateLimitedError extends PlexError {
  declare readonly code: 'RATE_LIMITED';

  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: PlexErrorDetails & { retryAfterMs?: number }) {
    super('RATE_LIMITED', message, details);
    this.name = 'PlexRateLimitedError';
    this.retryAfterMs = details.retryAfterMs;
  }
}
