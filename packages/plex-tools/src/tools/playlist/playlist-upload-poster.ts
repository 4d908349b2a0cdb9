import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** Larger posters are a mistake rather than artwork. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Reads a local image for upload, with errors that say what is wrong. */
async function readImage(path: string): Promise<{ data: Uint8Array; contentType: string }> {
  const contentType = IMAGE_TYPES[extname(path).toLowerCase()];
  if (contentType === undefined) {
    throw new ToolError('INVALID_INPUT', `"${path}" is not a .jpg, .png, .webp or .gif image.`);
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ToolError('INVALID_INPUT', `"${path}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError('NOT_FOUND', `Cannot read "${path}" on the server running plexmcp.`);
  }
  if (size === 0 || size > MAX_BYTES)
    throw new ToolError(
      'INVALID_INPUT',
      `"${path}" is ${size} bytes; a poster is 1 byte to 20 MB.`,
    );
  return { data: new Uint8Array(await readFile(path)), contentType };
}

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
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(ctx, input) {
    if ((input.url === undefined) === (input.file_path === undefined))
      throw new ToolError('INVALID_INPUT', 'Give either url or file_path.');
    const image =
      input.url !== undefined ? { url: input.url } : await readImage(input.file_path ?? '');
    const playlist = await resolvePlaylist(ctx, input);
    await ctx.plex.playlists.uploadPoster(playlist.ratingKey, image, { signal: ctx.signal });
    return {
      playlist: { id: playlist.ratingKey, title: playlist.title },
      updated: true,
      source: input.url !== undefined ? ('url' as const) : ('file' as const),
    };
  },
});
