import type { ItemRecord, ItemType, StreamRecord, TagKind } from '../state/types.js';
import { type QueryEnv, watchSummary } from './env.js';

/** Plex's field types; each has its own operators (see `OPERATORS`). */
export type FieldType =
  | 'tag'
  | 'integer'
  | 'string'
  | 'boolean'
  | 'date'
  | 'resolution'
  | 'audioLanguage'
  | 'subtitleLanguage';

interface FieldBase {
  /** The name in queries (`genre`, `year`, `unwatched`). */
  key: string;
  /** The title Plex shows for it (`Genre`, `Year`, `Unplayed`). */
  title: string;
  /** Plex's hint for clients (`decade`, `rating`, `duration`). */
  subType?: string;
  /** Listed as a simple filter (with a value list or as a toggle) in `Meta.Type[].Filter`. */
  filter?: boolean;
}

/** A tag field: matched by tag id or name. `tagKind` is what `state.tagId` numbers it under. */
export interface TagField extends FieldBase {
  type: 'tag';
  tagKind: string;
  /** Tag names on the item. */
  values(item: ItemRecord): readonly string[];
}

/** A number (integer) or a Unix time (date). */
export interface NumberField extends FieldBase {
  type: 'integer' | 'date';
  value(item: ItemRecord, env: QueryEnv): number | undefined;
}

/** Free text, matched case-insensitively. */
export interface StringField extends FieldBase {
  type: 'string';
  value(item: ItemRecord): string | undefined;
}

/** A yes/no property of the item (or of the caller's watch state). */
export interface BooleanField extends FieldBase {
  type: 'boolean';
  value(item: ItemRecord, env: QueryEnv): boolean;
}

/** A value picked from a fixed list: resolution buckets, ISO 639-2 language codes. */
export interface ChoiceField extends FieldBase {
  type: 'resolution' | 'audioLanguage' | 'subtitleLanguage';
  /** Codes on the item (`1080`, `eng`). */
  values(item: ItemRecord): readonly string[];
  /** The display name of a code (`1080p`, `English`), used by value lists. */
  label(code: string, item: ItemRecord | undefined): string;
}

/** One filterable field of library items. */
export type FieldDef = TagField | NumberField | StringField | BooleanField | ChoiceField;

/** The operators each field type accepts, with Plex's titles (as `Meta.FieldType` lists them). */
export const OPERATORS: Record<FieldType, readonly { key: string; title: string }[]> = {
  tag: [
    { key: '=', title: 'is' },
    { key: '!=', title: 'is not' },
  ],
  integer: [
    { key: '=', title: 'is' },
    { key: '!=', title: 'is not' },
    { key: '>>=', title: 'is greater than' },
    { key: '<<=', title: 'is less than' },
  ],
  string: [
    { key: '=', title: 'contains' },
    { key: '!=', title: 'does not contain' },
    { key: '==', title: 'is' },
    { key: '!==', title: 'is not' },
    { key: '<=', title: 'begins with' },
    { key: '>=', title: 'ends with' },
  ],
  boolean: [
    { key: '=', title: 'is true' },
    { key: '!=', title: 'is false' },
  ],
  date: [
    { key: '<<=', title: 'is before' },
    { key: '>>=', title: 'is after' },
  ],
  resolution: [{ key: '=', title: 'is' }],
  audioLanguage: [
    { key: '=', title: 'is' },
    { key: '!=', title: 'is not' },
  ],
  subtitleLanguage: [
    { key: '=', title: 'is' },
    { key: '!=', title: 'is not' },
  ],
};

/**
 * Operators the engine evaluates beyond the advertised ones: PMS also takes `<=`/`>=` on numbers
 * and dates and `=`/`!=` on dates, and `!=` on resolution.
 */
export const ACCEPTED_OPERATORS: Record<FieldType, ReadonlySet<string>> = {
  tag: new Set(['=', '!=']),
  integer: new Set(['=', '!=', '>>=', '<<=', '>=', '<=']),
  string: new Set(['=', '!=', '==', '!==', '<=', '>=']),
  boolean: new Set(['=', '!=']),
  date: new Set(['=', '!=', '>>=', '<<=', '>=', '<=']),
  resolution: new Set(['=', '!=']),
  audioLanguage: new Set(['=', '!=']),
  subtitleLanguage: new Set(['=', '!=']),
};

function tagField(key: string, title: string, kind: TagKind): TagField {
  return {
    key,
    title,
    type: 'tag',
    tagKind: kind,
    filter: true,
    values: (item) => item.tags[kind]?.map((tag) => tag.tag) ?? [],
  };
}

