import { mediaDelete } from './media-delete.js';
import { mediaEditMetadata } from './media-edit-metadata.js';
import { mediaGetArtwork } from './media-get-artwork.js';
import { mediaGetChildren } from './media-get-children.js';
import { mediaGetDetails } from './media-get-details.js';
import { mediaGetRelated } from './media-get-related.js';
import { mediaListAvailableArtwork } from './media-list-available-artwork.js';
import { mediaSearch } from './media-search.js';
import { mediaSetArtwork } from './media-set-artwork.js';
import { mediaSetWatched } from './media-set-watched.js';

/** The media module's tools, in catalogue order. */
export const mediaTools = [
  mediaSearch,
  mediaGetDetails,
  mediaGetChildren,
  mediaEditMetadata,
  mediaSetWatched,
  mediaDelete,
  mediaGetArtwork,
  mediaListAvailableArtwork,
  mediaSetArtwork,
  mediaGetRelated,
] as const;
