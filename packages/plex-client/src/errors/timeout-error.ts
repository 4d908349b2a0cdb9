import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex did not answer within the request timeout. */
export class PlexTimeoutError extends PlexError {
  declare readonly code: 'TIMEOUT';

  constructor(message: string, details: PlexErrorDetails) {
    super('TIMEOUT', message, details);
    this.name = 'PlexTimeoutError';
  }
}
