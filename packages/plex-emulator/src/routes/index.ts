import type { Route } from '../http/router.js';
import { activityRoutes } from './activity.js';
import { collectionRoutes } from './collections.js';
import { metadataRoutes } from './metadata.js';
import { notificationRoutes } from './notifications.js';
import { playQueueRoutes } from './play-queues.js';
import { playerRoutes } from './players.js';
import { playlistRoutes } from './playlists.js';
import { plexTvApiRoutes } from './plextv.js';
import { searchRoutes } from './search.js';
import { sectionRoutes } from './sections.js';
import { serverRoutes } from './server.js';

/** Every Plex Media Server route the emulator answers, by area. */
export const pmsRoutes: readonly Route[] = [
  ...serverRoutes,
  ...sectionRoutes,
  ...metadataRoutes,
  ...searchRoutes,
  ...playlistRoutes,
  ...collectionRoutes,
  ...playQueueRoutes,
  ...activityRoutes,
  ...notificationRoutes,
  ...playerRoutes,
];

/** The plex.tv routes, served under the emulator's plex.tv path prefix. */
export const plexTvRoutes: readonly Route[] = plexTvApiRoutes;
