import type { Route } from '../http/router.js';
import { collectionReadRoutes } from './collections/read.js';
import { collectionWriteRoutes } from './collections/write.js';

export {
  handleCollectionDelete,
  handleCollectionPrefs,
} from './collections/write.js';

/** Collections: listing, creating, membership, order, preferences and deletion. */
export const collectionRoutes: Route[] = [...collectionReadRoutes, ...collectionWriteRoutes];
