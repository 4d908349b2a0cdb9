import type { MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { imageSize } from './image-size.js';
import { ART_KIND, ART_TYPES, type ArtType } from './shared.js';

/** The image path the item shows in a slot, from the item itself. */
function shownPath(item: MetadataItem, artType: ArtType): string | undefined {
  if (artType === 'poster') return item.thumb;
  if (artType === 'background') return item.art;
  if (artType === 'banner') return item.banner;
  return item.Image.find((image) => image.type === 'clearLogo')?.url;
}

/** The slot's image: what the item names, else the selected candidate. */
async function imagePath(
  ctx: ToolContext,
  item: MetadataItem,
  artType: ArtType,
): Promise<string | undefined> {
  const shown = shownPath(item, artType);
  if (shown) return shown;
  const candidates = await ctx.plex.metadata.artwork(item.ratingKey, ART_KIND[artType], {
    signal: ctx.signal,
  });
  return candidates.find((candidate) => candidate.selected)?.key;
}

/** media_get_artwork: an item's poster (or background, logo, banner) as an image. */
export const mediaGetArtwork = defineTool({
  name: 'media_get_artwork',
  module: 'media',
  access: 'read',
  title: 'Get media artwork',
  description: "Show an item's artwork as an image.",
  input: v.object({
    ...mediaAddressing,
    art_type: v.optional(v.pipe(v.picklist(ART_TYPES), v.description('Which image')), 'poster'),
    max_width: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(16),
        v.maxValue(4096),
        v.description('Max width, px'),
      ),
      500,
    ),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    art_type: v.string(),
    mime_type: v.string(),
    size_bytes: v.number(),
    width: v.optional(v.number()),
    height: v.optional(v.number()),
    url: v.string(),
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const path = await imagePath(ctx, item, input.art_type);
    if (path === undefined) {
      throw new ToolError(
        'NOT_FOUND',
        `"${item.title}" has no ${input.art_type}. See media_list_available_artwork for candidates.`,
      );
    }
    const size = { width: input.max_width };
    const image = await ctx.plex.metadata.fetchImage(path, { ...size, signal: ctx.signal });
    ctx.attachImage({ data: image.data, mimeType: image.contentType });
    const pixels = imageSize(image.data);
    return {
      id: item.ratingKey,
      title: item.title,
      art_type: input.art_type,
      mime_type: image.contentType,
      size_bytes: image.data.length,
      width: pixels?.width,
      height: pixels?.height,
      // The token is replaced by REDACTED: the URL names the image, it does not grant access.
      url: ctx.plex.metadata.imageUrlRedacted(path, size),
    };
  },
});
