import type { Route } from '../http/router.js';
import { homeHubRoutes } from './search/home-hubs.js';
import { hubSearchRoutes } from './search/hub-search.js';
import { librarySearchRoutes } from './search/library-search.js';
import { sectionHubRoutes } from './search/section-hubs.js';

/** Search (`/hubs/search`, `/library/search`) and hubs (`/hubs`, continue watching, sections). */
export const searchRoutes: Route[] = [
  ...hubSearchRoutes,
  ...librarySearchRoutes,
  ...homeHubRoutes,
  ...sectionHubRoutes,
];
