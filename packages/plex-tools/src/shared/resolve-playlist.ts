import { isPlexError, type Playlist } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { lookUpById } from './by-id.js';
import { idOrTitle, looksLikeId } from './id-or-title.js';
import { candidateLine, candidateList } from './listing.js';

/** Playlist addressing: one input, an id or an exact title. */
export const playlistAddressing = {
  playlist: idOrTitle('Playlist id or exact title'),
};

/** How a tool names a playlist: its `playlist` input. */
export interface PlaylistRef {
  playlist: string;
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

/** The playlist with this id, or undefined when no playlist has it (it may be a title then). */
async function playlistIfId(ctx: ToolContext, id: string): Promise<Playlist | undefined> {
  try {
    return await ctx.plex.playlists.get(id, { signal: ctx.signal });
  } catch (error) {
    if (isPlexError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Finds a playlist of the signed-in account by id (a number-like value is tried as one first),
 * else by exact title (case-insensitive). Several matches are AMBIGUOUS with candidates; none is
 * NOT_FOUND naming the playlists there are.
 */
export async function resolvePlaylist(ctx: ToolContext, ref: PlaylistRef): Promise<Playlist> {
  const title = ref.playlist;
  const byId = looksLikeId(title) ? await playlistIfId(ctx, title) : undefined;
  if (byId) return byId;
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
      )}. Call again with its id as playlist.`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const page = await ctx.plex.playlists.list({ limit: 20, signal: ctx.signal });
  const names = page.items.map((p) => `"${p.title}" (id ${p.ratingKey})`);
  throw new ToolError(
    'NOT_FOUND',
    `No playlist with id or title "${title}"; find them with playlist_list. Playlists: ${names.join(', ') || 'none'}${page.totalSize > names.length ? ', …' : ''}.`,
    { playlists: page.items.map(candidateOf) },
  );
}
