import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { readLocalImage } from '../../shared/local-image.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';

/** playlist_upload_poster: sets a custom poster on a playlist. */
export const playlistUploadPoster = defineTool({
  name: 'playlist_upload_poster',
  module: 'playlist',
  access: 'write',
  title: 'Upload playlist poster',
  description: "Set a playlist's poster from a URL or a local file.",
  input: v.object({
    ...playlistAddressing,
    url: v.optional(
      v.pipe(v.string(), v.trim(), v.url(), v.regex(/^https?:\/\//i), v.description('Image URL')),
    ),
    file_path: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Local image file')),
    ),
  }),
  output: v.object({
    playlist: v.object({ id: v.string(), title: v.string() }),
    updated: v.boolean(),
    source: v.picklist(['url', 'file']),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    if ((input.url === undefined) === (input.file_path === undefined))
      throw new ToolError('INVALID_INPUT', 'Give either url or file_path.');
    const image =
      input.url !== undefined
        ? { url: input.url }
        : await readLocalImage(input.file_path ?? '', ctx.config.localFiles);
    const playlist = await resolvePlaylist(ctx, input);
    await ctx.plex.playlists.uploadPoster(playlist.ratingKey, image, { signal: ctx.signal });
    return {
      playlist: { id: playlist.ratingKey, title: playlist.title },
      updated: true,
      source: input.url !== undefined ? ('url' as const) : ('file' as const),
    };
  },
});
