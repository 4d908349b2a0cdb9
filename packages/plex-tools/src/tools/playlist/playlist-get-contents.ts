import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';
import { playlistEntry, summarizeEntry } from './shared.js';

/** playlist_get_contents: a playlist's items in order, with their entry ids. */
export const playlistGetContents = defineTool({
  name: 'playlist_get_contents',
  module: 'playlist',
  access: 'read',
  title: 'Playlist contents',
  description: "A playlist's entries in order, with each playlist_item_id.",
  input: v.object({ ...playlistAddressing, ...paging }),
  output: v.object({
    playlist: v.object({ id: v.string(), title: v.string() }),
    items: v.array(playlistEntry),
    ...pageFacts,
  }),
  async run(ctx, input) {
    const playlist = await resolvePlaylist(ctx, input);
    const page = await ctx.plex.playlists.items(playlist.ratingKey, {
      offset: input.offset,
      limit: input.limit,
      signal: ctx.signal,
    });
    return {
      playlist: { id: playlist.ratingKey, title: playlist.title },
      items: page.items.map(summarizeEntry),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
