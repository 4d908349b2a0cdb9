import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex rejected the token (401): it is missing, wrong, expired or revoked. */
export class PlexUnauthorizedError extends PlexError {
  declare readonly code: 'UNAUTHORIZED';

  constructor(message: string, details: PlexErrorDetails) {
    super('UNAUTHORIZED', message, details);
    this.name = 'PlexUnauthorizedError';
  }
}
