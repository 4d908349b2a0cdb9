import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType, SectionRecord, SectionType } from '../state/types.js';
import { cacheFor } from './cache.js';
import type { QueryEnv } from './env.js';
import { facetCount } from './facets.js';
import { compileFilter, type FilterGroup, filterSignature, parseFilter } from './filters.js';
import { parseItemType, topType } from './hierarchy.js';
import { defaultSort, parseSort, type SortKey, sortItems, sortSignature } from './sort.js';

/** A resolved media query over one section: which items, in which order, for whom. */
export interface LibraryQuery {
  sectionId: number;
  sectionType: SectionType;
  /** The result type. */
  type: ItemType;
  /** The caller whose watch state filters and sorts use. */
  accountId: number;
  /** Undefined when every item of the type matches. */
  filter: FilterGroup | undefined;
  sort: readonly SortKey[];
}

/** How to read a query string into a `LibraryQuery`. */
export interface ParseQueryOptions {
  section: SectionRecord;
  accountId: number;
  /** Unix seconds, for relative dates (`addedAt>>=-30d`). */
  now: number;
  /** The type when `type=` is absent; defaults to the section's top type. */
  defaultType?: ItemType;
  /** The sort when `sort=` is absent (e.g. `addedAt:desc`); defaults to the type's usual order. */
  defaultSort?: string;
  /** Parameters that are not filters on this endpoint. */
  ignore?: ReadonlySet<string>;
}

/**
 * Reads `type`, `sourceType`, `sort` and the filters of a PMS media query (the `/all` query
 * string). Throws `QueryError` (an `HttpError(400)`) for anything PMS would refuse.
 */
export function parseLibraryQuery(
  params: URLSearchParams,
  options: ParseQueryOptions,
): LibraryQuery {
  const { section } = options;
  const type = parseItemType(params.get('type')) ?? options.defaultType ?? topType(section.type);
  const sourceType = parseItemType(params.get('sourceType'));
  const filter = parseFilter(params, {
    sectionType: section.type,
    type,
    now: options.now,
    ...(sourceType ? { sourceType } : {}),
    ...(options.ignore ? { ignore: options.ignore } : {}),
  });
  const sortContext = { sectionType: section.type, type };
  const sortParam = params.get('sort') || options.defaultSort;
  const sort = sortParam ? parseSort(sortParam, sortContext) : defaultSort(sortContext);
  return {
    sectionId: section.id,
    sectionType: section.type,
    type,
    accountId: options.accountId,
    filter,
    sort,
  };
}

/** Builds a query in code: all items of a type, optionally filtered and sorted (`addedAt:desc`). */
export function libraryQuery(parts: {
  section: SectionRecord;
  accountId: number;
  type?: ItemType;
  filter?: FilterGroup;
  sort?: string;
}): LibraryQuery {
  const { section } = parts;
  const type = parts.type ?? topType(section.type);
  const sortContext = { sectionType: section.type, type };
  return {
    sectionId: section.id,
    sectionType: section.type,
    type,
    accountId: parts.accountId,
    filter: parts.filter,
    sort: parts.sort ? parseSort(parts.sort, sortContext) : defaultSort(sortContext),
  };
}

function envOf(state: EmulatorState, query: LibraryQuery): QueryEnv {
  return { state, accountId: query.accountId };
}

function resolve(state: EmulatorState, keys: readonly string[]): ItemRecord[] {
  const items: ItemRecord[] = [];
  for (const key of keys) {
    const item = state.items.get(key);
    if (item) items.push(item);
  }
  return items;
}

/**
 * The ratingKeys of every item of the query's type in its section, in the query's order. Orders
 * are cached per (section, type, sort[, account for watch-state sorts]) until `state.revision`
 * changes, so paging through a 100,000-item section sorts it once. Do not mutate the result.
 */
export function orderedKeys(state: EmulatorState, query: LibraryQuery): readonly string[] {
  const random = query.sort.some((key) => key.field.random);
  const perAccount = query.sort.some((key) => key.field.perAccount);
  const cacheKey = `${query.sectionId}|${query.type}|${sortSignature(query.sort)}|${perAccount ? query.accountId : ''}`;
  const cache = cacheFor<readonly string[]>(state, 'order');
  const cached = random ? undefined : cache.get(cacheKey, state.revision);
  if (cached) return cached;
  const items = resolve(state, state.keysOf(query.sectionId, query.type));
  const keys = sortItems(items, query.sort, envOf(state, query), query.sectionType);
  if (!random) cache.set(cacheKey, state.revision, keys);
  return keys;
}

/** The predicate a query's filter stands for (everything matches when it has none). */
export function queryPredicate(
  state: EmulatorState,
  query: LibraryQuery,
): (item: ItemRecord) => boolean {
  if (!query.filter) return () => true;
  return compileFilter(query.filter, {
    env: envOf(state, query),
    sectionId: query.sectionId,
    sectionType: query.sectionType,
    type: query.type,
  });
}

function filterKey(query: LibraryQuery): string {
  return `${query.sectionId}|${query.type}|${query.accountId}|${filterSignature(query.filter)}`;
}

/**
 * The ratingKeys matching a query, in order. One pass over the ordered keys; the result is
 * cached for the revision so a client paging through a filtered list filters once. Do not
 * mutate the result.
 */
export function selectKeys(state: EmulatorState, query: LibraryQuery): readonly string[] {
  const order = orderedKeys(state, query);
  if (!query.filter) return order;
  const random = query.sort.some((key) => key.field.random);
  const cacheKey = `${filterKey(query)}|${sortSignature(query.sort)}`;
  const cache = cacheFor<readonly string[]>(state, 'select');
  const cached = random ? undefined : cache.get(cacheKey, state.revision);
  if (cached) return cached;
  const matches = queryPredicate(state, query);
  const selected: string[] = [];
  for (const key of order) {
    const item = state.items.get(key);
    if (item && matches(item)) selected.push(key);
  }
  if (!random) cache.set(cacheKey, state.revision, selected);
  return selected;
}

/**
 * How many items match a query, without ordering them: the cheap answer to
 * `X-Plex-Container-Size=0`. Unfiltered counts read the section index's length; a single
 * `field=value` filter reads a per-field tally (see `facetCount`).
 */
export function countMatches(state: EmulatorState, query: LibraryQuery): number {
  const all = state.keysOf(query.sectionId, query.type);
  if (!query.filter) return all.length;
  const cacheKey = filterKey(query);
  const cache = cacheFor<number>(state, 'count');
  const cached = cache.get(cacheKey, state.revision);
  if (cached !== undefined) return cached;
  const tallied = facetCount(state, query, all);
  if (tallied !== undefined) return tallied;
  const matches = queryPredicate(state, query);
  let count = 0;
  for (const key of all) {
    const item = state.items.get(key);
    if (item && matches(item)) count++;
  }
  cache.set(cacheKey, state.revision, count);
  return count;
}

/** The items for a slice of ratingKeys (a page), skipping any that vanished. */
export function itemsFor(state: EmulatorState, keys: readonly string[]): ItemRecord[] {
  return resolve(state, keys);
}
