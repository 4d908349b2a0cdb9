import type { ItemType, SectionRecord } from '../state/types.js';
import { isChoiceField } from './choices.js';
import { FIELDS, type FieldDef, OPERATORS, TYPE_FIELDS } from './fields.js';
import { sectionItemTypes, typeNumber } from './hierarchy.js';
import { defaultSort, SORT_FIELDS, type SortKey } from './sort.js';

/** Plex's plural title for a list of each type. */
export const TYPE_TITLES: Record<ItemType, string> = {
  movie: 'Movies',
  show: 'TV Shows',
  season: 'Seasons',
  episode: 'Episodes',
  artist: 'Artists',
  album: 'Albums',
  track: 'Tracks',
  collection: 'Collections',
  photo: 'Photos',
};

/**
 * The sorts each type offers, in Plex's menu order, with per-type titles where they differ from
 * the field's. Scoped keys sort by another level (`episode.addedAt`: a show's newest episode).
 * Plain keys come before scoped ones with the same ending: python-plexapi picks the first sort
 * whose key ends with the name it was given.
 */
const TYPE_SORTS: Record<ItemType, readonly (string | [string, string])[]> = {
  movie: [
    'titleSort',
    'year',
    'originallyAvailableAt',
    'rating',
    'audienceRating',
    'userRating',
    'contentRating',
    'duration',
    'viewCount',
    'addedAt',
    'lastViewedAt',
    'mediaHeight',
    'random',
  ],
  show: [
    'titleSort',
    'year',
    ['originallyAvailableAt', 'First Aired'],
    'rating',
    'audienceRating',
    'userRating',
    'contentRating',
    'unviewedLeafCount',
    'addedAt',
    ['episode.addedAt', 'Last Episode Date Added'],
    'lastViewedAt',
    'random',
  ],
  season: [['index', 'Season'], 'titleSort', 'addedAt', 'lastViewedAt', 'random'],
  episode: [
    'titleSort',
    ['show.titleSort', 'Show'],
    ['originallyAvailableAt', 'Air Date'],
    ['index', 'Episode'],
    'rating',
    'audienceRating',
    'userRating',
    'duration',
    'viewCount',
    'addedAt',
    'lastViewedAt',
    'mediaHeight',
    'random',
  ],
  artist: ['titleSort', 'userRating', 'viewCount', 'addedAt', 'lastViewedAt', 'random'],
  album: [
    'titleSort',
    ['artist.titleSort', 'Album Artist'],
    'year',
    'originallyAvailableAt',
    'rating',
    'userRating',
    'viewCount',
    'addedAt',
    'lastViewedAt',
    'random',
  ],
  track: [
    'titleSort',
    ['artist.titleSort', 'Artist'],
    ['album.titleSort', 'Album'],
    ['index', 'Track'],
    'duration',
    'userRating',
    'viewCount',
    'addedAt',
    'lastViewedAt',
    'random',
  ],
  collection: ['titleSort', 'addedAt', 'updatedAt', 'random'],
  photo: ['titleSort', ['originallyAvailableAt', 'Date Taken'], 'addedAt', 'random'],
};

/** The order of the simple filters in Plex's filter menu. */
const FILTER_ORDER = [
  'genre',
  'year',
  'decade',
  'contentRating',
  'collection',
  'director',
  'actor',
  'writer',
  'producer',
  'country',
  'studio',
  'resolution',
  'hdr',
  'unwatched',
  'inProgress',
  'unmatched',
  'audioLanguage',
  'subtitleLanguage',
  'style',
  'mood',
  'label',
];

/** Filter-menu titles that differ from the field's. */
const FILTER_TITLES: Record<string, string> = { unwatched: 'Unwatched', label: 'Labels' };

/** A JSON object as the Meta renderer returns it. */
export type MetaObject = Record<string, unknown>;

/** Options for `describeSection`. */
export interface DescribeOptions {
  /** The type being listed; its `Type` entry is marked active. */
  activeType?: ItemType;
  /** The sort in effect; its first key is marked active. */
  activeSort?: readonly SortKey[];
}

