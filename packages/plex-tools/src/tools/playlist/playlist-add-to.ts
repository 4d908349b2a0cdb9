import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { itemSummary, summarizeItem } from '../../shared/outputs.js';
import { playKindOf } from '../../shared/play-kind.js';
import { itemList, resolveItemList } from '../../shared/resolve-item-list.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';

/** playlist_add_to: appends items to a playlist. */
export const playlistAddTo = defineTool({
  name: 'playlist_add_to',
  module: 'playlist',
  access: 'write',
  title: 'Add to playlist',
  description: 'Append items to a playlist.',
  input: v.object({ ...playlistAddressing, ...itemList }),
  output: v.object({
    playlist: v.object({ id: v.string(), title: v.string() }),
    added: v.array(itemSummary),
    not_found: v.array(v.string()),
    total: v.number(),
  }),
  async run(ctx, input) {
    const playlist = await resolvePlaylist(ctx, input);
    if (playlist.smart) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${playlist.title}" is a smart playlist; its items come from its filter.`,
      );
    }
    const { items, notFound } = await resolveItemList(ctx, input);
    const wrong = items.filter((item) => playKindOf(item.type) !== playlist.playlistType);
    if (wrong.length > 0) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${playlist.title}" is a ${playlist.playlistType} playlist; these do not fit: ${wrong.map((i) => `"${i.title}" (${i.type})`).join(', ')}.`,
      );
    }
    const base = { id: playlist.ratingKey, title: playlist.title };
    if (items.length === 0)
      return { playlist: base, added: [], not_found: notFound, total: playlist.leafCount };
    const result = await ctx.plex.playlists.addItems(
      playlist.ratingKey,
      items.map((item) => item.ratingKey),
      { signal: ctx.signal },
    );
    return {
      playlist: base,
      added: items.map(summarizeItem),
      not_found: notFound,
      total: result.playlist.leafCount,
    };
  },
});
