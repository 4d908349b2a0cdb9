import * as v from 'valibot';

/**
 * Building blocks for schemas that tolerate real Plex: ids that arrive as numbers in one
 * endpoint and strings in another, arrays that are omitted when empty, booleans sent as
 * `true`, `1` or `"1"`, and extra fields on every release (unknown keys are ignored).
 */

// The building blocks have named types, so the declarations of the schemas built from them
// (and of the client's public types) name them instead of spelling them out at every field.

const idSchema = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
);
type IdSchemaType = typeof idSchema;
/** The schema of an id: number or string in, string out. */
export interface IdSchema extends IdSchemaType {}
/** An id Plex sends as number or string; always a string for us (ratingKeys, keys). */
export const id: IdSchema = idSchema;

const numSchema = v.pipe(
  v.union([
    v.number(),
    v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/, 'a numeric string')),
  ]),
  v.transform((value) => Number(value)),
);
type NumSchemaType = typeof numSchema;
/** The schema of a number that may arrive as a numeric string. */
export interface NumSchema extends NumSchemaType {}
/** A number Plex sometimes sends as a string (`"childCount": "3"` on collections). */
export const num: NumSchema = numSchema;

const boolSchema = v.pipe(
  v.union([v.boolean(), v.number(), v.string()]),
  v.transform((value) => value === true || value === 1 || value === '1' || value === 'true'),
);
type BoolSchemaType = typeof boolSchema;
/** The schema of a boolean sent as `true`, `1` or `"1"`. */
export interface BoolSchema extends BoolSchemaType {}
/** A boolean Plex sends as `true`/`false`, `1`/`0` or `"1"`/`"0"`. */
export const bool: BoolSchema = boolSchema;

const commaListSchema = v.pipe(
  v.optional(v.nullable(v.string())),
  v.transform((text) =>
    (text ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  ),
);
type CommaListSchemaType = typeof commaListSchema;
/** The schema of a comma-separated list sent as one string. */
export interface CommaListSchema extends CommaListSchemaType {}
/** A comma-separated list Plex sends as one string (`"playback,timeline"`); absent means `[]`. */
export const commaList: CommaListSchema = commaListSchema;

/** The schema `list(item)` builds: an array, `[]` when omitted. */
export interface ListSchema<S extends v.GenericSchema>
  extends v.OptionalSchema<v.ArraySchema<S, undefined>, () => never[]> {}

/** An array Plex omits when empty: missing means `[]`. */
export function list<S extends v.GenericSchema>(item: S): ListSchema<S> {
  return v.optional(v.array(item), () => []);
}

/** The schema `opt(schema)` builds: the value, or `undefined` when absent or null. */
export interface OptSchema<S extends v.GenericSchema>
  extends v.OptionalSchema<
    v.SchemaWithPipe<
      readonly [
        v.NullableSchema<S, undefined>,
        v.TransformAction<v.InferOutput<S> | null, NonNullable<v.InferOutput<S>> | undefined>,
      ]
    >,
    undefined
  > {}

/** An optional field; `null` (plex.tv sends it) counts as absent. */
export function opt<S extends v.GenericSchema>(schema: S): OptSchema<S> {
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

/** Object entries `Base` with `Extra` added, `Extra` winning where both have a key. */
export type Extend<Base, Extra> = Omit<Base, keyof Extra> & Extra;

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
