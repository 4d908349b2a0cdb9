import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { mediaSummary, summarize } from './shared.js';

/** media_get_related: Plex's related-item groups (more like this, same director, same collection). */
export const mediaGetRelated = defineTool({
  name: 'media_get_related',
  module: 'media',
  access: 'read',
  title: 'Related media',
  description: 'Items like one: similar, same director or lead actor, same collection.',
  input: v.object({
    ...mediaAddressing,
    limit: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(100),
        v.description('Max per group'),
      ),
      10,
    ),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    groups: v.array(
      v.object({
        title: v.string(),
        items: v.array(mediaSummary),
        total: v.number(),
        has_more: v.boolean(),
      }),
    ),
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const hubs = await ctx.plex.metadata.related(item.ratingKey, {
      count: input.limit,
      signal: ctx.signal,
    });
    return {
      id: item.ratingKey,
      title: item.title,
      type: item.type,
      groups: hubs
        .filter((hub) => hub.items.length > 0)
        .map((hub) => {
          const items = hub.items.slice(0, input.limit).map(summarize);
          const total = hub.totalSize ?? (hub.more ? hub.size + 1 : hub.items.length);
          return {
            title: hub.title,
            items,
            total: Math.max(total, items.length),
            has_more: hub.more || total > items.length,
          };
        }),
    };
  },
});
