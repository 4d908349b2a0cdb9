import type { EditableField, EditableTag, MetadataEdit, MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { boundedArray } from '../../shared/bounded-array.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { readBack } from '../../shared/read-back.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { warningsField } from '../../shared/warnings.js';

/** Text inputs and the Plex field each sets. */
const FIELDS = {
  title: 'title',
  sort_title: 'titleSort',
  summary: 'summary',
  tagline: 'tagline',
  studio: 'studio',
  content_rating: 'contentRating',
  originally_available_at: 'originallyAvailableAt',
} as const satisfies Record<string, EditableField>;

/** Tag kinds the tool edits: output name, Plex edit kind, and the item array they are read from. */
const TAGS = {
  genres: { kind: 'genre', element: 'Genre' },
  labels: { kind: 'label', element: 'Label' },
  directors: { kind: 'director', element: 'Director' },
  writers: { kind: 'writer', element: 'Writer' },
} as const satisfies Record<string, { kind: EditableTag; element: keyof MetadataItem }>;

type FieldName = keyof typeof FIELDS;
type TagName = keyof typeof TAGS;

const text = (description: string) =>
  v.optional(v.pipe(v.string(), v.trim(), v.description(description)));

/** The tag kinds as `add_tags` and `remove_tags` spell them, before the colon. */
const KINDS = Object.values(TAGS).map((tag) => tag.kind);

/**
 * Tags as `kind:name` ("genre:Noir"): two inputs for four kinds, instead of eight lists a model
 * reads on every turn. The old `add_genres`, `remove_labels`, … still work (input-aliases.ts).
 */
const tagList = (description: string) =>
  v.optional(
    v.pipe(
      boundedArray(
        v.pipe(
          v.string(),
          v.trim(),
          v.regex(
            new RegExp(`^(${KINDS.join('|')}):.`),
            `Expected kind:name with kind ${KINDS.join(', ')} (e.g. genre:Noir)`,
          ),
        ),
      ),
      v.description(description),
    ),
  );

/** The names of one kind in `kind:name` tags, trimmed, empty ones dropped. */
const namesOf = (tags: readonly string[] | undefined, kind: EditableTag) =>
  (tags ?? [])
    .filter((tag) => tag.startsWith(`${kind}:`))
    .map((tag) => tag.slice(kind.length + 1).trim())
    .filter((name) => name !== '');

const optText = v.optional(v.nullable(v.string()));
const optTags = v.optional(v.array(v.string()));

/** media_edit_metadata: sets fields and adds or removes tags, locking them against refreshes. */
export const mediaEditMetadata = defineTool({
  name: 'media_edit_metadata',
  module: 'media',
  access: 'write',
  title: 'Edit media metadata',
  description: "Edit an item's fields and tags; '' clears a field.",
  input: v.object({
    ...mediaAddressing,
    title: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('New title'))),
    sort_title: text('Sort title'),
    summary: text('Summary'),
    tagline: text('Tagline'),
    studio: text('Studio'),
    content_rating: text('Content rating'),
    originally_available_at: v.optional(
      v.pipe(v.string(), v.isoDate('Expected a date as YYYY-MM-DD'), v.description('Release date')),
    ),
    user_rating: v.optional(
      v.pipe(v.number(), v.minValue(0), v.maxValue(10), v.description('Your rating')),
    ),
    add_tags: tagList('Tags to add, e.g. genre:Noir'),
    remove_tags: tagList('Tags to remove'),
    lock: v.optional(v.pipe(v.boolean(), v.description('Lock edits against refreshes')), true),
  }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    /** The values Plex holds after the edit; null when reading them back failed (the edit took). */
    changed: v.nullable(
      v.object({
        title: v.optional(v.string()),
        sort_title: optText,
        summary: optText,
        tagline: optText,
        studio: optText,
        content_rating: optText,
        originally_available_at: optText,
        user_rating: v.optional(v.nullable(v.number())),
        genres: optTags,
        labels: optTags,
        directors: optTags,
        writers: optTags,
      }),
    ),
    locked: v.boolean(),
    ...warningsField,
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const fields: Partial<Record<EditableField, string | null>> = {};
    const editedFields: FieldName[] = [];
    for (const name of Object.keys(FIELDS) as FieldName[]) {
      const value = input[name];
      if (value === undefined) continue;
      fields[FIELDS[name]] = value === '' ? null : value;
      editedFields.push(name);
    }
    const addTags: Partial<Record<EditableTag, string[]>> = {};
    const removeTags: Partial<Record<EditableTag, string[]>> = {};
    const editedTags: TagName[] = [];
    for (const name of Object.keys(TAGS) as TagName[]) {
      const add = namesOf(input.add_tags, TAGS[name].kind);
      const remove = namesOf(input.remove_tags, TAGS[name].kind);
      if (add.length === 0 && remove.length === 0) continue;
      if (add.length > 0) addTags[TAGS[name].kind] = add;
      if (remove.length > 0) removeTags[TAGS[name].kind] = remove;
      editedTags.push(name);
    }
    if (editedFields.length === 0 && editedTags.length === 0 && input.user_rating === undefined) {
      throw new ToolError(
        'INVALID_INPUT',
        'Nothing to edit: give at least one field (title, summary, …), user_rating, or tags to add or remove.',
      );
    }

    const item = await resolveMedia(ctx, input);
    const call = { signal: ctx.signal };
    if (editedFields.length > 0 || editedTags.length > 0) {
      const edit: MetadataEdit = { fields, addTags, removeTags, lock: input.lock };
      if (item.librarySectionID !== undefined) edit.sectionId = item.librarySectionID;
      await ctx.plex.metadata.edit(item.ratingKey, edit, call);
    }
    if (input.user_rating !== undefined) {
      await ctx.plex.metadata.rate(item.ratingKey, input.user_rating, call);
    }

    const { warnings, after, identity } = await readBack(ctx, item, 'edited values');
    if (after === null) return warnings.attach({ ...identity, changed: null, locked: input.lock });
    const now: Record<FieldName, string | undefined> = {
      title: after.title,
      sort_title: after.titleSort,
      summary: after.summary,
      tagline: after.tagline,
      studio: after.studio,
      content_rating: after.contentRating,
      originally_available_at: after.originallyAvailableAt,
    };
    const changed: Record<string, string | number | null | string[]> = {};
    for (const name of editedFields) changed[name] = now[name] ?? null;
    for (const name of editedTags) changed[name] = after[TAGS[name].element].map((tag) => tag.tag);
    if (input.user_rating !== undefined) changed.user_rating = after.userRating ?? null;
    return warnings.attach({ ...identity, changed, locked: input.lock });
  },
});
