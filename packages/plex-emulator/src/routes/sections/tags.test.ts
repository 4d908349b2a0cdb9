import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import { describeSection } from '../../library/index.js';
import { call, testEmulator } from '../../testing/harness.js';

type Entry = { fastKey: string; key: string; title: string; type?: string; thumb?: string };

async function entries(path: string, query: Record<string, string | number> = {}) {
  const emulator = testEmulator();
  const { status, json } = await call(emulator, path, { query });
  expect(status).toBe(200);
  return {
    emulator,
    container: json.MediaContainer,
    list: json.MediaContainer.Directory as Entry[],
  };
}

describe('tag lists', () => {
  it('lists genres with tag-id keys and fastKeys, in a secondary container', async () => {
    const { emulator, container, list } = await entries('/library/sections/1/genre');
    expect(container).toMatchObject({
      allowSync: false,
      art: '/:/resources/movie-fanart.jpg',
      content: 'secondary',
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
      nocache: true,
      thumb: '/:/resources/movie.png',
      title1: 'Movies',
      title2: 'By Genre',
      viewGroup: 'secondary',
      size: list.length,
    });
    const horrorId = String(emulator.state.tagId('genre', 'Horror'));
    expect(list.find((entry) => entry.title === 'Horror')).toEqual({
      fastKey: `/library/sections/1/all?genre=${horrorId}`,
      key: horrorId,
      title: 'Horror',
      type: 'genre',
    });
    expect(list.map((entry) => entry.title)).toEqual([...list.map((entry) => entry.title)].sort());
  });

  it('gives keys that filter /all to exactly the tagged items (python-plexapi round trip)', async () => {
    const { emulator, list } = await entries('/library/sections/1/director');
    const lang = list.find((entry) => entry.title === 'Fritz Lang');
    if (!lang) throw new Error('director missing');
    const viaFastKey = await call(emulator, lang.fastKey);
    expect(viaFastKey.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'Metropolis',
      'Scarlet Street',
    ]);
  });

  it('lists cast with photos and without a type', async () => {
    const { list, container } = await entries('/library/sections/1/actor');
    expect(container.title2).toBe('By Starring Actor');
    const duane = list.find((entry) => entry.title === 'Duane Jones');
    expect(duane?.type).toBeUndefined();
    expect(duane?.key).toMatch(/^\d+$/);
  });

  it('keys years, decades, content ratings and studios by value', async () => {
    const years = (await entries('/library/sections/1/year')).list;
    expect(years[0]).toEqual({
      fastKey: '/library/sections/1/all?year=1968',
      key: '1968',
      title: '1968',
      type: 'year',
    });
    const decades = (await entries('/library/sections/1/decade')).list;
    expect(decades[0]).toMatchObject({ key: '1960', title: '1960s' });
    const ratings = (await entries('/library/sections/1/contentRating')).list;
    expect(ratings.map((entry) => entry.key)).toEqual(['Approved', 'Not Rated']);
    expect(ratings[1]?.fastKey).toBe('/library/sections/1/all?contentRating=Not%20Rated');
    const studios = (await entries('/library/sections/1/studio')).list;
    expect(studios.every((entry) => entry.key === entry.title)).toBe(true);
  });

  it('lists resolutions, languages, labels, collections, writers and countries', async () => {
    expect((await entries('/library/sections/1/resolution')).list.map((e) => e.title)).toEqual([
      '4K',
      '1080p',
      '720p',
      '480p',
      'SD',
    ]);
    expect((await entries('/library/sections/1/label')).list.map((e) => e.title)).toEqual([
      '4K Restoration',
      'Criterion',
      'Halloween',
    ]);
    const collections = (await entries('/library/sections/1/collection')).list;
    expect(collections.map((e) => e.title)).toEqual(['Film Noir', 'Silent Era']);
    expect((await entries('/library/sections/1/country')).list.map((e) => e.title)).toEqual([
      'Germany',
      'United States',
    ]);
    expect((await entries('/library/sections/1/writer')).list.length).toBeGreaterThan(10);
    const audio = (await entries('/library/sections/1/audioLanguage')).list;
    expect(audio.length).toBeGreaterThan(0);
    expect(audio.every((entry) => /^[a-z]{3}$/.test(entry.key))).toBe(true);
  });

  it('lists another type with type=N, and links back with it', async () => {
    const { list } = await entries('/library/sections/3/genre', { type: 9 });
    expect(list.map((entry) => entry.title)).toEqual(['Classical', 'Jazz']);
    expect(list[0]?.fastKey).toMatch(/&type=9$/);
    const styles = (await entries('/library/sections/3/style', { type: 9 })).list;
    expect(styles.map((entry) => entry.title)).toEqual(['Baroque', 'Impressionist', 'Ragtime']);
  });

  it('pages long lists', async () => {
    const emulator = testEmulator();
    const { json, headers } = await call(emulator, '/library/sections/1/actor', {
      query: { 'X-Plex-Container-Start': 10, 'X-Plex-Container-Size': 5 },
    });
    expect(json.MediaContainer.size).toBe(5);
    expect(json.MediaContainer.offset).toBe(10);
    expect(headers.get('X-Plex-Container-Total-Size')).toBe(String(json.MediaContainer.totalSize));
  });

  it('serves every value list Meta advertises', async () => {
    const emulator = testEmulator();
    for (const section of emulator.state.sections.values()) {
      for (const type of describeSection(section).Type) {
        for (const filter of type.Filter as { key: string; filterType: string }[]) {
          if (filter.filterType === 'boolean') continue;
          const { status } = await call(emulator, filter.key);
          expect(status, filter.key).toBe(200);
        }
      }
    }
  });

  it('answers 404 for unknown sections and 400 for unknown types', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/8/genre')).status).toBe(404);
    expect(
      (await call(emulator, '/library/sections/1/genre', { query: { type: 77 } })).status,
    ).toBe(400);
  });
});

describe('GET /library/sections/{id}/firstCharacter', () => {
  it('counts sort titles by first letter', async () => {
    const { list, container } = await entries('/library/sections/1/firstCharacter');
    expect(container.title2).toBe('By First Letter');
    const counts = list as unknown as { size: number; key: string; title: string }[];
    expect(counts.reduce((sum, entry) => sum + entry.size, 0)).toBe(DEMO.counts.movies);
    expect(counts.find((entry) => entry.title === 'S')).toEqual({ size: 4, key: 'S', title: 'S' });
  });

  it('files digits under # with an encoded key', async () => {
    const emulator = testEmulator();
    emulator.state.addItem({ type: 'movie', sectionId: 1, title: '7th Heaven', addedAt: 1 });
    const { json } = await call(emulator, '/library/sections/1/firstCharacter');
    expect(json.MediaContainer.Directory[0]).toEqual({ size: 1, key: '%23', title: '#' });
  });
});
