import type { PlaylistItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { boundedArray } from '../../shared/bounded-array.js';
import { entriesOfItems } from '../../shared/entries-of-items.js';
import { itemList } from '../../shared/resolve-item-list.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';
import { playlistEntry, summarizeEntry } from './shared.js';

/** playlist_remove_from: removes entries from a playlist. */
export const playlistRemoveFrom = defineTool({
  name: 'playlist_remove_from',
  module: 'playlist',
  access: 'write',
  title: 'Remove from playlist',
  description: 'Remove all entries of items from a playlist, or single playlist_item_ids.',
  input: v.object({
    ...playlistAddressing,
    items: v.optional(itemList.items),
    playlist_item_ids: v.optional(
      v.pipe(
        boundedArray(
          v.pipe(
            v.union([v.pipe(v.string(), v.trim(), v.nonEmpty()), v.number()]),
            v.transform(String),
          ),
        ),
        v.minLength(1),
        v.description('Entry ids'),
      ),
    ),
  }),
  output: v.object({
    playlist: v.object({ id: v.string(), title: v.string() }),
    removed: v.array(playlistEntry),
    not_found: v.array(v.string()),
    remaining: v.number(),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const asked = input.items ?? [];
    const entryIds = input.playlist_item_ids ?? [];
    if (asked.length === 0 && entryIds.length === 0)
      throw new ToolError('INVALID_INPUT', 'Give items or playlist_item_ids.');
    const playlist = await resolvePlaylist(ctx, input);
    if (playlist.smart) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${playlist.title}" is a smart playlist; its items come from its filter.`,
      );
    }
    const entries: PlaylistItem[] = [];
    for await (const entry of ctx.plex.playlists.iterateItems(playlist.ratingKey, {
      signal: ctx.signal,
    }))
      entries.push(entry);
    const entryIdOf = (entry: PlaylistItem) => String(entry.playlistItemID ?? '');
    const { itemKeys, notFound } = entriesOfItems(entries, asked);
    const wanted = entries.filter(
      (entry) => itemKeys.has(entry.ratingKey) || entryIds.includes(entryIdOf(entry)),
    );
    notFound.push(...entryIds.filter((id) => !entries.some((entry) => entryIdOf(entry) === id)));
    let remaining = playlist.leafCount;
    for (const [i, entry] of wanted.entries()) {
      ctx.progress({ progress: i, total: wanted.length, message: `Removing "${entry.title}"` });
      const after = await ctx.plex.playlists.removeItem(playlist.ratingKey, entryIdOf(entry), {
        signal: ctx.signal,
      });
      remaining = after.leafCount;
    }
    return {
      playlist: { id: playlist.ratingKey, title: playlist.title },
      removed: wanted.map(summarizeEntry),
      not_found: notFound,
      remaining,
    };
  },
});
