import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { isoTime } from '../../shared/outputs.js';
import { readBack } from '../../shared/read-back.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { warningsField } from '../../shared/warnings.js';
import { isWatched } from './shared.js';

const optNumber = v.nullish(v.number());

/** media_set_watched: marks an item (a show or season: every episode) played or unplayed. */
export const mediaSetWatched = defineTool({
  name: 'media_set_watched',
  module: 'media',
  access: 'write',
  title: 'Mark watched or unwatched',
  description: 'Mark an item, and all under it, watched or unwatched.',
  input: v.object({
    ...mediaAddressing,
    watched: v.pipe(v.boolean(), v.description('false: unwatched')),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    watched: v.boolean(),
    /** These four are null when reading the item back failed (the mark itself took). */
    view_count: v.nullable(v.number()),
    last_viewed_at: v.nullish(v.string()),
    leaf_count: optNumber,
    viewed_leaf_count: optNumber,
    ...warningsField,
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const call = { signal: ctx.signal };
    if (input.watched) await ctx.plex.metadata.markWatched(item.ratingKey, call);
    else await ctx.plex.metadata.markUnwatched(item.ratingKey, call);
    const { warnings, after, identity } = await readBack(ctx, item, 'view counts');
    if (after === null) {
      return warnings.attach({
        ...identity,
        watched: input.watched,
        view_count: null,
        last_viewed_at: null,
        leaf_count: null,
        viewed_leaf_count: null,
      });
    }
    return warnings.attach({
      ...identity,
      watched: isWatched(after),
      view_count: after.viewCount ?? 0,
      last_viewed_at: isoTime(after.lastViewedAt),
      leaf_count: after.leafCount,
      viewed_leaf_count: after.viewedLeafCount,
    });
  },
});
