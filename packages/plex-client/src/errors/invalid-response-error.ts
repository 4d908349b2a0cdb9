import { PlexError, type PlexErrorDetails } from './plex-error.js';

/** Plex answered, but not with what the schema expects; `path` names the field that failed. */
export class PlexInvalidResponseError extends PlexError {
  declare readonly code: 'INVALID_RESPONSE';

  /** Dotted path of the first offending field, e.g. `MediaContainer.Metadata.0.ratingKey`. */
  readonly path: string;

  constructor(message: string, details: PlexErrorDetails & { path: string }) {
    super('INVALID_RESPONSE', message, details);
    this.name = 'PlexInvalidResponseError';
    this.path = details.path;
  }
}
