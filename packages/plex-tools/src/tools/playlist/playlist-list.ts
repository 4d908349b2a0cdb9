import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput, paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { playlistSummary, summarizePlaylist } from './shared.js';

/** playlist_list: the signed-in account's playlists, paged. */
export const playlistList = defineTool({
  name: 'playlist_list',
  module: 'playlist',
  access: 'read',
  title: 'List playlists',
  description: 'List playlists with type, item count and duration.',
  input: v.object({
    library: v.optional(libraryInput),
    playlist_type: v.optional(
      v.pipe(v.picklist(['video', 'audio', 'photo']), v.description('Only this kind')),
    ),
    ...paging,
  }),
  output: v.object({ playlists: v.array(playlistSummary), ...pageFacts }),
  async run(ctx, input) {
    const library = input.library === undefined ? undefined : await resolveLibrary(ctx, input);
    const page = await ctx.plex.playlists.list({
      ...(library ? { sectionId: library.id } : {}),
      ...(input.playlist_type ? { playlistType: input.playlist_type } : {}),
      offset: input.offset,
      limit: input.limit,
      signal: ctx.signal,
    });
    return {
      playlists: page.items.map(summarizePlaylist),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
