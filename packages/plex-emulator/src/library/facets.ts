import type { EmulatorState } from '../state/store.js';
import type { ItemType } from '../state/types.js';
import { cacheFor } from './cache.js';
import type { FilterClause, FilterGroup } from './filters.js';

/** How many items of one type in one section carry each value of one field. */
type Facet = Map<string | number, number>;

/** The one clause of a filter that is a plain `field=value[,value…]` test at the result level. */
function soleClause(filter: FilterGroup, type: ItemType): FilterClause | undefined {
  if (filter.kind !== 'and' || filter.terms.length !== 1) return undefined;
  const clause = filter.terms[0];
  if (clause?.kind !== 'clause' || clause.scope !== type || clause.operator !== '=') {
    return undefined;
  }
  // Collections match by membership, not by a value the item carries.
  if (clause.field.type === 'tag' && clause.field.key !== 'collection') return clause;
  // Ratings keys are all distinct: a tally of them would cost more than the pass it saves.
  if (clause.field.type === 'integer' && clause.field.key !== 'id') return clause;
  return undefined;
}

/** One pass over the items, counting each item once per distinct value it carries. */
function buildFacet(
  state: EmulatorState,
  keys: readonly string[],
  clause: FilterClause,
  accountId: number,
): Facet {
  const facet: Facet = new Map();
  const { field } = clause;
  const env = { state, accountId };
  for (const key of keys) {
    const item = state.items.get(key);
    if (!item) continue;
    if (field.type === 'integer') {
      const value = field.value(item, env);
      if (value !== undefined) facet.set(value, (facet.get(value) ?? 0) + 1);
    } else if (field.type === 'tag') {
      const names = field.values(item);
      const distinct = names.length > 1 ? new Set(names) : names;
      for (const name of distinct) facet.set(name, (facet.get(name) ?? 0) + 1);
    }
  }
  return facet;
}

/**
 * The count of a single-field equality filter (`genre=106`, `decade=1990`) read from a per-field
 * tally, or undefined when the filter is anything else. Statistics ask one such count per genre
 * and decade; a tally built in one pass answers them all, as PMS's indexes do, instead of one pass
 * over the section per value.
 */
export function facetCount(
  state: EmulatorState,
  query: {
    sectionId: number;
    type: ItemType;
    accountId: number;
    filter: FilterGroup | undefined;
  },
  keys: readonly string[],
): number | undefined {
  const clause = query.filter && soleClause(query.filter, query.type);
  if (!clause) return undefined;
  const cacheKey = `${query.sectionId}|${query.type}|${clause.field.key}|${query.accountId}`;
  const cache = cacheFor<Facet>(state, 'facet');
  let facet = cache.get(cacheKey, state.revision);
  if (!facet) {
    facet = buildFacet(state, keys, clause, query.accountId);
    cache.set(cacheKey, state.revision, facet);
  }
  const { field } = clause;
  if (field.type !== 'tag') {
    let total = 0;
    for (const number of new Set(clause.numbers)) total += facet.get(number) ?? 0;
    return total;
  }
  // Tags match by name (any case) or by id; an item carrying two matching spellings would be
  // counted twice, so only a single matching name is answered from the tally.
  const kind = field.tagKind;
  const names = new Set(clause.values.map((value) => value.toLowerCase()));
  const ids = new Set(clause.values.filter((value) => /^\d+$/.test(value)).map(Number));
  let matched: string | undefined;
  for (const name of facet.keys()) {
    if (typeof name !== 'string') continue;
    if (names.has(name.toLowerCase()) || (ids.size > 0 && ids.has(state.tagId(kind, name)))) {
      if (matched !== undefined) return undefined;
      matched = name;
    }
  }
  return matched === undefined ? 0 : (facet.get(matched) ?? 0);
}
