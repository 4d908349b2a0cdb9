import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** No connection to Plex could be made (refused, reset, DNS failure). */
export class PlexUnreachableError extends PlexError {
  declare readonly code: 'UNREACHABLE';

  constructor(message: string, details: PlexErrorDetails) {
    super('UNREACHABLE', message, details);
    this.name = 'PlexUnreachableError';
  }
}
