import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { isoTime } from '../../shared/outputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { isWatched } from './shared.js';

const optNumber = v.optional(v.number());

/** media_set_watched: marks an item (a show or season: every episode) played or unplayed. */
export const mediaSetWatched = defineTool({
  name: 'media_set_watched',
  module: 'media',
  access: 'write',
  title: 'Mark watched or unwatched',
  description: 'Mark an item, and everything under it, watched or unwatched.',
  input: v.object({
    ...mediaAddressing,
    watched: v.pipe(v.boolean(), v.description('false: unwatched')),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    watched: v.boolean(),
    view_count: v.number(),
    last_viewed_at: v.optional(v.string()),
    leaf_count: optNumber,
    viewed_leaf_count: optNumber,
  }),
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const call = { signal: ctx.signal };
    if (input.watched) await ctx.plex.metadata.markWatched(item.ratingKey, call);
    else await ctx.plex.metadata.markUnwatched(item.ratingKey, call);
    const after = await ctx.plex.metadata.get(item.ratingKey, call);
    return {
      id: after.ratingKey,
      title: after.title,
      type: after.type,
      watched: isWatched(after),
      view_count: after.viewCount ?? 0,
      last_viewed_at: isoTime(after.lastViewedAt),
      leaf_count: after.leafCount,
      viewed_leaf_count: after.viewedLeafCount,
    };
  },
});
