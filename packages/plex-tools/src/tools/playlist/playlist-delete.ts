import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { requireConfirmation } from '../../shared/confirm.js';
import { ratingKey } from '../../shared/inputs.js';
import { playlistById } from '../../shared/resolve-playlist.js';

/** playlist_delete: deletes a playlist (its items stay in the library). */
export const playlistDelete = defineTool({
  name: 'playlist_delete',
  module: 'playlist',
  access: 'delete',
  title: 'Delete playlist',
  description: 'Delete a playlist; its items stay.',
  input: v.object({
    playlist_id: ratingKey('Playlist id'),
    confirm: v.optional(v.pipe(v.string(), v.description('Its exact title'))),
  }),
  output: v.object({
    deleted: v.object({ id: v.string(), title: v.string(), item_count: v.number() }),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const playlist = await playlistById(ctx, input.playlist_id);
    requireConfirmation(
      input.confirm,
      playlist.title,
      `This deletes the playlist "${playlist.title}" (id ${playlist.ratingKey}) and its list of ${playlist.leafCount} items (the items stay in the library). Call again with confirm: "${playlist.title}".`,
      { id: playlist.ratingKey, title: playlist.title, item_count: playlist.leafCount },
    );
    await ctx.plex.playlists.delete(playlist.ratingKey, { signal: ctx.signal });
    return {
      deleted: { id: playlist.ratingKey, title: playlist.title, item_count: playlist.leafCount },
    };
  },
});