/** `YYYY-MM-DD` as Unix seconds at UTC midnight. */
export function dateSeconds(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Plex's resolution buckets, best first, with their display names. */
export const RESOLUTIONS: readonly { code: string; title: string }[] = [
  { code: '4k', title: '4K' },
  { code: '1080', title: '1080p' },
  { code: '720', title: '720p' },
  { code: '480', title: '480p' },
  { code: 'sd', title: 'SD' },
];

/** The bucket a `videoResolution` (`4k`, `2160`, `1080`, `576`, `sd`) falls in. */
export function resolutionBucket(videoResolution: string): string {
  const value = videoResolution.toLowerCase().replace(/p$/, '');
  if (value === '4k' || value === '2160') return '4k';
  if (value === '1080' || value === '720' || value === '480') return value;
  return 'sd';
}

function streamsOf(item: ItemRecord, streamType: StreamRecord['streamType']): StreamRecord[] {
  const streams: StreamRecord[] = [];
  for (const media of item.media) {
    for (const part of media.parts) {
      for (const stream of part.streams) if (stream.streamType === streamType) streams.push(stream);
    }
  }
  return streams;
}

function languageField(
  key: 'audioLanguage' | 'subtitleLanguage',
  title: string,
  streamType: 2 | 3,
): ChoiceField {
  return {
    key,
    title,
    type: key,
    filter: true,
    values: (item) => [
      ...new Set(
        streamsOf(item, streamType)
          .map((stream) => stream.languageCode)
          .filter((code): code is string => code !== undefined),
      ),
    ],
    label: (code, item) =>
      (item && streamsOf(item, streamType).find((s) => s.languageCode === code)?.language) ?? code,
  };
}

const watchNumber =
  (pick: 'viewCount' | 'lastViewedAt' | 'userRating') => (item: ItemRecord, env: QueryEnv) =>
    watchSummary(env, item)[pick];

/** Every field the engine can filter on, by key. Which types offer which is `TYPE_FIELDS`. */
export const FIELDS: Readonly<Record<string, FieldDef>> = Object.fromEntries(
  (
    [
      { key: 'title', title: 'Title', type: 'string', value: (item) => item.title },
      {
        key: 'originalTitle',
        title: 'Original Title',
        type: 'string',
        value: (i) => i.originalTitle,
      },
      {
        key: 'studio',
        title: 'Studio',
        type: 'string',
        filter: true,
        value: (item) => item.studio,
      },
      {
        key: 'contentRating',
        title: 'Content Rating',
        type: 'tag',
        tagKind: 'contentRating',
        filter: true,
        values: (item) => (item.contentRating ? [item.contentRating] : []),
      },
      { key: 'year', title: 'Year', type: 'integer', filter: true, value: (item) => item.year },
      {
        key: 'decade',
        title: 'Decade',
        type: 'integer',
        subType: 'decade',
        filter: true,
        value: (item) => (item.year === undefined ? undefined : item.year - (item.year % 10)),
      },
      {
        key: 'originallyAvailableAt',
        title: 'Release Date',
        type: 'date',
        value: (item) => dateSeconds(item.originallyAvailableAt),
      },
      {
        key: 'duration',
        title: 'Duration',
        type: 'integer',
        subType: 'duration',
        value: (item) => item.duration,
      },
      {
        key: 'rating',
        title: 'Critic Rating',
        type: 'integer',
        subType: 'rating',
        value: (item) => item.rating,
      },
      {
        key: 'audienceRating',
        title: 'Audience Rating',
        type: 'integer',
        subType: 'rating',
        value: (item) => item.audienceRating,
      },
      {
        key: 'userRating',
        title: 'User Rating',
        type: 'integer',
        subType: 'rating',
        value: watchNumber('userRating'),
      },
      { key: 'index', title: 'Number', type: 'integer', value: (item) => item.index },
      { key: 'id', title: 'Rating Key', type: 'integer', value: (item) => Number(item.ratingKey) },
      { key: 'addedAt', title: 'Date Added', type: 'date', value: (item) => item.addedAt },
      { key: 'updatedAt', title: 'Date Updated', type: 'date', value: (item) => item.updatedAt },
      {
        key: 'lastViewedAt',
        title: 'Last Played',
        type: 'date',
        value: watchNumber('lastViewedAt'),
      },
      { key: 'viewCount', title: 'Plays', type: 'integer', value: watchNumber('viewCount') },
      {
        key: 'unwatched',
        title: 'Unplayed',
        type: 'boolean',
        filter: true,
        value: (item, env) => watchSummary(env, item).unwatched,
      },
      {
        key: 'inProgress',
        title: 'In Progress',
        type: 'boolean',
        filter: true,
        value: (item, env) => watchSummary(env, item).inProgress,
      },
      {
        key: 'duplicate',
        title: 'Duplicate',
        type: 'boolean',
        value: (item) => item.media.length > 1,
      },
      {
        key: 'unmatched',
        title: 'Unmatched',
        type: 'boolean',
        filter: true,
        value: (item) => item.guid.startsWith('local://'),
      },
      {
        key: 'trash',
        title: 'In Trash',
        type: 'boolean',
        value: (item, env) =>
          env.state.sections.get(item.sectionId)?.trash.has(item.ratingKey) ?? false,
      },
      {
        key: 'hdr',
        title: 'HDR',
        type: 'boolean',
        filter: true,
        value: (item) =>
          streamsOf(item, 1).some((stream) =>
            /\b(hdr|dolby vision|hlg)\b/i.test(stream.displayTitle),
          ),
      },
      {
        key: 'resolution',
        title: 'Resolution',
        type: 'resolution',
        filter: true,
        values: (item) => [
          ...new Set(
            item.media
              .map((media) => media.videoResolution)
              .filter((value): value is string => value !== undefined)
              .map(resolutionBucket),
          ),
        ],
        label: (code) => RESOLUTIONS.find((entry) => entry.code === code)?.title ?? code,
      },
      languageField('audioLanguage', 'Audio Language', 2),
      languageField('subtitleLanguage', 'Subtitle Language', 3),
      tagField('genre', 'Genre', 'genre'),
      tagField('director', 'Director', 'director'),
      tagField('writer', 'Writer', 'writer'),
      tagField('producer', 'Producer', 'producer'),
      tagField('actor', 'Actor', 'role'),
      tagField('country', 'Country', 'country'),
      tagField('collection', 'Collection', 'collection'),
      tagField('label', 'Label', 'label'),
      tagField('style', 'Style', 'style'),
      tagField('mood', 'Mood', 'mood'),
    ] satisfies FieldDef[]
  ).map((field) => [field.key, field]),
);

const WATCH = ['lastViewedAt', 'viewCount', 'unwatched', 'inProgress', 'userRating'];
const DATES = ['addedAt', 'updatedAt'];

/**
 * Fields each item type offers, in the order `Meta` lists them. Unqualified query fields resolve
 * against these (then against the levels below and above, see `resolveField`).
 */
export const TYPE_FIELDS: Readonly<Record<ItemType, readonly string[]>> = {
  movie: [
    'title',
    'originalTitle',
    'studio',
    'contentRating',
    'year',
    'decade',
    'originallyAvailableAt',
    'duration',
    'rating',
    'audienceRating',
    ...WATCH,
    ...DATES,
    'duplicate',
    'unmatched',
    'trash',
    'resolution',
    'hdr',
    'audioLanguage',
    'subtitleLanguage',
    'genre',
    'director',
    'writer',
    'producer',
    'actor',
    'country',
    'collection',
    'label',
    'id',
  ],
  show: [
    'title',
    'originalTitle',
    'studio',
    'contentRating',
    'year',
    'decade',
    'originallyAvailableAt',
    'rating',
    'audienceRating',
    ...WATCH,
    ...DATES,
    'unmatched',
    'genre',
    'actor',
    'country',
    'collection',
    'label',
    'id',
  ],
  season: ['title', 'index', 'year', ...WATCH, ...DATES, 'label', 'id'],
  episode: [
    'title',
    'index',
    'year',
    'decade',
    'originallyAvailableAt',
    'duration',
    'rating',
    'audienceRating',
    ...WATCH,
    ...DATES,
    'duplicate',
    'trash',
    'resolution',
    'hdr',
    'audioLanguage',
    'subtitleLanguage',
    'director',
    'writer',
    'label',
    'id',
  ],
  artist: [
    'title',
    'genre',
    'style',
    'mood',
    'country',
    'collection',
    'label',
    ...WATCH,
    ...DATES,
    'id',
  ],
  album: [
    'title',
    'studio',
    'year',
    'decade',
    'originallyAvailableAt',
    'genre',
    'style',
    'mood',
    'collection',
    'label',
    ...WATCH,
    ...DATES,
    'id',
  ],
  track: ['title', 'index', 'duration', 'mood', ...WATCH, ...DATES, 'trash', 'id'],
  collection: ['title', 'contentRating', 'label', ...DATES, 'id'],
  photo: ['title', 'year', 'originallyAvailableAt', ...DATES, 'label', 'id'],
};

/** The field definition for a key, if the engine knows it at all. */
export function fieldDef(key: string): FieldDef | undefined {
  return Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
}

/** Whether an item type offers a field. */
export function typeHasField(type: ItemType, key: string): boolean {
  return TYPE_FIELDS[type].includes(key);
}
