import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { call, TEST_NOW_MS, testEmulator } from '../testing/harness.js';

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});

interface Hub {
  hubIdentifier: string;
  type: string;
  title: string;
  size: number;
  more: boolean;
  hubKey?: string;
  Metadata?: { title: string; ratingKey: string; reason?: string; reasonTitle?: string }[];
  Directory?: { title?: string; tag?: string; tagType?: number; filter?: string; count?: number }[];
}

async function search(query: Record<string, string | number>, token?: string): Promise<Hub[]> {
  const res = await call(emulator, '/hubs/search', { query, ...(token ? { token } : {}) });
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Hub;
}

function hub(hubs: Hub[], id: string): Hub {
  const found = hubs.find((h) => h.hubIdentifier === id);
  if (!found) throw new Error(`no hub ${id}`);
  return found;
}

function token(accountId: number): string {
  return emulator.state.accounts.get(accountId)?.serverToken ?? '';
}

describe('GET /hubs/search', () => {
  it('returns hubs per type, the best first, and keeps empty hubs present but childless', async () => {
    const hubs = await search({
      query: 'sherlock',
      includeCollections: 1,
      includeExternalMedia: 1,
    });
    expect(hubs[0]?.hubIdentifier).toBe('movie');
    const movies = hub(hubs, 'movie');
    expect(movies).toMatchObject({
      title: 'Movies',
      type: 'movie',
      size: 3,
      more: false,
      style: 'shelf',
    });
    expect(movies.Metadata?.map((m) => m.title).sort()).toEqual([
      'Sherlock Holmes',
      'Sherlock Holmes',
      'Sherlock Jr.',
    ]);
    expect(movies.hubKey).toBe(
      `/library/metadata/${movies.Metadata?.map((m) => m.ratingKey).join(',')}`,
    );
    const shows = hub(hubs, 'show');
    expect(shows).toMatchObject({ size: 0, more: false });
    expect(shows).not.toHaveProperty('Directory');
    expect(hubs.map((h) => h.hubIdentifier).sort()).toEqual(
      [
        'actor',
        'album',
        'artist',
        'collection',
        'director',
        'episode',
        'movie',
        'playlist',
        'season',
        'show',
        'track',
      ].sort(),
    );
  });

  it('ranks exact over prefix over word over substring matches, and honours limit', async () => {
    for (const title of ['Night', 'Nightfall', 'Into the Night', 'Knightly']) {
      emulator.state.addItem({ type: 'movie', sectionId: 1, title, addedAt: 1_700_000_000 });
    }
    const movies = hub(await search({ query: 'NIGHT', limit: 10 }), 'movie');
    expect(movies.Metadata?.map((m) => m.title)).toEqual([
      'Night',
      'Night of the Living Dead',
      'Nightfall',
      'Into the Night',
      'Knightly',
    ]);
    const limited = hub(await search({ query: 'night', limit: 2 }), 'movie');
    expect(limited).toMatchObject({ size: 2, more: true });
  });

  it('finds people as tag Directories and original titles with a reason', async () => {
    const hubs = await search({ query: 'keaton' });
    const actor = hub(hubs, 'actor').Directory?.[0];
    expect(actor).toMatchObject({
      tag: 'Buster Keaton',
      tagType: 6,
      type: 'tag',
      librarySectionID: 1,
      count: 2,
    });
    expect(actor?.filter).toMatch(/^actor=\d+$/);
    expect(hub(hubs, 'director').Directory?.[0]).toMatchObject({
      tag: 'Buster Keaton',
      tagType: 4,
    });

    const nosferatu = hub(await search({ query: 'symphonie' }), 'movie').Metadata?.[0];
    expect(nosferatu).toMatchObject({
      title: 'Nosferatu',
      reason: 'originalTitle',
      reasonTitle: 'Nosferatu, eine Symphonie des Grauens',
    });
  });

  it('returns shows as Directory, collections, and only the caller\u2019s playlists', async () => {
    expect(hub(await search({ query: 'bonanza' }), 'show').Directory?.[0]).toMatchObject({
      title: 'Bonanza',
      type: 'show',
    });
    const noir = await search({ query: 'noir' });
    expect(hub(noir, 'collection').Directory?.[0]?.title).toBe('Film Noir');
    expect(hub(noir, 'playlist').Metadata?.[0]).toMatchObject({
      title: 'Friday Night Noir',
      type: 'playlist',
    });
    expect(hub(await search({ query: 'noir' }, token(2)), 'playlist').size).toBe(0);
  });

  it('restricts to sectionId and to the sections shared with the caller', async () => {
    expect(hub(await search({ query: 'sherlock', sectionId: 2 }), 'movie').size).toBe(0);
    expect(hub(await search({ query: 'bonanza' }, token(4)), 'show').size).toBe(0);
    expect(hub(await search({ query: 'bonanza' }, token(3)), 'show').size).toBe(1);
    const unknown = await call(emulator, '/hubs/search', { query: { query: 'x', sectionId: 77 } });
    expect(unknown.status).toBe(404);
    const unshared = await call(emulator, '/hubs/search', {
      query: { query: 'x', sectionId: 2 },
      token: token(4),
    });
    expect(unshared.status).toBe(404);
  });

  it('needs a query and a token', async () => {
    expect((await call(emulator, '/hubs/search')).status).toBe(400);
    expect(
      (await call(emulator, '/hubs/search', { query: { query: 'x' }, token: null })).status,
    ).toBe(401);
  });
});

