import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';
import { htmlBody, itemByTitle } from './test-support.js';

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

interface Listed {
  ratingKey: string;
  title: string;
  Genre?: { tag: string }[];
}

describe('GET /library/metadata/{id}/similar', () => {
  it('lists same-section items sharing genres, best overlap first, never the item itself', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Night of the Living Dead'); // Horror, Thriller
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}/similar`);
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc.librarySectionID).toBe(1);
    const titles = (mc.Metadata as Listed[]).map((m) => m.title);
    expect(titles).not.toContain('Night of the Living Dead');
    expect(titles).not.toContain('Silent Era');
    // Every horror film and every thriller is in; nothing else is.
    const wanted = [...emulator.state.items.values()]
      .filter((item) => item.type === 'movie' && item !== movie)
      .filter((item) => item.tags.genre?.some((g) => g.tag === 'Horror' || g.tag === 'Thriller'))
      .map((item) => item.title);
    expect([...titles].sort()).toEqual([...wanted].sort());
    expect(mc.totalSize).toBe(wanted.length);
    // Overlap of two genres ranks above overlap of one.
    const overlap = (title: string) =>
      itemByTitle(emulator, title, 'movie').tags.genre?.filter((g) =>
        ['Horror', 'Thriller'].includes(g.tag),
      ).length ?? 0;
    const scores = titles.map(overlap);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const one = await call(emulator, `/library/metadata/${movie.ratingKey}/similar`, {
      query: { count: 1 },
    });
    expect(one.json.MediaContainer.Metadata).toHaveLength(1);
    expect(one.json.MediaContainer.Metadata[0].title).toBe(titles[0]);
  });

  it('is 404 for an unknown item and 400 for a bad count', async () => {
    emulator = testEmulator();
    const missing = await call(emulator, '/library/metadata/999999/similar');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(htmlBody(404));
    const movie = itemByTitle(emulator, 'Detour');
    const bad = await call(emulator, `/library/metadata/${movie.ratingKey}/similar`, {
      query: { count: 'many' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('GET /library/metadata/{id}/related', () => {
  it('answers hubs: similar, more by the director and the lead, more in the collection', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Metropolis'); // Fritz Lang; in "Silent Era"
    const collection = itemByTitle(emulator, 'Silent Era', 'collection');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}/related`);
    expect(res.status).toBe(200);
    const hubs = res.json.MediaContainer.Hub as Record<string, unknown>[];
    expect(res.json.MediaContainer.size).toBe(hubs.length);
    const byTitle = new Map(hubs.map((hub) => [hub.title, hub]));

    const similar = byTitle.get('More Like This');
    expect(similar).toMatchObject({
      hubIdentifier: 'movie.similar',
      context: 'hub.movie.similar',
      type: 'movie',
      style: 'shelf',
      key: `/library/metadata/${movie.ratingKey}/similar`,
    });

    const lang = byTitle.get('More Directed by Fritz Lang');
    expect(lang).toMatchObject({
      hubIdentifier: 'movie.by.actor.or.director',
      size: 1,
      more: false,
    });
    const scarlet = itemByTitle(emulator, 'Scarlet Street');
    expect((lang?.Metadata as Listed[] | undefined)?.map((m) => m.ratingKey)).toEqual([
      scarlet.ratingKey,
    ]);
    expect(lang?.hubKey).toBe(`/library/metadata/${scarlet.ratingKey}`);

    const silent = byTitle.get('More in Silent Era');
    expect(silent).toMatchObject({
      key: `/library/collections/${collection.ratingKey}/children`,
      hubIdentifier: `movie.collection.${collection.ratingKey}`,
      context: 'hub.movie.collection',
      size: 7,
      totalSize: 7,
    });
    expect((silent?.Metadata as Listed[] | undefined)?.map((m) => m.ratingKey)).not.toContain(
      movie.ratingKey,
    );
  });

  it('cuts hubs to count and flags more; /hubs/metadata/{id}/related answers the same', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Nosferatu');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}/related`, {
      query: { count: 2 },
    });
    const silent = (res.json.MediaContainer.Hub as Record<string, unknown>[]).find(
      (hub) => hub.title === 'More in Silent Era',
    );
    expect(silent).toMatchObject({ size: 2, totalSize: 7, more: true });
    expect(String(silent?.hubKey).split(',')).toHaveLength(2);

    const viaHubs = await call(emulator, `/hubs/metadata/${movie.ratingKey}/related`, {
      query: { count: 2 },
    });
    expect(viaHubs.json).toEqual(res.json);
  });

  it('is 404 for an unknown item (400 on the hubs path, as PMS documents)', async () => {
    emulator = testEmulator();
    expect((await call(emulator, '/library/metadata/999999/related')).status).toBe(404);
    const hubs = await call(emulator, '/hubs/metadata/999999/related');
    expect(hubs.status).toBe(400);
    expect(hubs.text).toBe(htmlBody(400));
  });
});
