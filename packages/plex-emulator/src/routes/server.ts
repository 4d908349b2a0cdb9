import type { Route } from '../http/router.js';
import { accountRoutes } from './server/accounts.js';
import { activitiesRoutes } from './server/activities.js';
import { butlerRoutes } from './server/butler.js';
import { diagnosticsRoutes } from './server/diagnostics.js';
import { prefsRoutes } from './server/prefs.js';
import { rootRoutes } from './server/root.js';
import { statisticsRoutes } from './server/statistics.js';
import { updaterRoutes } from './server/updater.js';

/**
 * Server-wide routes: capabilities and identity, prefs, accounts and devices, dashboard
 * statistics, butler, activities, log download and the updater.
 */
export const serverRoutes: Route[] = [
  ...rootRoutes,
  ...prefsRoutes,
  ...accountRoutes,
  ...statisticsRoutes,
  ...butlerRoutes,
  ...activitiesRoutes,
  ...diagnosticsRoutes,
  ...updaterRoutes,
];