/**
 * The `Meta` object of `/all?includeMeta=1` (and the `Type`/`FieldType` arrays of
 * `/library/sections/{id}?includeDetails=1`): per type, the simple filters, the sorts and the
 * fields a query may use, and per field type its operators. python-plexapi validates every
 * search against this, so it lists exactly what the engine accepts.
 */
export function describeSection(
  section: SectionRecord,
  options: DescribeOptions = {},
): { Type: MetaObject[]; FieldType: MetaObject[] } {
  const scoped = section.type === 'show' || section.type === 'artist';
  return {
    Type: sectionItemTypes(section.type).map((type) =>
      describeType(section, type, scoped || type === 'collection', options),
    ),
    FieldType: Object.entries(OPERATORS).map(([type, operators]) => ({
      type,
      Operator: operators.map((operator) => ({ ...operator })),
    })),
  };
}

function describeType(
  section: SectionRecord,
  type: ItemType,
  scoped: boolean,
  options: DescribeOptions,
): MetaObject {
  const fields = TYPE_FIELDS[type]
    .map((key) => FIELDS[key])
    .filter((field): field is FieldDef => field !== undefined);
  return {
    key: `/library/sections/${section.id}/all?type=${typeNumber(type)}`,
    type,
    // Collections say what they collect: the section's top-level type.
    ...(type === 'collection' ? { subtype: sectionItemTypes(section.type)[0] } : {}),
    title: TYPE_TITLES[type],
    active: type === (options.activeType ?? sectionItemTypes(section.type)[0]),
    Filter: FILTER_ORDER.filter((key) => TYPE_FIELDS[type].includes(key))
      .map((key) => FIELDS[key])
      .filter((field): field is FieldDef => field?.filter === true)
      .map((field) => describeFilter(section, type, field)),
    Sort: describeSorts(section, type, options),
    Field: fields.map((field) => ({
      key: scoped ? `${type}.${field.key}` : field.key,
      title: field.title,
      type: field.type,
      ...(field.subType ? { subType: field.subType } : {}),
    })),
  };
}

function describeFilter(section: SectionRecord, type: ItemType, field: FieldDef): MetaObject {
  const path = `/library/sections/${section.id}/${field.key}`;
  return {
    filter: field.key,
    filterType:
      field.type === 'boolean' ? 'boolean' : field.type === 'integer' ? 'integer' : 'string',
    key: isChoiceField(field) ? `${path}?type=${typeNumber(type)}` : path,
    title: FILTER_TITLES[field.key] ?? field.title,
    type: 'filter',
  };
}

function sortName(key: SortKey, type: ItemType): string {
  return key.scope === type ? key.field.key : `${key.scope}.${key.field.key}`;
}

function describeSorts(
  section: SectionRecord,
  type: ItemType,
  options: DescribeOptions,
): MetaObject[] {
  const defaultKey = defaultSort({ sectionType: section.type, type })[0];
  const defaultName = defaultKey ? sortName(defaultKey, type) : 'titleSort';
  const activeKey = type === options.activeType ? options.activeSort?.[0] : undefined;
  const activeName = activeKey ? sortName(activeKey, type) : defaultName;
  return TYPE_SORTS[type].map((entry) => {
    const [name, title] = typeof entry === 'string' ? [entry, undefined] : entry;
    const field = SORT_FIELDS[name.slice(name.lastIndexOf('.') + 1)];
    const defaultDirection = field?.defaultDirection ?? 'asc';
    const activeDirection = activeKey ? (activeKey.descending ? 'desc' : 'asc') : defaultDirection;
    const active = (options.activeType ?? type) === type && name === activeName;
    return {
      ...(name === defaultName ? { default: defaultDirection } : {}),
      ...(active ? { active: true, activeDirection } : {}),
      defaultDirection,
      descKey: `${name}:desc`,
      ...(name === 'titleSort'
        ? { firstCharacterKey: `/library/sections/${section.id}/firstCharacter` }
        : {}),
      key: name,
      title: title ?? field?.title ?? name,
    };
  });
}
