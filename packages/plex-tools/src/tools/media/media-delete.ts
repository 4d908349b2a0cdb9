import { type MetadataItem, PlexError } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { requireConfirmation } from '../../shared/confirm.js';
import { ratingKey } from '../../shared/inputs.js';
import { itemById } from '../../shared/resolve-media.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { mediaSummary, summarize } from './shared.js';

/** Leaves read to list the files of a show, season, artist or album. */
const LEAF_PAGE = 500;

/** Files named in a CONFIRMATION_REQUIRED message (details carry them all). */
const FILES_IN_MESSAGE = 5;

const NOT_ALLOWED =
  'This Plex server does not allow media deletion. Enable "Allow media deletion" in Plex Settings > Server > Library, then call again.';

interface Files {
  paths: string[];
  sizeBytes: number;
  /** Leaves under the item whose files were not read (past the first page). */
  unlisted: number;
}

function filesOf(items: readonly MetadataItem[]): { paths: string[]; sizeBytes: number } {
  const parts = items.flatMap((item) => item.Media.flatMap((media) => media.Part));
  return {
    paths: parts.flatMap((part) => (part.file === undefined ? [] : [part.file])),
    sizeBytes: parts.reduce((sum, part) => sum + (part.size ?? 0), 0),
  };
}

/** The files deleting the item removes: its own, or those of every episode or track under it. */
async function filesLost(ctx: ToolContext, item: MetadataItem): Promise<Files> {
  if (item.leafCount === undefined) return { ...filesOf([item]), unlisted: 0 };
  const leaves = await ctx.plex.metadata.allLeaves(item.ratingKey, {
    offset: 0,
    limit: LEAF_PAGE,
    signal: ctx.signal,
  });
  return { ...filesOf(leaves.items), unlisted: leaves.totalSize - leaves.items.length };
}

function describeFiles(files: Files): string {
  const count = files.paths.length + files.unlisted;
  if (count === 0) return 'no media files';
  const shown = files.paths.slice(0, FILES_IN_MESSAGE).join(', ');
  const more = count - Math.min(files.paths.length, FILES_IN_MESSAGE);
  const gb = (files.sizeBytes / 1e9).toFixed(1);
  return `${count} file${count === 1 ? '' : 's'} (${gb} GB${files.unlisted > 0 ? '+' : ''}) from disk: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

/** media_delete: removes an item from Plex and its files from disk, once confirmed by title. */
export const mediaDelete = defineTool({
  name: 'media_delete',
  module: 'media',
  access: 'delete',
  title: 'Delete media',
  description: 'Delete an item and its files from disk; without confirm, says what would go.',
  input: v.object({
    media_id: ratingKey('Item id'),
    confirm: v.optional(v.pipe(v.string(), v.description('Its exact title'))),
  }),
  output: v.object({
    deleted: mediaSummary,
    files: v.array(v.string()),
    file_count: v.number(),
    size_bytes: v.number(),
    ...warningsField,
  }),
  async run(ctx, input) {
    const call = { signal: ctx.signal };
    const item = await itemById(ctx, input.media_id);
    const target = summarize(item);
    if (item.type === 'collection') {
      throw new ToolError(
        'INVALID_INPUT',
        `"${item.title}" is a collection; delete it with collection_delete.`,
        { target },
      );
    }
    const files = await filesLost(ctx, item);
    const what = [item.type, item.year, `id ${item.ratingKey}`].filter(Boolean).join(', ');
    requireConfirmation(
      input.confirm,
      item.title,
      `Deleting "${item.title}" (${what}) removes it from Plex and deletes ${describeFiles(files)}. To go ahead, call again with confirm: ${JSON.stringify(item.title)}.`,
      {
        target,
        files: files.paths,
        file_count: files.paths.length + files.unlisted,
        size_bytes: files.sizeBytes,
      },
    );
    // The server's setting only lets us say why up front; without it, PMS's own refusal of the
    // delete below says the same (and nothing is reported deleted unless PMS deleted it).
    const warnings = new Warnings(ctx.signal);
    const server = await warnings.optional('media deletion setting', () =>
      ctx.plex.server.info(call),
    );
    if (server?.allowMediaDeletion === false) throw new ToolError('PLEX_ERROR', NOT_ALLOWED);
    try {
      await ctx.plex.metadata.delete(item.ratingKey, call);
    } catch (error) {
      // PMS answers 400 when the preference is off (it may have changed since we looked).
      if (error instanceof PlexError && error.code === 'BAD_REQUEST') {
        throw new ToolError('PLEX_ERROR', NOT_ALLOWED, { plex_message: error.message });
      }
      throw error;
    }
    return warnings.attach({
      deleted: target,
      files: files.paths,
      file_count: files.paths.length + files.unlisted,
      size_bytes: files.sizeBytes,
    });
  },
});
