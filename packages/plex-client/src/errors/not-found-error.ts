import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** The item, section or endpoint does not exist (404). */
export class PlexNotFoundError extends PlexError {
  declare readonly code: 'NOT_FOUND';

  constructor(message: string, details: PlexErrorDetails) {
    super('NOT_FOUND', message, details);
    this.name = 'PlexNotFoundError';
  }
}
