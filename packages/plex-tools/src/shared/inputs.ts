import * as v from 'valibot';

/**
 * Input pieces shared by many tools. Their descriptions are short and identical everywhere:
 * they recur in most tools, and every byte is read by the model on every `tools/list`.
 */

/** A Plex ratingKey given as string or integer, normalised to a string. */
export const ratingKey = (description: string) =>
  v.pipe(
    v.union([
      v.pipe(v.string(), v.trim(), v.nonEmpty()),
      v.pipe(v.number(), v.integer(), v.minValue(1)),
    ]),
    v.description(description),
    v.transform(String),
  );

/** Media types a title lookup can be narrowed to. */
export const MEDIA_TYPES = [
  'movie',
  'show',
  'season',
  'episode',
  'artist',
  'album',
  'track',
] as const;

/** Item addressing: an id, or a title narrowed by library, year and type. */
export const mediaAddressing = {
  media_id: v.optional(ratingKey('Item id')),
  media_title: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Exact title, if no id')),
  ),
  library_name: v.optional(v.pipe(v.string(), v.description('Its library'))),
  year: v.optional(v.pipe(v.number(), v.integer(), v.description('Its year'))),
  media_type: v.optional(v.pipe(v.picklist(MEDIA_TYPES), v.description('Its type'))),
};

/** Library addressing: a name or an id. */
export const libraryAddressing = {
  library_name: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Library name')),
  ),
  library_id: v.optional(ratingKey('Library id')),
};

/** Paging inputs: `limit` (default 50, max 500) and `offset`. */
export const paging = {
  limit: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500), v.description('Page size')),
    50,
  ),
  offset: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Items to skip')),
    0,
  ),
};
