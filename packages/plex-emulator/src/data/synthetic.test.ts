import { describe, expect, it } from 'vitest';
import { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { type BaseOptions, seedBase, serverInfo } from './base.js';
import { seedSyntheticLibrary } from './synthetic.js';

const BASE: BaseOptions = {
  token: 'synthetic-test-token',
  machineIdentifier: '5d3f2c1b0a9e8d7c6b5a493827161504f3e2d1c0',
  friendlyName: 'Synthetic Test',
  allowMediaDeletion: true,
};
const NOW = 1_763_812_800;
const YEAR = 365 * 86_400;

function synthetic(count: number, seed = 1, now = NOW): EmulatorState {
  const state = new EmulatorState(serverInfo(BASE));
  seedBase(state, BASE, now);
  seedSyntheticLibrary(state, { count, seed, now });
  return state;
}

function ofType(state: EmulatorState, type: ItemType): ItemRecord[] {
  return [...state.items.values()].filter((item) => item.type === type);
}

function leaves(state: EmulatorState): number {
  return (
    state.keysOf(1, 'movie').length +
    state.keysOf(2, 'episode').length +
    state.keysOf(3, 'track').length
  );
}

function fingerprint(state: EmulatorState): string[] {
  return [...state.items.values()].map(
    (item) => `${item.ratingKey}:${item.type}:${item.title}:${item.year}`,
  );
}

describe('synthetic library', () => {
  it('builds the same library from the same seed', () => {
    expect(fingerprint(synthetic(800, 42))).toEqual(fingerprint(synthetic(800, 42)));
  });

  it('builds a different library from a different seed', () => {
    const titles = (state: EmulatorState) =>
      state.keysOf(1, 'movie').map((key) => state.items.get(key)?.title);
    const one = titles(synthetic(800, 1));
    const two = titles(synthetic(800, 2));
    expect(one).toHaveLength(two.length);
    expect(one.filter((title, i) => title !== two[i]).length).toBeGreaterThan(one.length * 0.9);
  });

  it('creates exactly `count` leaves, split about 60/30/10', () => {
    for (const count of [0, 1, 2, 7, 99, 1234]) expect(leaves(synthetic(count))).toBe(count);
    const state = synthetic(5000);
    expect(state.keysOf(1, 'movie')).toHaveLength(3000);
    expect(state.keysOf(2, 'episode')).toHaveLength(1500);
    expect(state.keysOf(3, 'track')).toHaveLength(500);
  });

  it('groups episodes into seasons of shows and tracks into albums of artists', () => {
    const state = synthetic(3000, 7);
    for (const show of ofType(state, 'show')) {
      const seasons = state.childrenOf(show);
      expect(seasons.length).toBeGreaterThanOrEqual(1);
      expect(seasons.length).toBeLessThanOrEqual(3);
      seasons.forEach((season, i) => {
        expect(season.index).toBe(i + 1);
        const episodes = state.childrenOf(season);
        expect(episodes.length).toBeGreaterThan(0);
        expect(episodes.length).toBeLessThanOrEqual(12);
        episodes.forEach((episode, e) => {
          expect(episode).toMatchObject({
            index: e + 1,
            parentIndex: i + 1,
            parentRatingKey: season.ratingKey,
            grandparentRatingKey: show.ratingKey,
          });
        });
      });
    }
    for (const artist of ofType(state, 'artist')) {
      const albums = state.childrenOf(artist);
      expect(albums.length).toBeGreaterThanOrEqual(1);
      expect(albums.length).toBeLessThanOrEqual(3);
      for (const album of albums) {
        for (const track of state.childrenOf(album)) {
          expect(track.grandparentRatingKey).toBe(artist.ratingKey);
          expect(track.media[0]?.parts[0]?.streams.map((s) => s.streamType)).toEqual([2]);
        }
      }
    }
  });

  it('draws people from a pool large enough that filters return subsets', () => {
    const state = synthetic(5000, 3);
    const films = ofType(state, 'movie');
    const byActor = new Map<string, number>();
    const directors = new Set<string>();
    for (const film of films) {
      for (const role of film.tags.role ?? [])
        byActor.set(role.tag, (byActor.get(role.tag) ?? 0) + 1);
      for (const director of film.tags.director ?? []) directors.add(director.tag);
    }
    expect(byActor.size).toBeGreaterThan(200);
    expect(directors.size).toBeGreaterThan(50);
    expect(Math.max(...byActor.values())).toBeLessThan(films.length / 10);
    const genres = new Set(films.flatMap((film) => (film.tags.genre ?? []).map((g) => g.tag)));
    expect(genres.size).toBeGreaterThan(10);
  });

  it('never shares a mutable array or object between items', () => {
    const state = synthetic(2000, 5);
    const seen = new Set<object>();
    let shared = 0;
    const claim = (value: object) => {
      if (seen.has(value)) shared++;
      seen.add(value);
    };
    for (const item of state.items.values()) {
      for (const value of [item.tags, item.childKeys, item.locked, item.media, item.guids]) {
        claim(value);
      }
      for (const tags of Object.values(item.tags)) {
        claim(tags);
        for (const tag of tags) claim(tag);
      }
      for (const media of item.media) {
        claim(media);
        for (const part of media.parts) {
          claim(part);
          claim(part.streams);
          for (const stream of part.streams) claim(stream);
        }
      }
      for (const slot of Object.values(item.artwork)) {
        claim(slot);
        claim(slot.candidates);
      }
    }
    expect(seen.size).toBeGreaterThan(state.items.size * 5);
    expect(shared).toBe(0);
  });

  it('spreads addedAt over the ten years before now and keeps years in range', () => {
    const state = synthetic(3000, 9);
    for (const item of state.items.values()) {
      expect(item.addedAt).toBeLessThanOrEqual(NOW);
      expect(item.addedAt).toBeGreaterThanOrEqual(NOW - 10 * YEAR);
      if (item.type === 'movie') {
        expect(item.year).toBeGreaterThanOrEqual(1920);
        expect(item.year).toBeLessThanOrEqual(2025);
      }
    }
  });

  it('gives the owner a little watch state for On Deck, and nothing else', () => {
    const state = synthetic(1000, 11);
    const inProgress = [...state.items.keys()].filter(
      (key) => (state.watchState(1, key).viewOffset ?? 0) > 0,
    );
    expect(inProgress.length).toBeGreaterThanOrEqual(1);
    expect(state.history).toHaveLength(0);
    expect(state.sessions.size).toBe(0);
    expect(state.playlists.size).toBe(0);
  });

  it('builds 100,000 items', { timeout: 60_000 }, () => {
    const state = synthetic(100_000, 1);
    expect(leaves(state)).toBe(100_000);
    expect(state.keysOf(1, 'movie')).toHaveLength(60_000);
    expect(state.keysOf(2, 'episode')).toHaveLength(30_000);
    expect(state.keysOf(3, 'track')).toHaveLength(10_000);
  });
});
