import type { EmulatorState } from '../state/store.js';
import {
  type AccountRecord,
  ITEM_TYPES,
  type ItemRecord,
  type ItemType,
  type PlaylistRecord,
} from '../state/types.js';
import { sectionSearchIndex } from './search-index.js';
import { canSeeSection } from './section-access.js';
import { matchNormalized, matchScore, type PreparedQuery } from './title-match.js';
import { TopK } from './top-k.js';

/** A matching library item. */
export interface ItemHit {
  item: ItemRecord;
  score: number;
  /** `originalTitle` when only the original title matched, as PMS reports. */
  reason?: 'originalTitle';
}

/** A matching person (actor or director) within one section. */
export interface PersonHit {
  kind: 'role' | 'director';
  name: string;
  sectionId: number;
  thumb?: string;
  /** How many items in the section credit the person. */
  count: number;
  score: number;
}

/** A matching playlist of the caller's. */
export interface PlaylistHit {
  playlist: PlaylistRecord;
  score: number;
}

/** What a query matched: the best hits of each kind, best first, and how many there were. */
export interface SearchHits {
  /** At most `keep` per item type. */
  items: ItemHit[];
  /** Matches per item type before `keep` cut them. */
  itemTotals: Map<ItemType, number>;
  people: PersonHit[];
  playlists: PlaylistHit[];
}

/** Where to search and how many hits of each type to keep. */
export interface SearchScope {
  sectionId?: number;
  keep?: number;
}

/** Item types search looks at (photos are not searched by the emulator). */
const SEARCHED_TYPES: readonly ItemType[] = ITEM_TYPES.filter((type) => type !== 'photo');

// Original-title matches rank just below the same kind of match on the title.
const ORIGINAL_TITLE_PENALTY = 0.05;

/**
 * Searches the sections the account can see (or just `scope.sectionId`) by title, original title
 * and people's names, plus the account's playlists when no section is given.
 */
export function searchLibrary(
  state: EmulatorState,
  account: AccountRecord,
  query: PreparedQuery,
  scope: SearchScope = {},
): SearchHits {
  const { sectionId, keep = Number.POSITIVE_INFINITY } = scope;
  const sectionIds = [...state.sections.keys()].filter(
    (id) => canSeeSection(account, id) && (sectionId === undefined || id === sectionId),
  );
  const byType = new Map<ItemType, TopK<ItemHit>>();
  const people: PersonHit[] = [];
  for (const id of sectionIds) {
    const index = sectionSearchIndex(state, id, SEARCHED_TYPES);
    for (const entry of index.types) {
      let best = byType.get(entry.type);
      const { items, titles, originals } = entry;
      for (let i = 0; i < items.length; i++) {
        const hit = matchItem(query, items[i] as ItemRecord, titles[i] ?? '', originals[i] ?? '');
        if (!hit) continue;
        if (!best) {
          best = new TopK(keep, rankItems);
          byType.set(entry.type, best);
        }
        best.push(hit);
      }
    }
    for (const person of index.people) {
      const score = matchNormalized(query, person.normalized);
      if (score === undefined) continue;
      const hit: PersonHit = {
        kind: person.kind,
        name: person.name,
        sectionId: id,
        count: person.count,
        score,
      };
      if (person.thumb) hit.thumb = person.thumb;
      people.push(hit);
    }
  }
  const playlists: PlaylistHit[] = [];
  if (sectionId === undefined) {
    for (const playlist of state.playlists.values()) {
      if (playlist.accountId !== account.id) continue;
      const score = matchScore(query, playlist.title);
      if (score !== undefined) playlists.push({ playlist, score });
    }
  }
  const itemTotals = new Map<ItemType, number>();
  for (const [type, best] of byType) itemTotals.set(type, best.total);
  return {
    items: [...byType.values()].flatMap((best) => best.values()).sort(rankItems),
    itemTotals,
    people: people.sort(
      (a, b) => b.score - a.score || b.count - a.count || byTitle(a.name, b.name),
    ),
    playlists: playlists.sort(
      (a, b) => b.score - a.score || byTitle(a.playlist.title, b.playlist.title),
    ),
  };
}

function rankItems(a: ItemHit, b: ItemHit): number {
  return b.score - a.score || byTitle(a.item.title, b.item.title);
}

function matchItem(
  query: PreparedQuery,
  item: ItemRecord,
  title: string,
  original: string,
): ItemHit | undefined {
  const score = matchNormalized(query, title);
  if (score !== undefined) return { item, score };
  const originalScore = original === '' ? undefined : matchNormalized(query, original);
  if (originalScore === undefined) return undefined;
  return { item, score: originalScore - ORIGINAL_TITLE_PENALTY, reason: 'originalTitle' };
}

// Plain code-unit order: `localeCompare` is far too slow for tens of thousands of hits.
function byTitle(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
