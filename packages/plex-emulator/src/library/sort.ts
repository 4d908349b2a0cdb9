import type { ItemRecord, ItemType, SectionType } from '../state/types.js';
import { type QueryEnv, watchSummary } from './env.js';
import { QueryError } from './errors.js';
import { dateSeconds } from './fields.js';
import { isValidScope, relatedAt, scopeType } from './hierarchy.js';

/** A value items are ordered by; undefined sorts first ascending and last descending, as in PMS. */
export type SortValue = number | string | undefined;

/** One field items can be sorted by. */
export interface SortField {
  key: string;
  /** The title Plex shows (`Date Added`). */
  title: string;
  /** The direction Plex applies when the client names the field without one. */
  defaultDirection: 'asc' | 'desc';
  /** True when the value depends on the caller's watch state (so cached orders are per account). */
  perAccount?: boolean;
  /** True for `random`, which is never cached. */
  random?: boolean;
  value(item: ItemRecord, env: QueryEnv): SortValue;
}

/** One `field[:desc][:nullsLast]` of a `sort=` list, resolved. */
export interface SortKey {
  /** The level the value is read at: `show` in `show.titleSort`, else the result type. */
  scope: ItemType;
  field: SortField;
  descending: boolean;
  nullsLast: boolean;
}

const LEADING_ARTICLE = /^(the|an|a)\s+/i;

/**
 * The text PMS orders titles by: the stored sort title, else the title without a leading
 * English article, lower-cased and without accents, so plain `<` compares it quickly.
 */
export function sortTitle(item: ItemRecord): string {
  const base = item.titleSort ?? item.title.replace(LEADING_ARTICLE, '');
  return normalizeText(base);
}

/** Lower-case, accent-free text for ordering and first letters. */
export function normalizeText(text: string): string {
  // Unicode normalisation is slow; most titles are plain ASCII and need only lower-casing.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const NON_ASCII = /[^ -~\t\n]/;

const watch =
  (pick: 'viewCount' | 'lastViewedAt' | 'userRating') => (item: ItemRecord, env: QueryEnv) =>
    watchSummary(env, item)[pick];

function maxMediaHeight(item: ItemRecord): number | undefined {
  let height: number | undefined;
  for (const media of item.media) {
    if (media.height !== undefined && (height ?? -1) < media.height) height = media.height;
  }
  return height;
}

function sortField(
  key: string,
  title: string,
  defaultDirection: 'asc' | 'desc',
  value: SortField['value'],
  extra: Partial<Pick<SortField, 'perAccount' | 'random'>> = {},
): [string, SortField] {
  return [key, { key, title, defaultDirection, value, ...extra }];
}

/** Every sort field the engine knows, by key. */
export const SORT_FIELDS: Readonly<Record<string, SortField>> = Object.fromEntries([
  sortField('titleSort', 'Title', 'asc', sortTitle),
  sortField('title', 'Title', 'asc', (item) => normalizeText(item.title)),
  sortField('originalTitle', 'Original Title', 'asc', (item) =>
    item.originalTitle === undefined ? undefined : normalizeText(item.originalTitle),
  ),
  sortField('year', 'Year', 'desc', (item) => item.year),
  sortField('originallyAvailableAt', 'Release Date', 'desc', (item) =>
    dateSeconds(item.originallyAvailableAt),
  ),
  sortField('addedAt', 'Date Added', 'desc', (item) => item.addedAt),
  sortField('updatedAt', 'Date Updated', 'desc', (item) => item.updatedAt),
  sortField('rating', 'Critic Rating', 'desc', (item) => item.rating),
  sortField('audienceRating', 'Audience Rating', 'desc', (item) => item.audienceRating),
  sortField('userRating', 'Rating', 'desc', watch('userRating'), { perAccount: true }),
  sortField('lastViewedAt', 'Last Played', 'desc', watch('lastViewedAt'), { perAccount: true }),
  sortField('viewCount', 'Plays', 'desc', watch('viewCount'), { perAccount: true }),
  sortField(
    'lastRatedAt',
    'Last Rated',
    'desc',
    (item, env) => env.state.watchState(env.accountId, item.ratingKey).lastRatedAt,
    { perAccount: true },
  ),
  sortField(
    'unviewedLeafCount',
    'Unplayed',
    'desc',
    (item, env) =>
      env.state.leavesOf(item).filter((leaf) => {
        return env.state.watchState(env.accountId, leaf.ratingKey).viewCount === 0;
      }).length,
    { perAccount: true },
  ),
  sortField('duration', 'Duration', 'desc', (item) => item.duration),
  sortField('index', 'Number', 'asc', (item) => item.index),
  sortField('mediaHeight', 'Resolution', 'desc', maxMediaHeight),
  sortField('contentRating', 'Content Rating', 'asc', (item) => item.contentRating),
  sortField('studio', 'Studio', 'asc', (item) =>
    item.studio === undefined ? undefined : normalizeText(item.studio),
  ),
  sortField('id', 'Rating Key', 'asc', (item) => Number(item.ratingKey)),
  sortField('random', 'Randomly', 'asc', () => Math.random(), { random: true }),
]);

/** Where a sort is read: which section and which result type. */
export interface SortContext {
  sectionType: SectionType;
  type: ItemType;
}

/**
 * Reads `sort=` as PMS takes it: comma-separated fields, each optionally scoped
 * (`episode.addedAt`) and followed by `:desc`, `:asc` or `:nullsLast`. A field without a
 * direction sorts ascending, as in PMS. Throws `QueryError` (400) for unknown fields or scopes.
 */
export function parseSort(value: string, context: SortContext): SortKey[] {
  return value
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [name = '', ...features] = part.trim().split(':');
      const dot = name.lastIndexOf('.');
      const key = dot >= 0 ? name.slice(dot + 1) : name;
      const field = Object.hasOwn(SORT_FIELDS, key) ? SORT_FIELDS[key] : undefined;
      if (!field) throw new QueryError(`unknown sort field ${name}`);
      let scope = context.type;
      if (dot >= 0) {
        const named = scopeType(name.slice(0, dot));
        if (!named || !isValidScope(context.sectionType, context.type, named)) {
          throw new QueryError(`unknown scope in sort ${name}`);
        }
        scope = named;
      }
      for (const feature of features) {
        if (feature !== 'desc' && feature !== 'asc' && feature !== 'nullsLast') {
          throw new QueryError(`unknown sort direction ${feature}`);
        }
      }
      return {
        scope,
        field,
        descending: features.includes('desc'),
        nullsLast: features.includes('nullsLast'),
      };
    });
}

