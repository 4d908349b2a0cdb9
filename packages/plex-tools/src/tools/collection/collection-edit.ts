import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { boundedArray } from '../../shared/bounded-array.js';
import { collectionsTitled } from '../../shared/duplicate-title.js';
import { collectionAddressing, resolveCollection } from '../../shared/resolve-collection.js';

const text = (description: string) => v.optional(v.pipe(v.string(), v.description(description)));
const labels = (description: string) =>
  v.optional(
    v.pipe(boundedArray(v.pipe(v.string(), v.trim(), v.nonEmpty())), v.description(description)),
  );
const httpUrl = (description: string) =>
  v.optional(
    v.pipe(v.string(), v.trim(), v.url(), v.regex(/^https?:\/\//i), v.description(description)),
  );

/** collection_edit: metadata, labels, artwork and display settings of a collection. */
export const collectionEdit = defineTool({
  name: 'collection_edit',
  module: 'collection',
  access: 'write',
  title: 'Edit collection',
  description: 'Edit a collection.',
  input: v.object({
    ...collectionAddressing,
    new_title: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('New title'))),
    new_sort_title: text('Sort title'),
    new_summary: text('Summary'),
    new_content_rating: text('Content rating'),
    add_labels: labels('Labels to add'),
    remove_labels: labels('Labels to remove'),
    poster_url: httpUrl('Poster URL'),
    background_url: httpUrl('Background URL'),
    collection_mode: v.optional(
      v.pipe(
        v.picklist(['default', 'hide', 'hideItems', 'showItems']),
        v.description('Library display'),
      ),
    ),
    collection_order: v.optional(
      v.pipe(v.picklist(['release', 'alpha', 'custom']), v.description('Item order')),
    ),
  }),
  output: v.object({
    collection: v.object({ id: v.string(), title: v.string() }),
    changes: v.object({
      title: v.optional(v.string()),
      sort_title: v.optional(v.string()),
      summary: v.optional(v.string()),
      content_rating: v.optional(v.string()),
      labels_added: v.optional(v.array(v.string())),
      labels_removed: v.optional(v.array(v.string())),
      poster_url: v.optional(v.string()),
      background_url: v.optional(v.string()),
      collection_mode: v.optional(v.string()),
      collection_order: v.optional(v.string()),
    }),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const changes = {
      ...(input.new_title === undefined ? {} : { title: input.new_title }),
      ...(input.new_sort_title === undefined ? {} : { sort_title: input.new_sort_title }),
      ...(input.new_summary === undefined ? {} : { summary: input.new_summary }),
      ...(input.new_content_rating === undefined
        ? {}
        : { content_rating: input.new_content_rating }),
      ...(input.add_labels?.length ? { labels_added: input.add_labels } : {}),
      ...(input.remove_labels?.length ? { labels_removed: input.remove_labels } : {}),
      ...(input.poster_url === undefined ? {} : { poster_url: input.poster_url }),
      ...(input.background_url === undefined ? {} : { background_url: input.background_url }),
      ...(input.collection_mode === undefined ? {} : { collection_mode: input.collection_mode }),
      ...(input.collection_order === undefined ? {} : { collection_order: input.collection_order }),
    };
    if (Object.keys(changes).length === 0) {
      throw new ToolError(
        'INVALID_INPUT',
        'Nothing to change: give new_title, new_summary, labels, artwork URLs, collection_mode or collection_order.',
      );
    }
    const { collection, libraryId, libraryTitle } = await resolveCollection(ctx, input);
    if (input.new_title !== undefined && libraryId !== '') {
      // PMS answers 409 to a rename onto a title another collection of the section has: say so first.
      const taken = await collectionsTitled(ctx, libraryId, input.new_title, collection.ratingKey);
      if (taken.length > 0) {
        throw new ToolError(
          'INVALID_INPUT',
          `A collection titled "${input.new_title}" already exists${libraryTitle ? ` in ${libraryTitle}` : ''} (${taken.map((c) => `id ${c.id}, ${c.item_count} items`).join('; ')}), and Plex refuses to rename another one to it. Give another title.`,
          { existing: taken },
        );
      }
    }
    const id = collection.ratingKey;
    const call = { signal: ctx.signal };
    const edit = {
      ...(input.new_title === undefined ? {} : { title: input.new_title }),
      ...(input.new_sort_title === undefined ? {} : { titleSort: input.new_sort_title }),
      ...(input.new_summary === undefined ? {} : { summary: input.new_summary }),
      ...(input.new_content_rating === undefined
        ? {}
        : { contentRating: input.new_content_rating }),
      ...(input.add_labels?.length ? { addLabels: input.add_labels } : {}),
      ...(input.remove_labels?.length ? { removeLabels: input.remove_labels } : {}),
    };
    if (Object.keys(edit).length > 0)
      await ctx.plex.collections.edit(
        id,
        { ...edit, ...(libraryId ? { sectionId: libraryId } : {}) },
        call,
      );
    if (input.poster_url !== undefined)
      await ctx.plex.collections.uploadPoster(id, { url: input.poster_url }, call);
    if (input.background_url !== undefined)
      await ctx.plex.collections.uploadArt(id, { url: input.background_url }, call);
    if (input.collection_mode !== undefined)
      await ctx.plex.collections.setMode(id, input.collection_mode, call);
    if (input.collection_order !== undefined)
      await ctx.plex.collections.setOrder(id, input.collection_order, call);
    return {
      collection: { id, title: input.new_title ?? collection.title },
      changes,
    };
  },
});
