import type { Route } from '../http/router.js';
import { playlistCompositeRoutes } from './playlists/composite.js';
import { playlistCrudRoutes } from './playlists/crud.js';
import { playlistItemRoutes } from './playlists/items.js';

/** Playlists: per-user lists of library items (`/playlists/…`). */
export const playlistRoutes: Route[] = [
  ...playlistItemRoutes,
  ...playlistCompositeRoutes,
  ...playlistCrudRoutes,
];
