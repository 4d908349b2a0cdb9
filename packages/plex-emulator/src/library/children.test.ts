import { describe, expect, it } from 'vitest';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { addShow, FIXTURE_ADDED_AT } from '../testing/library-fixtures.js';
import { isParent, leavesUnder, orderedChildren } from './children.js';
import { createCollection, moveCollectionMember } from './collection-ops.js';

const NOW = FIXTURE_ADDED_AT;

/** A show whose seasons and episodes were added out of order, as a later scan adds them. */
function showAddedOutOfOrder(state: EmulatorState): ItemRecord {
  return addShow(state, [
    { index: 2, episodes: [1] },
    { index: 1, episodes: [2, 1] },
  ]).show;
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