describe('GET /library/search', () => {
  it('returns scored SearchResult entries, one Metadata or Directory object each', async () => {
    const res = await call(emulator, '/library/search', {
      query: { query: 'keaton', searchTypes: 'movies,people', limit: 10 },
    });
    expect(res.status).toBe(200);
    const results = res.json.MediaContainer.SearchResult;
    expect(results.length).toBeGreaterThanOrEqual(2);
    const scores = results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const person = results.find((r: { Directory?: { tag: string } }) => r.Directory);
    expect(person.Directory).toMatchObject({ tag: 'Buster Keaton', type: 'tag' });
    expect(Array.isArray(person.Directory)).toBe(false);

    const movies = await call(emulator, '/library/search', {
      query: { query: 'sherlock', searchTypes: 'movies', limit: 2 },
    });
    const entries = movies.json.MediaContainer.SearchResult;
    expect(entries).toHaveLength(2);
    expect(entries[0].Metadata.type).toBe('movie');
    expect(entries[0].score).toBeGreaterThan(0);
    expect(entries[0].score).toBeLessThanOrEqual(1);

    const tv = await call(emulator, '/library/search', {
      query: { query: 'sherlock', searchTypes: 'tv' },
    });
    expect(tv.json.MediaContainer.size).toBe(0);
    const bad = await call(emulator, '/library/search', {
      query: { query: 'x', searchTypes: 'books' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('home and section hubs', () => {
  it('GET /hubs lists Continue Watching, On Deck, recently added and playlists', async () => {
    const res = await call(emulator, '/hubs');
    expect(res.status).toBe(200);
    const hubs: Hub[] = res.json.MediaContainer.Hub;
    expect(res.json.MediaContainer.identifier).toBe('com.plexapp.plugins.library');
    expect(hubs.map((h) => h.hubIdentifier)).toEqual([
      'home.continue',
      'home.ondeck',
      'home.movies.recent',
      'home.television.recent',
      'home.music.recent',
      'home.playlists',
    ]);
    const cont = hub(hubs, 'home.continue');
    expect(cont).toMatchObject({
      type: 'mixed',
      style: 'hero',
      key: '/hubs/home/continueWatching',
    });
    expect(cont.Metadata?.[0]?.title).toBe('Charade');
    expect(hub(hubs, 'home.ondeck').Metadata?.map((m) => m.title)).toContain('The Newcomers');
    const recent = hub(hubs, 'home.movies.recent');
    expect(recent).toMatchObject({ size: 6, more: true });

    const small = await call(emulator, '/hubs', { query: { count: 1, onlyTransient: 1 } });
    const smallHubs: Hub[] = small.json.MediaContainer.Hub;
    expect(smallHubs.every((h) => h.size <= 1)).toBe(true);
    expect(smallHubs.map((h) => h.hubIdentifier)).not.toContain('home.playlists');
    const only = await call(emulator, '/hubs', { query: { identifier: 'home.ondeck' } });
    expect(only.json.MediaContainer.Hub.map((h: Hub) => h.hubIdentifier)).toEqual(['home.ondeck']);
  });

  it("continue watching is the caller's", async () => {
    const owner = await call(emulator, '/hubs/continueWatching');
    const ownerHub = owner.json.MediaContainer.Hub[0];
    expect(ownerHub).toMatchObject({
      hubIdentifier: 'home.continue',
      key: '/hubs/continueWatching/items',
    });
    expect(ownerHub.Metadata[0]).toMatchObject({ title: 'Charade', librarySectionID: 1 });
    expect(ownerHub.Metadata[0].viewOffset).toBeGreaterThan(0);
    expect(typeof ownerHub.Metadata[0].librarySectionUUID).toBe('string');

    const alex = await call(emulator, '/hubs/continueWatching/items', { token: token(2) });
    expect(alex.json.MediaContainer).toMatchObject({ mixedParents: true });
    // Alex's part-watched film, then the episode after the one Alex finished.
    expect(alex.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'The General',
      'Getting Settled',
    ]);
  });

  it('continue watching follows new progress', async () => {
    const detour = [...emulator.state.items.values()].find((i) => i.title === 'Detour');
    emulator.state.setWatchState(1, detour?.ratingKey ?? '', {
      viewCount: 0,
      viewOffset: 60_000,
      lastViewedAt: Math.floor(TEST_NOW_MS / 1000),
    });
    const res = await call(emulator, '/hubs/continueWatching/items');
    expect(res.json.MediaContainer.Metadata[0].title).toBe('Detour');
  });

  it('GET /hubs/sections/{id} answers the section hubs, 400 for unknown sections', async () => {
    const res = await call(emulator, '/hubs/sections/2');
    expect(res.status).toBe(200);
    expect(res.json.MediaContainer).toMatchObject({
      librarySectionID: 2,
      librarySectionTitle: 'TV Shows',
    });
    const hubs: Hub[] = res.json.MediaContainer.Hub;
    expect(hubs.map((h) => h.hubIdentifier)).toEqual([
      'tv.inprogress.2',
      'tv.ondeck.2',
      'tv.recentlyadded.2',
    ]);
    expect(hub(hubs, 'tv.inprogress.2').Metadata?.[0]?.title).toBe('The Newcomers');
    expect((await call(emulator, '/hubs/sections/99')).status).toBe(400);
    const items = await call(emulator, '/hubs/sections/1/continueWatching/items');
    expect(items.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'Charade',
    ]);
  });
});
