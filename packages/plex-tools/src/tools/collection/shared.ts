import type { Collection } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';

/** A collection as lists and writes show it. */
export const collectionSummary = v.object({
  id: v.string(),
  title: v.string(),
  library: v.string(),
  smart: v.boolean(),
  item_count: v.number(),
});

/** The compact view of a collection in a library. */
export function summarizeCollection(
  collection: Collection,
  library: string,
): v.InferOutput<typeof collectionSummary> {
  return {
    id: collection.ratingKey,
    title: collection.title,
    library,
    smart: collection.smart ?? false,
    item_count: collection.childCount ?? 0,
  };
}

/** The ratingKeys of every member of a collection. */
export async function memberKeys(ctx: ToolContext, collectionId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const item of ctx.plex.collections.iterateItems(collectionId, { signal: ctx.signal }))
    keys.add(item.ratingKey);
  return keys;
}
