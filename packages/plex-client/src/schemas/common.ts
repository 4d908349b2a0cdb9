import * as v from 'valibot';

/**
 * Building blocks for schemas that tolerate real Plex: ids that arrive as numbers in one
 * endpoint and strings in another, arrays that are omitted when empty, booleans sent as
 * `true`, `1` or `"1"`, and extra fields on every release (unknown keys are ignored).
 */

/** An id Plex sends as number or string; always a string for us (ratingKeys, keys). */
export const id = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
);

/** A number Plex sometimes sends as a string (`"childCount": "3"` on collections). */
export const num = v.pipe(
  v.union([
    v.number(),
    v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/, 'a numeric string')),
  ]),
  v.transform((value) => Number(value)),
);

/** A boolean Plex sends as `true`/`false`, `1`/`0` or `"1"`/`"0"`. */
export const bool = v.pipe(
  v.union([v.boolean(), v.number(), v.string()]),
  v.transform((value) => value === true || value === 1 || value === '1' || value === 'true'),
);

/** An array Plex omits when empty: missing means `[]`. */
export function list<S extends v.GenericSchema>(item: S) {
  return v.optional(v.array(item), () => []);
}

/** An optional field; `null` (plex.tv sends it) counts as absent. */
export function opt<S extends v.GenericSchema>(schema: S) {
  return v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value) => value ?? undefined),
    ),
  );
}

/** The paging numbers on a MediaContainer. */
export const pagingEntries = {
  size: v.optional(num, 0),
  totalSize: opt(num),
  offset: opt(num),
};

/** `{ MediaContainer: {...} }` with the given entries plus paging numbers. */
export function mediaContainer<E extends v.ObjectEntries>(entries: E) {
  return v.object({ MediaContainer: v.object({ ...pagingEntries, ...entries }) });
}

/** A tag as it appears on items (`Genre`, `Director`, `Role`, …). */
export const tagSchema = v.object({
  id: opt(num),
  tag: v.string(),
  filter: opt(v.string()),
  role: opt(v.string()),
  thumb: opt(v.string()),
});

/** A Plex tag on an item. */
export type Tag = v.InferOutput<typeof tagSchema>;
