import { createHash } from 'node:crypto';
import { type PngFill, parseHexColor, type Rgb } from '../../formats/png.js';
import type { RequestContext } from '../../http/context.js';
import { pngResponse } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { PlaylistRecord } from '../../state/types.js';
import { ownPlaylist } from './shared.js';

/** PMS renders playlist composites as squares. */
export const PLAYLIST_IMAGE_SIDE = 600;

/** A poster colour set on the playlist, or a muted gradient derived from its guid. */
export function playlistFill(playlist: PlaylistRecord): PngFill {
  const set = playlist.thumbColor ? parseHexColor(playlist.thumbColor) : undefined;
  if (set) return { kind: 'solid', color: set };
  const digest = createHash('sha1').update(playlist.guid).digest();
  const muted = (at: number): Rgb => [
    40 + ((digest[at] ?? 0) % 90),
    40 + ((digest[at + 1] ?? 0) % 90),
    40 + ((digest[at + 2] ?? 0) % 90),
  ];
  return { kind: 'gradient', from: muted(0), to: muted(3), direction: 'vertical' };
}

/** `GET /playlists/{id}/composite/{updatedAt}`: the playlist's cover image (a PNG here). */
function composite(ctx: RequestContext): Response {
  return pngResponse(PLAYLIST_IMAGE_SIDE, PLAYLIST_IMAGE_SIDE, playlistFill(ownPlaylist(ctx)));
}

/** Playlist cover images; any timestamp answers the current image, as PMS does. */
export const playlistCompositeRoutes: Route[] = [
  { method: 'GET', path: '/playlists/{id}/composite', handler: composite },
  { method: 'GET', path: '/playlists/{id}/composite/{ts}', handler: composite },
];
