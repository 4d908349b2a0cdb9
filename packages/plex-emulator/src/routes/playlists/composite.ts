import { createHash } from 'node:crypto';
import { encodePng, parseHexColor, type Rgb } from '../../formats/png.js';
import type { RequestContext } from '../../http/context.js';
import type { Route } from '../../http/router.js';
import type { PlaylistRecord } from '../../state/types.js';
import { ownPlaylist } from './shared.js';

/** PMS renders playlist composites as squares. */
const COMPOSITE_SIDE = 600;

/** A poster colour set on the playlist, or a muted one derived from its guid. */
function compositeColors(playlist: PlaylistRecord): { from: Rgb; to: Rgb } {
  const set = playlist.thumbColor ? parseHexColor(playlist.thumbColor) : undefined;
  if (set) return { from: set, to: set };
  const digest = createHash('sha1').update(playlist.guid).digest();
  const muted = (at: number): Rgb => [
    40 + ((digest[at] ?? 0) % 90),
    40 + ((digest[at + 1] ?? 0) % 90),
    40 + ((digest[at + 2] ?? 0) % 90),
  ];
  return { from: muted(0), to: muted(3) };
}

/** `GET /playlists/{id}/composite/{updatedAt}`: the playlist's cover image (a PNG here). */
function composite(ctx: RequestContext): Response {
  const { from, to } = compositeColors(ownPlaylist(ctx));
  const png = encodePng(COMPOSITE_SIDE, COMPOSITE_SIDE, {
    kind: 'gradient',
    from,
    to,
    direction: 'vertical',
  });
  return new Response(new Uint8Array(png), {
    status: 200,
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(png.length) },
  });
}

/** Playlist cover images; any timestamp answers the current image, as PMS does. */
export const playlistCompositeRoutes: Route[] = [
  { method: 'GET', path: '/playlists/{id}/composite', handler: composite },
  { method: 'GET', path: '/playlists/{id}/composite/{ts}', handler: composite },
];
