import type { Playlist } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { lookUpById } from './by-id.js';
import { ratingKey } from './inputs.js';
import { candidateLine, candidateList } from './listing.js';

/** Playlist addressing: an id, or an exact title. */
export const playlistAddressing = {
  playlist_id: v.optional(ratingKey('Playlist id')),
  playlist_title: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Exact title, if no id')),
  ),
};

/** How a tool names a playlist. */
export interface PlaylistRef {
  playlist_id?: string | undefined;
  playlist_title?: string | undefined;
}

/** A playlist line for AMBIGUOUS and NOT_FOUND details. */
function candidateOf(playlist: Playlist) {
  return {
    id: playlist.ratingKey,
    title: playlist.title,
    type: playlist.playlistType,
    item_count: playlist.leafCount,
  };
}

/** Fetches a playlist by the id a caller gave; an unknown id is NOT_FOUND pointing at playlist_list. */
export function playlistById(ctx: ToolContext, id: string): Promise<Playlist> {
  return lookUpById(() => ctx.plex.playlists.get(id, { signal: ctx.signal }), {
    thing: 'playlist',
    field: 'playlist_id',
    id,
    finder: 'playlist_list',
  });
}

/**
 * Finds a playlist of the signed-in account by id, or by exact title (case-insensitive).
 * Several matches are AMBIGUOUS with candidates; none is NOT_FOUND naming the playlists there are.
 */
export async function resolvePlaylist(ctx: ToolContext, ref: PlaylistRef): Promise<Playlist> {
  if (ref.playlist_id !== undefined) return playlistById(ctx, ref.playlist_id);
  const title = ref.playlist_title;
  if (title === undefined)
    throw new ToolError('INVALID_INPUT', 'Give playlist_id, or playlist_title.');
  // Plex's title filter is a substring match: it narrows, the exact comparison decides.
  const near = await ctx.plex.playlists.list({ title, limit: 500, signal: ctx.signal });
  const matches = near.items.filter((p) => p.title.toLowerCase() === title.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} playlists are titled "${title}": ${candidateList(
        matches.map((p) =>
          candidateLine(p.ratingKey, p.title, [p.playlistType, `${p.leafCount} items`]),
        ),
      )}. Call again with playlist_id.`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const page = await ctx.plex.playlists.list({ limit: 20, signal: ctx.signal });
  const names = page.items.map((p) => `"${p.title}" (id ${p.ratingKey})`);
  throw new ToolError(
    'NOT_FOUND',
    `No playlist titled "${title}". Playlists: ${names.join(', ') || 'none'}${page.totalSize > names.length ? ', …' : ''}.`,
    { playlists: page.items.map(candidateOf) },
  );
}
