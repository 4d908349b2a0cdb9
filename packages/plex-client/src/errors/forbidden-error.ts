import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** The token is valid but may not do this (403), e.g. a shared user calling an owner-only endpoint. */
export class PlexForbiddenError extends PlexError {
  declare readonly code: 'FORBIDDEN';

  constructor(message: string, details: PlexErrorDetails) {
    super('FORBIDDEN', message, details);
    this.name = 'PlexForbiddenError';
  }
}
