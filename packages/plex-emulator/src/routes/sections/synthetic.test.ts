import { beforeAll, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import type { ItemRecord } from '../../state/types.js';
import { call, testEmulator } from '../../testing/harness.js';

// Building and sorting 100,000 items takes a few seconds on a shared 2-core machine.
const SLOW = { timeout: 120_000 };

/** The order PMS lists titles in, written out independently of the engine. */
function titleKey(item: ItemRecord): string {
  return (item.titleSort ?? item.title.replace(/^(the|an|a)\s+/i, ''))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function byTitle(a: ItemRecord, b: ItemRecord): number {
  const [x, y] = [titleKey(a), titleKey(b)];
  if (x !== y) return x < y ? -1 : 1;
  return Number(a.ratingKey) - Number(b.ratingKey);
}

describe('a 100,000-item synthetic library', () => {
  let emulator: PlexEmulator;
  let movies: ItemRecord[];

  beforeAll(() => {
    emulator = testEmulator({ library: 'synthetic:100000' });
    movies = [...emulator.state.items.values()].filter(
      (item) => item.sectionId === 1 && item.type === 'movie',
    );
  }, 120_000);

  it('serves a deep page in title order with the full total', SLOW, async () => {
    const expected = [...movies].sort(byTitle);
    const { status, json, headers } = await call(emulator, '/library/sections/1/all', {
      headers: { 'X-Plex-Container-Start': '40000', 'X-Plex-Container-Size': '25' },
    });
    expect(status).toBe(200);
    expect(headers.get('X-Plex-Container-Total-Size')).toBe(String(movies.length));
    expect(json.MediaContainer).toMatchObject({
      offset: 40_000,
      size: 25,
      totalSize: movies.length,
    });
    expect(json.MediaContainer.Metadata.map((item: ItemRecord) => item.ratingKey)).toEqual(
      expected.slice(40_000, 40_025).map((item) => item.ratingKey),
    );
    // The next page continues exactly where this one ended.
    const next = await call(emulator, '/library/sections/1/all', {
      headers: { 'X-Plex-Container-Start': '40025', 'X-Plex-Container-Size': '25' },
    });
    expect(next.json.MediaContainer.Metadata.map((item: ItemRecord) => item.ratingKey)).toEqual(
      expected.slice(40_025, 40_050).map((item) => item.ratingKey),
    );
  });

  it('counts a filter exactly as a scan of every item does', SLOW, async () => {
    const { state } = emulator;
    const genre = 'Horror';
    const brute = [...state.items.values()].filter(
      (item) =>
        item.sectionId === 1 &&
        item.type === 'movie' &&
        (item.year ?? 0) > 2000 &&
        (item.tags.genre ?? []).some((tag) => tag.tag === genre),
    );
    expect(brute.length).toBeGreaterThan(0);
    const genreId = state.tagId('genre', genre);
    const counted = await call(emulator, `/library/sections/1/all?genre=${genreId}&year>>=2000`, {
      headers: { 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': '0' },
    });
    expect(counted.json.MediaContainer.totalSize).toBe(brute.length);
    expect(counted.json.MediaContainer.Metadata).toBeUndefined();

    const page = await call(emulator, `/library/sections/1/all?genre=${genreId}&year>>=2000`, {
      headers: { 'X-Plex-Container-Start': '10', 'X-Plex-Container-Size': '20' },
    });
    expect(page.json.MediaContainer.totalSize).toBe(brute.length);
    expect(page.json.MediaContainer.Metadata.map((item: ItemRecord) => item.ratingKey)).toEqual(
      brute
        .sort(byTitle)
        .slice(10, 30)
        .map((item) => item.ratingKey),
    );
  });

  it('counts the caller unwatched shows as a scan of their episodes does', SLOW, async () => {
    const { state } = emulator;
    const shows = [...state.items.values()].filter((item) => item.type === 'show');
    const unwatched = shows.filter((show) =>
      state
        .leavesOf(show)
        .some((episode) => state.watchState(1, episode.ratingKey).viewCount === 0),
    );
    const { json } = await call(emulator, '/library/sections/2/all', {
      query: { unwatched: 1, 'X-Plex-Container-Size': 0 },
    });
    expect(json.MediaContainer.totalSize).toBe(unwatched.length);
  });

  it('merges recently added across sections without listing them all', SLOW, async () => {
    const { state } = emulator;
    const { json } = await call(emulator, '/library/recentlyAdded', {
      headers: { 'X-Plex-Container-Size': '10' },
    });
    const candidates = [...state.items.values()].filter((item) =>
      ['movie', 'episode', 'album'].includes(item.type),
    );
    expect(json.MediaContainer.totalSize).toBe(candidates.length);
    const newest = candidates
      .sort((a, b) => b.addedAt - a.addedAt || Number(a.ratingKey) - Number(b.ratingKey))
      .slice(0, 10);
    expect(json.MediaContainer.Metadata.map((item: ItemRecord) => item.ratingKey)).toEqual(
      newest.map((item) => item.ratingKey),
    );
  });

  it('lists tag values keyed by their tag ids', SLOW, async () => {
    const { json } = await call(emulator, '/library/sections/1/genre');
    const genres = json.MediaContainer.Directory as { key: string; title: string }[];
    expect(genres.length).toBeGreaterThan(5);
    const { state } = emulator;
    const horror = genres.find((genre) => genre.title === 'Horror');
    expect(horror?.key).toBe(String(state.tagId('genre', 'Horror')));
  });
});
