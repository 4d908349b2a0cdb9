import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';
import { htmlBody, itemByTitle, tokenOf } from './test-support.js';

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

describe('GET /library/metadata/{ids}', () => {
  it('answers one item in detail form under a container with the section hoisted', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Night of the Living Dead');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}`);
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 1,
      allowSync: true,
      identifier: 'com.plexapp.plugins.library',
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
      librarySectionUUID: emulator.state.sections.get(1)?.uuid,
      mediaTagPrefix: '/system/bundle/media/flags/',
    });
    expect(mc.mixedParents).toBeUndefined();
    const [item] = mc.Metadata;
    expect(item).toMatchObject({
      ratingKey: movie.ratingKey,
      key: `/library/metadata/${movie.ratingKey}`,
      type: 'movie',
      title: 'Night of the Living Dead',
      year: 1968,
      librarySectionID: 1,
      thumb: `/library/metadata/${movie.ratingKey}/thumb/${movie.updatedAt}`,
    });
    expect(item.Genre.map((g: { tag: string }) => g.tag)).toEqual(['Horror', 'Thriller']);
    expect(item.Director).toEqual([expect.objectContaining({ tag: 'George A. Romero' })]);
    expect(item.Role.length).toBe(6);
    expect(item.Role[0]).toMatchObject({ tag: 'Duane Jones', role: 'Ben' });
    // Detail form carries streams (list form does not).
    expect(item.Media[0].Part[0].Stream.length).toBeGreaterThan(0);
  });

  it('answers a comma list in the order asked, dropping unknown ids', async () => {
    emulator = testEmulator();
    const a = itemByTitle(emulator, 'Detour');
    const b = itemByTitle(emulator, 'Charade');
    const res = await call(emulator, `/library/metadata/${b.ratingKey},999999,${a.ratingKey}`, {
      query: { includeGuids: 1, includeMarkers: 1, checkFiles: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.json.MediaContainer.size).toBe(2);
    expect(res.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'Charade',
      'Detour',
    ]);
  });

  it('marks lists spanning sections with mixedParents and hoists no section', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey},${show.ratingKey}`);
    const mc = res.json.MediaContainer;
    expect(mc.mixedParents).toBe(true);
    expect(mc.librarySectionID).toBeUndefined();
    expect(mc.identifier).toBe('com.plexapp.plugins.library');
    expect(mc.Metadata.map((m: { librarySectionID: number }) => m.librarySectionID)).toEqual([
      1, 2,
    ]);
  });

  it('is 404 with the HTML page when no id is known, 401 without a token', async () => {
    emulator = testEmulator();
    const missing = await call(emulator, '/library/metadata/999998,999999');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(htmlBody(404));
    const anonymous = await call(emulator, '/library/metadata/1000', { token: null });
    expect(anonymous.status).toBe(401);
  });

  it('hides items of sections not shared with a friend', async () => {
    emulator = testEmulator();
    const track = itemByTitle(emulator, 'Maple Leaf Rag');
    const jordan = tokenOf(emulator, 'jordan_k'); // Movies and TV only
    const sam = tokenOf(emulator, 'sam.rivera'); // Movies and Music
    expect(
      (await call(emulator, `/library/metadata/${track.ratingKey}`, { token: jordan })).status,
    ).toBe(404);
    const shared = await call(emulator, `/library/metadata/${track.ratingKey}`, { token: sam });
    expect(shared.status).toBe(200);
    expect(shared.json.MediaContainer.Metadata[0].type).toBe('track');
  });
});

describe('GET /library/metadata/{id}?includePreferences=1', () => {
  it("adds a collection's Preferences, which python-plexapi's mode and sort updates read", async () => {
    emulator = testEmulator();
    const noir = itemByTitle(emulator, 'Film Noir', 'collection');
    const movie = itemByTitle(emulator, 'Detour');
    const path = `/library/metadata/${noir.ratingKey}`;
    expect((await call(emulator, path)).json.MediaContainer.Metadata[0]).not.toHaveProperty(
      'Preferences',
    );
    const edit = await call(emulator, `${path}/prefs`, {
      method: 'PUT',
      query: { collectionMode: 2, collectionSort: 1 },
    });
    expect(edit.status).toBe(200);
    const res = await call(emulator, `/library/metadata/${noir.ratingKey},${movie.ratingKey}`, {
      query: { includePreferences: 1 },
    });
    expect(res.status).toBe(200);
    const [collection, film] = res.json.MediaContainer.Metadata;
    const settings = collection.Preferences.Setting as { id: string; value: string }[];
    expect(settings.map((setting) => [setting.id, setting.value])).toEqual([
      ['collectionMode', '2'],
      ['collectionSort', '1'],
    ]);
    expect(settings[0]).toMatchObject({ type: 'int', default: '-1' });
    expect(film).not.toHaveProperty('Preferences');
  });
});

describe('GET /library/metadata/{id}/children', () => {
  it('lists the seasons of a show after the "All episodes" shortcut', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const res = await call(emulator, `/library/metadata/${show.ratingKey}/children`);
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 3,
      totalSize: 2,
      offset: 0,
      key: show.ratingKey,
      librarySectionID: 2,
      librarySectionTitle: 'TV Shows',
      parentTitle: 'Bonanza',
      parentYear: show.year,
      title1: 'TV Shows',
      title2: 'Bonanza',
      viewGroup: 'season',
      viewMode: 65593,
      thumb: `/library/metadata/${show.ratingKey}/thumb/${show.updatedAt}`,
    });
    expect(mc.Directory).toEqual([
      {
        leafCount: 9,
        viewedLeafCount: 2,
        thumb: `/library/metadata/${show.ratingKey}/thumb/${show.updatedAt}`,
        key: `/library/metadata/${show.ratingKey}/allLeaves`,
        title: 'All episodes',
      },
    ]);
    expect(mc.Metadata.map((m: { title: string; index: number }) => [m.title, m.index])).toEqual([
      ['Season 1', 1],
      ['Season 2', 2],
    ]);
    expect(mc.Metadata[0]).toMatchObject({
      type: 'season',
      parentRatingKey: show.ratingKey,
      parentTitle: 'Bonanza',
      leafCount: 5,
      key: `/library/metadata/${mc.Metadata[0].ratingKey}/children`,
    });

    const bare = await call(emulator, `/library/metadata/${show.ratingKey}/children`, {
      query: { excludeAllLeaves: 1 },
    });
    expect(bare.json.MediaContainer.size).toBe(2);
    expect(bare.json.MediaContainer.Directory).toBeUndefined();
  });

  it('pages the episodes of a season and describes the show on the container', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'The Beverly Hillbillies', 'show');
    const season = emulator.state.childrenOf(show)[0];
    if (!season) throw new Error('demo show has no season');
    const res = await call(emulator, `/library/metadata/${season.ratingKey}/children`, {
      headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '2' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Plex-Container-Start')).toBe('1');
    expect(res.headers.get('X-Plex-Container-Total-Size')).toBe('6');
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 2,
      offset: 1,
      totalSize: 6,
      key: season.ratingKey,
      parentIndex: 1,
      parentTitle: 'The Beverly Hillbillies',
      grandparentRatingKey: show.ratingKey,
      grandparentTitle: 'The Beverly Hillbillies',
      title1: 'The Beverly Hillbillies',
      title2: 'Season 1',
      viewGroup: 'episode',
      viewMode: 65592,
    });
    expect(mc.Metadata.map((m: { title: string; index: number }) => [m.index, m.title])).toEqual([
      [2, 'Getting Settled'],
      [3, 'Meanwhile, Back at the Cabin'],
    ]);
    expect(mc.Metadata[0]).toMatchObject({
      type: 'episode',
      parentIndex: 1,
      grandparentTitle: 'The Beverly Hillbillies',
    });
  });

  it('lists collection members by release date and answers an empty list for a movie', async () => {
    emulator = testEmulator();
    const collection = itemByTitle(emulator, 'Silent Era', 'collection');
    const res = await call(emulator, `/library/metadata/${collection.ratingKey}/children`);
    const members = res.json.MediaContainer.Metadata as { title: string; year: number }[];
    expect(members).toHaveLength(8);
    expect(members.map((m) => m.year)).toEqual(
      [...members.map((m) => m.year)].sort((a, b) => a - b),
    );
    expect(res.json.MediaContainer.title2).toBe('Silent Era');
    expect(res.json.MediaContainer.viewGroup).toBe('movie');

    const movie = itemByTitle(emulator, 'Detour');
    const empty = await call(emulator, `/library/metadata/${movie.ratingKey}/children`);
    expect(empty.status).toBe(200);
    expect(empty.json.MediaContainer.size).toBe(0);
    expect(empty.json.MediaContainer.Metadata).toBeUndefined();
  });

  it('is 404 for unknown and hidden parents', async () => {
    emulator = testEmulator();
    expect((await call(emulator, '/library/metadata/999999/children')).status).toBe(404);
    const artist = itemByTitle(emulator, 'Scott Joplin', 'artist');
    const hidden = await call(emulator, `/library/metadata/${artist.ratingKey}/children`, {
      token: tokenOf(emulator, 'jordan_k'),
    });
    expect(hidden.status).toBe(404);
  });
});

describe('GET /library/metadata/{id}/allLeaves', () => {
  it('pages every episode of a show in season order', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const all = await call(emulator, `/library/metadata/${show.ratingKey}/allLeaves`);
    expect(all.status).toBe(200);
    const mc = all.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 9,
      totalSize: 9,
      key: show.ratingKey,
      mixedParents: true,
      title2: 'Bonanza',
      viewGroup: 'episode',
      librarySectionID: 2,
    });
    const order = mc.Metadata.map((m: { parentIndex: number; index: number }) => [
      m.parentIndex,
      m.index,
    ]);
    expect(order).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
      [2, 1],
      [2, 2],
      [2, 3],
      [2, 4],
    ]);

    const page = await call(emulator, `/library/metadata/${show.ratingKey}/allLeaves`, {
      query: { 'X-Plex-Container-Start': 4, 'X-Plex-Container-Size': 3 },
    });
    expect(page.json.MediaContainer).toMatchObject({ size: 3, offset: 4, totalSize: 9 });
    expect(page.json.MediaContainer.Metadata[1].title).toBe('Showdown');
  });

  it('lists the tracks of an artist', async () => {
    emulator = testEmulator();
    const artist = itemByTitle(emulator, 'Scott Joplin', 'artist');
    const res = await call(emulator, `/library/metadata/${artist.ratingKey}/allLeaves`);
    const mc = res.json.MediaContainer;
    expect(mc.viewGroup).toBe('track');
    expect(mc.size).toBeGreaterThan(0);
    expect(
      mc.Metadata.every((m: { type: string; grandparentTitle: string }) => m.type === 'track'),
    ).toBe(true);
    expect(mc.Metadata[0].grandparentTitle).toBe('Scott Joplin');
  });
});
