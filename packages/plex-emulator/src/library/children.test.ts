import { describe, expect, it } from 'vitest';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { isParent, leavesUnder, orderedChildren } from './children.js';
import { createCollection, moveCollectionMember } from './collection-ops.js';

const NOW = 1_700_000_000;

/** A show whose seasons and episodes were added out of order, as a later scan adds them. */
function showAddedOutOfOrder(state: EmulatorState) {
  const add = (title: string, type: ItemRecord['type'], index: number, parent?: ItemRecord) =>
    state.addItem({
      type,
      sectionId: 2,
      title,
      addedAt: NOW,
      index,
      ...(parent ? { parentRatingKey: parent.ratingKey } : {}),
    });
  const show = state.addItem({ type: 'show', sectionId: 2, title: 'Show', addedAt: NOW });
  const s2 = add('Season 2', 'season', 2, show);
  const s1 = add('Season 1', 'season', 1, show);
  add('S2E1', 'episode', 1, s2);
  add('S1E2', 'episode', 2, s1);
  add('S1E1', 'episode', 1, s1);
  return show;
}

function movie(state: EmulatorState, title: string, year: number): ItemRecord {
  return state.addItem({ type: 'movie', sectionId: 1, title, addedAt: NOW, year });
}

const titles = (items: readonly ItemRecord[]) => items.map((item) => item.title);

describe('orderedChildren and leavesUnder', () => {
  it('list seasons and episodes by index, whatever order they were added in', () => {
    const { state } = testEmulator({ library: 'empty' });
    const show = showAddedOutOfOrder(state);
    expect(titles(orderedChildren(state, show))).toEqual(['Season 1', 'Season 2']);
    expect(titles(leavesUnder(state, show))).toEqual(['S1E1', 'S1E2', 'S2E1']);
  });

  it('make a leaf its own only leaf, and a leaf has no children', () => {
    const { state } = testEmulator({ library: 'empty' });
    const film = movie(state, 'Metropolis', 1927);
    expect(isParent(film)).toBe(false);
    expect(leavesUnder(state, film)).toEqual([film]);
    expect(isParent(showAddedOutOfOrder(state))).toBe(true);
  });

  it('follow a collection’s sort and expand shows it holds into their episodes', () => {
    const { state } = testEmulator({ library: 'empty' });
    const late = movie(state, 'Alphaville', 1965);
    const early = movie(state, 'Nosferatu', 1922);
    const films = createCollection(
      state,
      { sectionId: 1, title: 'Films', subtype: 'movie', members: [late, early] },
      NOW,
    );
    expect(titles(leavesUnder(state, films))).toEqual(['Nosferatu', 'Alphaville']);
    films.collectionSort = '1';
    expect(titles(orderedChildren(state, films))).toEqual(['Alphaville', 'Nosferatu']);
    films.collectionSort = '2';
    expect(moveCollectionMember(state, films, early.ratingKey, undefined, NOW)).toBe('ok');
    expect(titles(leavesUnder(state, films))).toEqual(['Nosferatu', 'Alphaville']);

    const show = showAddedOutOfOrder(state);
    const shows = createCollection(
      state,
      { sectionId: 2, title: 'Shows', subtype: 'show', members: [show] },
      NOW,
    );
    expect(titles(orderedChildren(state, shows))).toEqual(['Show']);
    expect(titles(leavesUnder(state, shows))).toEqual(['S1E1', 'S1E2', 'S2E1']);
  });
});
