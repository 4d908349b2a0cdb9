import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex answered with an unexpected HTTP status (5xx and others). */
export class PlexHttpError extends PlexError {
  declare readonly code: 'HTTP_ERROR';

  constructor(message: string, details: PlexErrorDetails) {
    super('HTTP_ERROR', message, details);
    this.name = 'PlexHttpError';
  }
}