/** The order each type lists in when the client asks for none: by title, or by position for children. */
const DEFAULT_SORTS: Record<ItemType, string> = {
  movie: 'titleSort',
  show: 'titleSort',
  season: 'show.titleSort,index',
  episode: 'show.titleSort,season.index,index',
  artist: 'titleSort',
  album: 'artist.titleSort,titleSort',
  track: 'artist.titleSort,album.titleSort,index',
  collection: 'titleSort',
  photo: 'titleSort',
};

/** The default order of a type in a section. */
export function defaultSort(context: SortContext): SortKey[] {
  return parseSort(DEFAULT_SORTS[context.type], context);
}

/** A short, stable text form of a sort, for cache keys. */
export function sortSignature(keys: readonly SortKey[]): string {
  return keys
    .map((key) => {
      const features = `${key.descending ? ':desc' : ''}${key.nullsLast ? ':nullsLast' : ''}`;
      return `${key.scope}.${key.field.key}${features}`;
    })
    .join(',');
}

/** The value of one sort key for an item; a level below reports its largest value. */
function valueAt(
  key: SortKey,
  item: ItemRecord,
  env: QueryEnv,
  sectionType: SectionType,
): SortValue {
  if (key.scope === item.type) return key.field.value(item, env);
  let best: SortValue;
  for (const related of relatedAt(env.state, sectionType, item, key.scope)) {
    const value = key.field.value(related, env);
    if (value !== undefined && (best === undefined || value > best)) best = value;
  }
  return best;
}

function compareValues(a: SortValue, b: SortValue, key: SortKey): number {
  if (a === b) return 0;
  const last = key.descending || key.nullsLast;
  if (a === undefined) return last ? 1 : -1;
  if (b === undefined) return last ? -1 : 1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return key.descending ? -order : order;
}

/**
 * Orders items by sort keys and returns their ratingKeys. Each item's values are computed once
 * (decorate, sort, undecorate), and ties fall back to ratingKey order so results are stable.
 */
export function sortItems(
  items: readonly ItemRecord[],
  keys: readonly SortKey[],
  env: QueryEnv,
  sectionType: SectionType,
): string[] {
  const rows = items.map((item) => ({
    key: item.ratingKey,
    id: Number(item.ratingKey),
    values: keys.map((key) => valueAt(key, item, env, sectionType)),
  }));
  rows.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!key) continue;
      const order = compareValues(a.values[i], b.values[i], key);
      if (order !== 0) return order;
    }
    if (a.id !== b.id && Number.isFinite(a.id - b.id)) return a.id - b.id;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return rows.map((row) => row.key);
}
