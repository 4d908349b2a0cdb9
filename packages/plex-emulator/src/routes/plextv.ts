import type { Route } from '../http/router.js';
import { friendRoutes } from './plextv/friends.js';
import { homeRoutes } from './plextv/home.js';
import { pinRoutes } from './plextv/pins.js';
import { resourceRoutes } from './plextv/resources.js';
import { userRoutes } from './plextv/user.js';

/**
 * The plex.tv endpoints plexmcp and python-plexapi use, served under the emulator's plex.tv
 * prefix. plex.tv tokens authenticate them (the dispatcher maps a token to its account); only
 * PIN creation and polling are public, as on plex.tv.
 */
export const plexTvApiRoutes: Route[] = [
  ...userRoutes,
  ...resourceRoutes,
  ...friendRoutes,
  ...homeRoutes,
  ...pinRoutes,
];
