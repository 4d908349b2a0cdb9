import type { EmulatorState } from '../state/store.js';
import type { AccountRecord, ItemRecord, ItemType } from '../state/types.js';
import { leavesUnder } from './children.js';
import { canSeeSection } from './section-access.js';

/** An item on a watch list, with when the account last touched it. */
export interface WatchEntry {
  item: ItemRecord;
  at: number;
}

/** Sections an account sees, optionally narrowed to one. */
export function visibleSectionIds(
  state: EmulatorState,
  account: AccountRecord,
  only?: number,
): number[] {
  return [...state.sections.keys()].filter(
    (id) => canSeeSection(account, id) && (only === undefined || id === only),
  );
}

/** Movies and episodes the account has started and not finished, most recent first. */
export function inProgress(
  state: EmulatorState,
  account: AccountRecord,
  sectionIds: readonly number[],
): WatchEntry[] {
  const entries: WatchEntry[] = [];
  for (const sectionId of sectionIds) {
    for (const type of ['movie', 'episode'] as const) {
      for (const key of state.keysOf(sectionId, type)) {
        const watch = state.watchState(account.id, key);
        const item = state.items.get(key);
        if (item && (watch.viewOffset ?? 0) > 0)
          entries.push({ item, at: watch.lastViewedAt ?? 0 });
      }
    }
  }
  return newestFirst(entries);
}

/**
 * PMS's On Deck: per show the account is watching, the episode in progress or else the first
 * unwatched episode after the last watched one, most recently watched show first.
 */
export function onDeck(
  state: EmulatorState,
  account: AccountRecord,
  sectionIds: readonly number[],
): WatchEntry[] {
  const entries: WatchEntry[] = [];
  for (const sectionId of sectionIds) {
    for (const showKey of state.keysOf(sectionId, 'show')) {
      const show = state.items.get(showKey);
      if (!show) continue;
      const episodes = leavesUnder(state, show);
      const watches = episodes.map((episode) => state.watchState(account.id, episode.ratingKey));
      const lastTouched = watches.reduce((max, w) => Math.max(max, w.lastViewedAt ?? 0), 0);
      const started = watches.findIndex((w) => (w.viewOffset ?? 0) > 0);
      let last = -1;
      watches.forEach((w, i) => {
        if (w.viewCount > 0) last = i;
      });
      const pick = started >= 0 ? started : last >= 0 ? last + 1 : -1;
      const episode = episodes[pick];
      if (episode && (started >= 0 || (watches[pick]?.viewCount ?? 0) === 0)) {
        entries.push({ item: episode, at: lastTouched });
      }
    }
  }
  return newestFirst(entries);
}

/**
 * The newest items of a type in the given sections, newest first. With `limit`, only that many
 * are kept while scanning, so a home hub over a huge library sorts a handful, not everything.
 */
export function recentlyAdded(
  state: EmulatorState,
  sectionIds: readonly number[],
  type: ItemType,
  limit = Number.POSITIVE_INFINITY,
): ItemRecord[] {
  const newer = (a: ItemRecord, b: ItemRecord) =>
    b.addedAt - a.addedAt || Number(b.ratingKey) - Number(a.ratingKey);
  const items: ItemRecord[] = [];
  for (const sectionId of sectionIds) {
    for (const key of state.keysOf(sectionId, type)) {
      const item = state.items.get(key);
      if (!item) continue;
      if (limit === Number.POSITIVE_INFINITY) {
        items.push(item);
        continue;
      }
      if (items.length >= limit) {
        const last = items[items.length - 1];
        if (!last || newer(item, last) >= 0) continue;
        items.pop();
      }
      // Insertion keeps the kept window sorted; the window is small when a limit is given.
      let at = items.length;
      while (at > 0 && newer(item, items[at - 1] as ItemRecord) < 0) at--;
      items.splice(at, 0, item);
    }
  }
  return limit === Number.POSITIVE_INFINITY ? items.sort(newer) : items;
}

function newestFirst(entries: WatchEntry[]): WatchEntry[] {
  return entries.sort((a, b) => b.at - a.at || Number(b.item.ratingKey) - Number(a.item.ratingKey));
}
