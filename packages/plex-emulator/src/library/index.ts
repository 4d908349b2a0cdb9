/**
 * The emulator's media-query engine: PMS's filter, sort and paging language over the in-memory
 * library, shared by the section routes, search, hubs, collections and playlists.
 *
 * A route parses a query string, then counts (cheap: no ordering) or selects (ordered, cached
 * per `state.revision`) and renders only the page it cuts:
 *
 * ```ts
 * const query = parseLibraryQuery(ctx.query, { section, accountId, now: services.nowSeconds() });
 * if (ctx.page.size === 0) total = countMatches(state, query);
 * else page = cutPage(selectKeys(state, query), ctx.page); // ratingKeys → itemsFor(state, keys)
 * ```
 *
 * - Filters (`parseFilter`/`compileFilter`): `field[op]=v1,v2` with PMS operators (`=`, `!=`,
 *   `==`, `!==`, `>>=`, `<<=`, `>=`, `<=`, taken from the key's tail), comma = OR, repeated
 *   key = AND, `push`/`or`/`pop` groups, scopes such as `show.title` and `episode.unwatched`,
 *   tags by id or name, relative dates (`-30d`). Fields are listed in `FIELDS`/`TYPE_FIELDS`.
 * - Sorts (`parseSort`/`sortItems`): `field[:desc][:nullsLast],…`, scoped sorts, `random`.
 * - Value lists (`filterChoices`, `firstCharacters`), feeds (`recentlyAdded`, `onDeck`) and the
 *   `Meta` description python-plexapi validates against (`describeSection`).
 *
 * Anything PMS would refuse throws `QueryError`, an `HttpError(400)`. Results that come from a
 * cache are shared: never mutate the arrays these functions return.
 */
export {
  type FilterChoice,
  filterChoices,
  firstCharacterOf,
  firstCharacters,
  isChoiceField,
} from './choices.js';
export { type QueryEnv, type WatchSummary, watchSummary } from './env.js';
export { QueryError } from './errors.js';
export {
  type FeedKeys,
  ON_DECK_WINDOW_SECONDS,
  onDeck,
  RECENTLY_ADDED_TYPE,
  recentlyAdded,
} from './feeds.js';
export {
  FIELDS,
  type FieldDef,
  type FieldType,
  fieldDef,
  OPERATORS,
  RESOLUTIONS,
  TYPE_FIELDS,
} from './fields.js';
export {
  compileFilter,
  type FilterClause,
  type FilterContext,
  type FilterGroup,
  type FilterTerm,
  filterSignature,
  isReservedParam,
  parseFilter,
} from './filters.js';
export {
  parseItemType,
  relatedAt,
  SECTION_LEVELS,
  sectionItemTypes,
  topType,
  typeNumber,
} from './hierarchy.js';
export { describeSection, TYPE_TITLES } from './meta.js';
export {
  countMatches,
  itemsFor,
  type LibraryQuery,
  libraryQuery,
  orderedKeys,
  type ParseQueryOptions,
  parseLibraryQuery,
  queryPredicate,
  selectKeys,
} from './query.js';
export {
  defaultSort,
  normalizeText,
  parseSort,
  SORT_FIELDS,
  type SortField,
  type SortKey,
  sortItems,
  sortTitle,
} from './sort.js';
