import { type Fields, omitEmpty } from '../http/responses.js';
import type { ItemHit, PersonHit } from '../library/library-search.js';
import type { EmulatorState } from '../state/store.js';
import { TYPE_NUMBER } from '../state/types.js';
import { renderItem } from './metadata.js';

/** Plex's tagType numbers for the people search finds. */
const TAG_TYPE = { role: 6, director: 4 } as const;

/** The filter name PMS uses for each kind of person (cast filter on `actor`, not `role`). */
const FILTER_NAME = { role: 'actor', director: 'director' } as const;

/** PMS's 0..1 score with the five decimals it prints. */
export function formatScore(score: number): number {
  return Math.round(score * 100_000) / 100_000;
}

/** A matching item as a search hub or search result renders it, with PMS's `reason` fields. */
export function renderItemHit(state: EmulatorState, hit: ItemHit, accountId: number): Fields {
  const fields = renderItem(state, hit.item, accountId, 'list');
  if (hit.reason !== 'originalTitle') return fields;
  return { ...fields, reason: 'originalTitle', reasonTitle: hit.item.originalTitle };
}

/** A person match as the tag `Directory` PMS returns in actor and director results. */
export function renderPersonHit(state: EmulatorState, hit: PersonHit): Fields {
  const section = state.sections.get(hit.sectionId);
  const id = state.tagId(hit.kind, hit.name);
  const filter = `${FILTER_NAME[hit.kind]}=${id}`;
  return omitEmpty({
    key: `/library/sections/${hit.sectionId}/all?${filter}`,
    librarySectionID: hit.sectionId,
    librarySectionKey: `/library/sections/${hit.sectionId}`,
    librarySectionTitle: section?.title,
    librarySectionType: section ? TYPE_NUMBER[section.type] : undefined,
    type: 'tag',
    id,
    filter,
    tag: hit.name,
    tagType: TAG_TYPE[hit.kind],
    thumb: hit.thumb,
    count: hit.count,
    score: formatScore(hit.score),
  });
}
