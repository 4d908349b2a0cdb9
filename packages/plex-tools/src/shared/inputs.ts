import * as v from 'valibot';
import { hidden } from './hidden-input.js';
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

/**
 * Item addressing: one `media` input, an id or an exact title that may end in its year
 * ("Heat (1995)"). A title several items carry is AMBIGUOUS with candidates naming id, year,
 * type and library, so a model picks by id without more inputs to read. The narrowing inputs
 * callers sent before (`library`, `year`, `media_type`) are still honoured, unlisted.
 */
export const mediaAddressing = {
  media: idOrTitle('Item id or exact title, e.g. Heat (1995)'),
  library: hidden(v.optional(libraryInput)),
  year: hidden(v.optional(v.pipe(v.number(), v.integer()))),
  media_type: hidden(v.optional(v.picklist(MEDIA_TYPES))),
};

/** Player addressing: one `client` input, a machineIdentifier or an exact name. */
export const playerAddressing = {
  client: idOrTitle('Player id or exact name'),
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
