import type { Route } from '../http/router.js';
import { clientRoutes } from './players/clients.js';
import { navigationRoutes } from './players/navigation.js';
import { playbackRoutes } from './players/playback.js';
import { pollRoutes } from './players/poll.js';

/** `/clients` and the remote-control commands PMS relays to players (`/player/...`). */
export const playerRoutes: Route[] = [
  ...clientRoutes,
  ...pollRoutes,
  ...playbackRoutes,
  ...navigationRoutes,
];
