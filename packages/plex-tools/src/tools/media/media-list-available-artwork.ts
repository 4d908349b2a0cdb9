import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { ART_KIND, ART_TYPES } from './shared.js';

/** media_list_available_artwork: the images an item's slot can show, and which one it does. */
export const mediaListAvailableArtwork = defineTool({
  name: 'media_list_available_artwork',
  module: 'media',
  access: 'read',
  title: 'List artwork candidates',
  description: 'List the artwork an item can use, with keys for media_set_artwork.',
  input: v.object({
    ...mediaAddressing,
    art_type: v.optional(v.pipe(v.picklist(ART_TYPES), v.description('Which slot')), 'poster'),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    art_type: v.string(),
    candidates: v.array(v.object({ key: v.string(), provider: v.string(), selected: v.boolean() })),
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const candidates = await ctx.plex.metadata.artwork(item.ratingKey, ART_KIND[input.art_type], {
      signal: ctx.signal,
    });
    return {
      id: item.ratingKey,
      title: item.title,
      art_type: input.art_type,
      candidates: candidates.map((candidate) => ({
        key: candidate.ratingKey,
        // Plex names no provider for images a user uploaded or gave by URL.
        provider: candidate.provider ?? 'upload',
        selected: candidate.selected,
      })),
    };
  },
});
