import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import { call, testEmulator } from '../../testing/harness.js';

type Item = { ratingKey: string; title: string; type: string; [key: string]: unknown };

describe('GET /library/sections/{id}/onDeck', () => {
  it('lists the caller in-progress movies with section attributes hoisted', async () => {
    const { status, json } = await call(testEmulator(), '/library/sections/1/onDeck');
    expect(status).toBe(200);
    expect(json.MediaContainer).toMatchObject({
      size: 1,
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
      title2: 'On Deck',
      viewGroup: 'movie',
    });
    expect(json.MediaContainer.Metadata[0]).toMatchObject({
      ratingKey: DEMO.movies.charade.ratingKey,
      viewOffset: expect.any(Number),
    });
  });

  it('lists in-progress and next episodes for TV', async () => {
    const { json } = await call(testEmulator(), '/library/sections/2/onDeck');
    const items: Item[] = json.MediaContainer.Metadata;
    expect(json.MediaContainer.viewGroup).toBe('episode');
    expect(items.map((item) => item.title)).toEqual([
      'The Newcomers',
      'Emergency Only',
      'The Clampetts Meet Mrs. Drysdale',
    ]);
    expect(items[0]?.viewOffset).toBeGreaterThan(0);
    expect(items[1]?.viewOffset).toBeUndefined();
  });

  it('moves on when the caller finishes an episode', async () => {
    const emulator = testEmulator();
    const newcomers = DEMO.episodes.theNewcomers.ratingKey;
    emulator.state.setWatchState(1, newcomers, { viewCount: 1, lastViewedAt: 1_763_812_000 });
    const { json } = await call(emulator, '/library/sections/2/onDeck');
    const first: Item = json.MediaContainer.Metadata[0];
    const finished = emulator.state.items.get(newcomers);
    expect(first.parentRatingKey).toBe(finished?.parentRatingKey);
    expect(first.index).toBe((finished?.index ?? 0) + 1);
  });

  it('is empty for music and 404 for unknown sections', async () => {
    const emulator = testEmulator();
    const music = await call(emulator, '/library/sections/3/onDeck');
    expect(music.json.MediaContainer.size).toBe(0);
    expect(music.json.MediaContainer.Metadata).toBeUndefined();
    expect((await call(emulator, '/library/sections/5/onDeck')).status).toBe(404);
  });
});

describe('GET /library/onDeck', () => {
  it('merges the caller sections, most recent first, section facts on each item', async () => {
    const { json } = await call(testEmulator(), '/library/onDeck');
    const container = json.MediaContainer;
    expect(container).toMatchObject({
      size: 4,
      allowSync: false,
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
      mixedParents: true,
    });
    expect(container.librarySectionID).toBeUndefined();
    const items: Item[] = container.Metadata;
    expect(items.map((item) => item.title)).toEqual([
      'Charade',
      'The Newcomers',
      'Emergency Only',
      'The Clampetts Meet Mrs. Drysdale',
    ]);
    expect(items[0]).toMatchObject({
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
      librarySectionUUID: '3f6c1a2e-8b4d-4c7a-9e15-2d7b0c9a4f61',
    });
  });

  it('is per caller and limited to the sections shared with them', async () => {
    const emulator = testEmulator();
    const jordan = emulator.state.accounts.get(3);
    if (!jordan) throw new Error('demo account missing');
    const { json } = await call(emulator, '/library/onDeck', { token: jordan.serverToken });
    expect(json.MediaContainer.Metadata.map((item: Item) => item.ratingKey)).toContain(
      DEMO.episodes.theMission.ratingKey,
    );
    jordan.sharedSectionIds = [1];
    const narrowed = await call(emulator, '/library/onDeck', { token: jordan.serverToken });
    expect(narrowed.json.MediaContainer.size).toBe(0);
  });
});

describe('GET /library/recentlyAdded', () => {
  it('pages the newest movies, episodes and albums across sections', async () => {
    const emulator = testEmulator();
    const { json, headers } = await call(emulator, '/library/recentlyAdded', {
      headers: { 'X-Plex-Container-Start': '2', 'X-Plex-Container-Size': '5' },
    });
    const container = json.MediaContainer;
    const total = DEMO.counts.movies + DEMO.counts.episodes + DEMO.counts.albums;
    expect(container).toMatchObject({ size: 5, offset: 2, totalSize: total, mixedParents: true });
    expect(headers.get('X-Plex-Container-Total-Size')).toBe(String(total));
    const all = await call(emulator, '/library/recentlyAdded');
    const everything: Item[] = all.json.MediaContainer.Metadata;
    expect(everything).toHaveLength(total);
    expect(container.Metadata.map((item: Item) => item.ratingKey)).toEqual(
      everything.slice(2, 7).map((item) => item.ratingKey),
    );
    const added = everything.map((item) => item.addedAt as number);
    expect(added).toEqual([...added].sort((a, b) => b - a));
    expect(everything[0]?.librarySectionUUID).toBeDefined();
  });

  it('narrows by type and sectionID', async () => {
    const emulator = testEmulator();
    const movies = await call(emulator, '/library/recentlyAdded', { query: { type: 1 } });
    expect(movies.json.MediaContainer.totalSize).toBe(DEMO.counts.movies);
    const tv = await call(emulator, '/library/recentlyAdded', { query: { sectionID: 2 } });
    expect(tv.json.MediaContainer.totalSize).toBe(DEMO.counts.episodes);
    const counted = await call(emulator, '/library/recentlyAdded', {
      query: { 'X-Plex-Container-Size': 0 },
    });
    expect(counted.json.MediaContainer.size).toBe(0);
    expect(counted.json.MediaContainer.totalSize).toBe(
      DEMO.counts.movies + DEMO.counts.episodes + DEMO.counts.albums,
    );
  });

  it('shows new items at once, and only from shared sections', async () => {
    const emulator = testEmulator();
    const added = emulator.state.addItem({
      type: 'movie',
      sectionId: DEMO.sections.movies,
      title: 'The Great Train Robbery',
      addedAt: 1_763_800_000,
    });
    const first = await call(emulator, '/library/recentlyAdded', {
      query: { 'X-Plex-Container-Size': 1 },
    });
    expect(first.json.MediaContainer.Metadata[0].ratingKey).toBe(added.ratingKey);
    const sam = emulator.state.accounts.get(4);
    if (!sam) throw new Error('demo account missing');
    const shared = await call(emulator, '/library/recentlyAdded', { token: sam.serverToken });
    const types = new Set(shared.json.MediaContainer.Metadata.map((item: Item) => item.type));
    expect(types).toEqual(new Set(['movie', 'album']));
  });
});
