import * as v from 'valibot';

/** The compact summary every item list carries. */
export const itemSummary = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  year: v.optional(v.number()),
});

/** One item summary. */
export type ItemSummary = v.InferOutput<typeof itemSummary>;

/** Paging facts on every list output. */
export const pageFacts = {
  total: v.number(),
  offset: v.number(),
  limit: v.number(),
  has_more: v.boolean(),
};

/** Paging facts from a Plex page and the requested window. */
export function pageOf(totalSize: number, offset: number, limit: number, returned: number) {
  return { total: totalSize, offset, limit, has_more: offset + returned < totalSize };
}

/** Unix seconds → ISO-8601, or undefined. */
export function isoTime(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

/** The item summary of a library item. */
export function summarizeItem(item: {
  ratingKey: string;
  title: string;
  type: string;
  year?: number | undefined;
}): ItemSummary {
  return {
    id: item.ratingKey,
    title: item.title,
    type: item.type,
    ...(item.year === undefined ? {} : { year: item.year }),
  };
}
