import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { mediaAddressing, paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { isWatched } from './shared.js';

/** Types whose children `/library/metadata/{id}/children` lists. */
const PARENT_TYPES = new Set(['show', 'season', 'artist', 'album']);

const optNumber = v.optional(v.number());

/** media_get_children: one page of a show's seasons, a season's episodes, an artist's albums… */
export const mediaGetChildren = defineTool({
  name: 'media_get_children',
  module: 'media',
  access: 'read',
  title: 'Media children',
  description: 'Seasons of a show, episodes of a season, albums, tracks.',
  input: v.object({ ...mediaAddressing, ...paging }),
  output: v.object({
    parent: v.object({ id: v.string(), title: v.string(), type: v.string() }),
    items: v.array(
      v.object({
        id: v.string(),
        title: v.string(),
        type: v.string(),
        index: optNumber,
        year: optNumber,
        duration_ms: optNumber,
        leaf_count: optNumber,
        viewed_leaf_count: optNumber,
        watched: v.boolean(),
      }),
    ),
    ...pageFacts,
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    if (!PARENT_TYPES.has(item.type)) {
      const hint =
        item.type === 'collection' ? ' Use collection_get_contents for a collection.' : '';
      throw new ToolError(
        'INVALID_INPUT',
        `"${item.title}" is a ${item.type} and has no children; give a show, season, artist or album.${hint}`,
      );
    }
    const page = await ctx.plex.metadata.children(item.ratingKey, {
      offset: input.offset,
      limit: input.limit,
      signal: ctx.signal,
    });
    return {
      parent: { id: item.ratingKey, title: item.title, type: item.type },
      items: page.items.map((child) => ({
        id: child.ratingKey,
        title: child.title,
        type: child.type,
        index: child.index,
        year: child.year,
        duration_ms: child.duration,
        leaf_count: child.leafCount,
        viewed_leaf_count: child.viewedLeafCount,
        watched: isWatched(child),
      })),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
