import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex refused the request's parameters (400). */
export class PlexBadRequestError extends PlexError {
  declare readonly code: 'BAD_REQUEST';

  constructor(message: string, details: PlexErrorDetails) {
    super('BAD_REQUEST', message, details);
    this.name = 'PlexBadRequestError';
  }
}
