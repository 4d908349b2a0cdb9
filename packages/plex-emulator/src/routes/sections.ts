import type { Route } from '../http/router.js';
import { sectionBrowseRoutes } from './sections/browse.js';
import { sectionFeedRoutes } from './sections/feeds.js';
import { sectionListRoutes } from './sections/list.js';
import { sectionMaintenanceRoutes } from './sections/maintenance.js';
import { sectionPrefRoutes } from './sections/prefs.js';
import { sectionScanRoutes } from './sections/scan.js';
import { sectionTagRoutes } from './sections/tags.js';

/**
 * Library section routes: the section list and detail, `/all` with PMS's media queries, views,
 * tag lists, On Deck and recently added, scans and maintenance. Scan routes come first so that
 * `/library/sections/all/refresh` is not read as section `all`.
 */
export const sectionRoutes: Route[] = [
  ...sectionScanRoutes,
  ...sectionListRoutes,
  ...sectionPrefRoutes,
  ...sectionBrowseRoutes,
  ...sectionFeedRoutes,
  ...sectionTagRoutes,
  ...sectionMaintenanceRoutes,
];
