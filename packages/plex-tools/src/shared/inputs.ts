import * as v from 'valibot';
import { idOrTitle } from './id-or-title.js';

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

/**
 * A library as one input, by id or exact name (a number-like value is tried as an id first).
 * One schema, one description everywhere: whether it narrows or picks is the tool's to say.
 */
export const libraryInput = idOrTitle('Library id or name');

/** Item addressing: an id, or a title narrowed by library, year and type. */
export const mediaAddressing = {
  media_id: v.optional(ratingKey('Item id')),
  media_title: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Exact title, if no id')),
  ),
  library: v.optional(libraryInput),
  year: v.optional(v.pipe(v.number(), v.integer(), v.description('Its year'))),
  media_type: v.optional(v.pipe(v.picklist(MEDIA_TYPES), v.description('Its type'))),
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
