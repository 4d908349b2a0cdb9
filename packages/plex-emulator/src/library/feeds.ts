import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType, SectionRecord, SectionType } from '../state/types.js';
import { libraryQuery, selectKeys } from './query.js';

/** What "recently added" lists per section type: movies, episodes, albums (as PMS groups music), photos. */
export const RECENTLY_ADDED_TYPE: Record<SectionType, ItemType> = {
  movie: 'movie',
  show: 'episode',
  artist: 'album',
  photo: 'photo',
};

/** A list of ratingKeys in the order one feed returns them, with its full length. */
export interface FeedKeys {
  /** The first `count` keys asked for (all of them when no count was given). */
  keys: string[];
  total: number;
}

/**
 * Recently added items across sections, newest first (`addedAt` descending, ties by ratingKey).
 * Each section's order is the cached `addedAt:desc` query, and the sections are merged lazily,
 * so asking for the first 50 of 100,000 items touches little more than 50.
 */
export function recentlyAdded(
  state: EmulatorState,
  sections: readonly SectionRecord[],
  accountId: number,
  options: { type?: ItemType; count?: number } = {},
): FeedKeys {
  const lists = sections.map((section) => {
    const type = options.type ?? RECENTLY_ADDED_TYPE[section.type];
    return selectKeys(state, libraryQuery({ section, accountId, type, sort: 'addedAt:desc' }));
  });
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const count = Math.min(options.count ?? total, total);
  const addedAt = (key: string) => state.items.get(key)?.addedAt ?? 0;
  const cursors = lists.map(() => 0);
  const keys: string[] = [];
  while (keys.length < count) {
    let best = -1;
    let bestKey = '';
    lists.forEach((list, i) => {
      const key = list[cursors[i] ?? 0];
      if (key === undefined) return;
      if (best < 0 || newerFirst(addedAt(key), key, addedAt(bestKey), bestKey) < 0) {
        best = i;
        bestKey = key;
      }
    });
    if (best < 0) break;
    keys.push(bestKey);
    cursors[best] = (cursors[best] ?? 0) + 1;
  }
  return { keys, total };
}

function newerFirst(aTime: number, aKey: string, bTime: number, bKey: string): number {
  if (aTime !== bTime) return bTime - aTime;
  return Number(aKey) - Number(bKey);
}

/** Resume-list entries are dropped once untouched this long: PMS's `OnDeckWindow`, 16 weeks. */
export const ON_DECK_WINDOW_SECONDS = 16 * 7 * 86_400;

/**
 * The caller's On Deck, most recent activity first: movies and episodes with a resume position,
 * plus, for each show whose latest watched episode is followed by an unwatched one, that next
 * episode. Music is never on deck. Entries older than the On Deck window are left out.
 */
export function onDeck(
  state: EmulatorState,
  sections: readonly SectionRecord[],
  accountId: number,
  now: number,
): ItemRecord[] {
  const entries: { item: ItemRecord; at: number }[] = [];
  const since = now - ON_DECK_WINDOW_SECONDS;
  for (const section of sections) {
    if (section.type === 'movie') {
      for (const key of state.keysOf(section.id, 'movie')) {
        const item = state.items.get(key);
        const watch = state.watchState(accountId, key);
        if (item && (watch.viewOffset ?? 0) > 0)
          entries.push({ item, at: watch.lastViewedAt ?? 0 });
      }
    } else if (section.type === 'show') {
      for (const key of state.keysOf(section.id, 'show')) {
        const show = state.items.get(key);
        const entry = show ? nextEpisode(state, show, accountId) : undefined;
        if (entry) entries.push(entry);
      }
    }
  }
  return entries
    .filter((entry) => entry.at === 0 || entry.at >= since)
    .sort((a, b) => b.at - a.at || Number(a.item.ratingKey) - Number(b.item.ratingKey))
    .map((entry) => entry.item);
}

/** The episode of a show to continue with, and when the caller last touched the show. */
function nextEpisode(
  state: EmulatorState,
  show: ItemRecord,
  accountId: number,
): { item: ItemRecord; at: number } | undefined {
  const episodes = byIndex(state.childrenOf(show)).flatMap((season) =>
    byIndex(state.childrenOf(season)),
  );
  let resume: { item: ItemRecord; at: number } | undefined;
  let lastWatched = -1;
  let lastWatchedAt = -1;
  episodes.forEach((episode, i) => {
    const watch = state.watchState(accountId, episode.ratingKey);
    const at = watch.lastViewedAt ?? 0;
    if ((watch.viewOffset ?? 0) > 0 && (!resume || at > resume.at)) resume = { item: episode, at };
    if (watch.viewCount > 0 && at >= lastWatchedAt) {
      lastWatched = i;
      lastWatchedAt = at;
    }
  });
  if (resume) return resume;
  if (lastWatched < 0) return undefined;
  const next = episodes[lastWatched + 1];
  if (!next || state.watchState(accountId, next.ratingKey).viewCount > 0) return undefined;
  return { item: next, at: lastWatchedAt };
}

/** Children in index order (season 1 before season 2), whatever order they were added in. */
function byIndex(items: ItemRecord[]): ItemRecord[] {
  return items.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}
