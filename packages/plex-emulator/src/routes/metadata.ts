import type { Route } from '../http/router.js';
import { artworkRoutes } from './metadata/artwork.js';
import { chapterImageRoutes } from './metadata/chapter-images.js';
import { deleteRoutes } from './metadata/delete.js';
import { editRoutes } from './metadata/edit.js';
import { imageRoutes } from './metadata/images.js';
import { itemRoutes } from './metadata/items.js';
import { relatedRoutes } from './metadata/related.js';
import { watchRoutes } from './metadata/watch.js';

/**
 * Library item routes: reads (`/library/metadata/{ids}`, children, leaves, similar, related),
 * artwork, images and chapter frames, edits, deletion and per-account watch state.
 */
export const metadataRoutes: Route[] = [
  ...itemRoutes,
  ...relatedRoutes,
  ...artworkRoutes,
  ...imageRoutes,
  ...chapterImageRoutes,
  ...editRoutes,
  ...deleteRoutes,
  ...watchRoutes,
];
