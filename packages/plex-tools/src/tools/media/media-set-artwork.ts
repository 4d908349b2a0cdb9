import type { MetadataTypeName } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { readLocalImage } from '../../shared/local-image.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { ART_KIND, ART_LOCK_FIELD, ART_TYPES } from './shared.js';

async function candidates(ctx: ToolContext, id: string, artType: (typeof ART_TYPES)[number]) {
  return ctx.plex.metadata.artwork(id, ART_KIND[artType], { signal: ctx.signal });
}

/** media_set_artwork: uploads an image (URL or file) or picks a listed candidate for a slot. */
export const mediaSetArtwork = defineTool({
  name: 'media_set_artwork',
  module: 'media',
  access: 'write',
  title: 'Set media artwork',
  description: "Set an item's artwork from a URL, a file or an artwork_key.",
  input: v.object({
    ...mediaAddressing,
    art_type: v.pipe(v.picklist(ART_TYPES), v.description('Which slot')),
    url: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.regex(/^https?:\/\/\S+$/i, 'Expected an http(s) URL'),
        v.description('Image URL'),
      ),
    ),
    file_path: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Local image file')),
    ),
    artwork_key: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Candidate key')),
    ),
    lock: v.optional(v.pipe(v.boolean(), v.description('Lock against refreshes')), true),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    art_type: v.string(),
    source: v.picklist(['url', 'file', 'artwork_key']),
    /** Null when the artwork list could not be read back (the change itself took). */
    selected: v.nullish(v.object({ key: v.string(), provider: v.string() })),
    locked: v.boolean(),
    ...warningsField,
  }),
  async run(ctx, input) {
    const given = (['url', 'file_path', 'artwork_key'] as const).filter(
      (name) => input[name] !== undefined,
    );
    if (given.length !== 1) {
      throw new ToolError(
        'INVALID_INPUT',
        `Give exactly one of url, file_path or artwork_key${given.length > 1 ? ` (got ${given.join(', ')})` : ''}.`,
      );
    }
    // A file is read before Plex is asked anything: a refused file costs no requests.
    const image =
      input.file_path === undefined
        ? undefined
        : await readLocalImage(input.file_path, ctx.config.localFiles);
    const item = await resolveMedia(ctx, input);
    const kind = ART_KIND[input.art_type];
    const call = { signal: ctx.signal };
    let source: 'url' | 'file' | 'artwork_key';
    if (input.artwork_key !== undefined) {
      source = 'artwork_key';
      const listed = await candidates(ctx, item.ratingKey, input.art_type);
      if (!listed.some((candidate) => candidate.ratingKey === input.artwork_key)) {
        throw new ToolError(
          'NOT_FOUND',
          `"${item.title}" has no ${input.art_type} with key "${input.artwork_key}". Keys come from media_list_available_artwork.`,
          { keys: listed.map((candidate) => candidate.ratingKey) },
        );
      }
      await ctx.plex.metadata.selectArtwork(item.ratingKey, kind, input.artwork_key, call);
    } else if (image !== undefined) {
      source = 'file';
      await ctx.plex.metadata.uploadArtwork(item.ratingKey, kind, image, call);
    } else {
      source = 'url';
      await ctx.plex.metadata.uploadArtwork(item.ratingKey, kind, { url: input.url ?? '' }, call);
    }

    const field = ART_LOCK_FIELD[input.art_type];
    await ctx.plex.metadata.edit(
      item.ratingKey,
      {
        ...(item.librarySectionID === undefined ? {} : { sectionId: item.librarySectionID }),
        type: item.type as MetadataTypeName,
        ...(input.lock ? { lockFields: [field] } : { unlockFields: [field] }),
      },
      call,
    );

    // Both writes took; the read-back only shows which candidate is now selected.
    const warnings = new Warnings(ctx.signal);
    const listed = await warnings.optional('selected artwork', () =>
      candidates(ctx, item.ratingKey, input.art_type),
    );
    const selected = listed === null ? null : listed.find((candidate) => candidate.selected);
    return warnings.attach({
      id: item.ratingKey,
      title: item.title,
      art_type: input.art_type,
      source,
      selected: selected && { key: selected.ratingKey, provider: selected.provider ?? 'upload' },
      locked: input.lock,
    });
  },
});
