import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { encodePng, readPngFirstPixel } from '../../formats/png.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';
import { fetchBytes, htmlBody, itemByTitle, tokenOf } from './test-support.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

interface Candidate {
  key: string;
  ratingKey: string;
  selected: boolean;
  thumb: string;
  provider?: string;
}

async function candidates(
  ratingKey: string,
  list: 'posters' | 'arts' | 'clearLogos',
): Promise<Candidate[]> {
  const res = await call(emulator, `/library/metadata/${ratingKey}/${list}`);
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Metadata ?? [];
}

/** The first pixel of an image the emulator serves. */
async function firstPixel(path: string): Promise<readonly number[] | undefined> {
  const res = await fetchBytes(emulator, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('image/png');
  return readPngFirstPixel(res.bytes);
}

/** python-plexapi's `quote_plus`. */
function quotePlus(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

describe('GET /library/metadata/{id}/posters and /arts', () => {
  it('lists candidates with one selected, as PMS does', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}/posters`);
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 3,
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
    });
    expect(typeof mc.mediaTagVersion).toBe('number');
    const posters = mc.Metadata as Candidate[];
    expect(posters.filter((p) => p.selected)).toHaveLength(1);
    const [first] = posters;
    expect(first?.ratingKey).toMatch(/^metadata:\/\/posters\/com\.plexapp\.agents\.themoviedb_/);
    expect(first).toEqual({
      key: `/library/metadata/${movie.ratingKey}/file?url=${encodeURIComponent(first?.ratingKey ?? '')}`,
      ratingKey: first?.ratingKey,
      selected: true,
      thumb: `/library/metadata/${movie.ratingKey}/file?url=${encodeURIComponent(first?.ratingKey ?? '')}`,
      provider: 'com.plexapp.agents.themoviedb',
    });
    expect(posters.map((p) => p.provider)).toEqual([
      'com.plexapp.agents.themoviedb',
      'com.plexapp.agents.themoviedb',
      'local',
    ]);
    const arts = await candidates(movie.ratingKey, 'arts');
    expect(arts).toHaveLength(2);
    expect(arts[0]?.ratingKey).toMatch(/^metadata:\/\/art\//);
  });

  it('gives items without recorded artwork one agent poster and background', async () => {
    emulator = testEmulator();
    const track = itemByTitle(emulator, 'Maple Leaf Rag', 'track');
    expect(track.artwork).toEqual({});
    const posters = await candidates(track.ratingKey, 'posters');
    expect(posters).toHaveLength(1);
    expect(posters[0]).toMatchObject({ selected: true, provider: 'tv.plex.agents.music' });
    expect(posters[0]?.ratingKey).toMatch(/^metadata:\/\/posters\/tv\.plex\.agents\.music_/);
    expect(await candidates(track.ratingKey, 'posters')).toEqual(posters);
    expect(await candidates(track.ratingKey, 'arts')).toHaveLength(1);
    expect(await candidates(track.ratingKey, 'clearLogos')).toEqual([]);
    // Reading derives the default without storing it.
    expect(track.artwork).toEqual({});
    expect((await call(emulator, '/library/metadata/999999/posters')).status).toBe(404);
  });
});

describe('PUT /library/metadata/{id}/poster?url= (select)', () => {
  it('selects a listed candidate, locks thumb and changes the image and its URL', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const oldThumb = `/library/metadata/${movie.ratingKey}/thumb/${movie.updatedAt}`;
    const [, second] = await candidates(movie.ratingKey, 'posters');
    if (!second) throw new Error('demo movie has one poster');
    // python-plexapi's poster.select(): `_initpath[:-1]` + `?url=` + quote_plus(ratingKey).
    const res = await call(
      emulator,
      `/library/metadata/${movie.ratingKey}/poster?url=${quotePlus(second.ratingKey)}`,
      {
        method: 'PUT',
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const after = await candidates(movie.ratingKey, 'posters');
    expect(after.filter((p) => p.selected).map((p) => p.ratingKey)).toEqual([second.ratingKey]);

    const read = (await call(emulator, `/library/metadata/${movie.ratingKey}`)).json.MediaContainer
      .Metadata[0];
    expect(read.thumb).toBe(`/library/metadata/${movie.ratingKey}/thumb/${NOW}`);
    expect(read.thumb).not.toBe(oldThumb);
    expect(read.Field).toContainEqual({ locked: true, name: 'thumb' });
    expect(await firstPixel(read.thumb)).toEqual(await firstPixel(second.thumb));
    expect(
      emulator.notifications
        .history()
        .some((n) => n.entries.some((e) => e.itemID === movie.ratingKey && e.state === 5)),
    ).toBe(true);
  });

  it('selects backgrounds through /art and locks art', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    const [, second] = await candidates(movie.ratingKey, 'arts');
    if (!second) throw new Error('demo movie has one background');
    await call(emulator, `/library/metadata/${movie.ratingKey}/art`, {
      method: 'PUT',
      query: { url: second.ratingKey },
    });
    expect((await candidates(movie.ratingKey, 'arts')).find((a) => a.selected)?.ratingKey).toBe(
      second.ratingKey,
    );
    expect(movie.locked.has('art')).toBe(true);
    expect(await firstPixel(`/library/metadata/${movie.ratingKey}/art/${movie.updatedAt}`)).toEqual(
      await firstPixel(second.thumb),
    );
  });

  it('answers 400 without url, 404 for an unknown candidate, 403 for non-admins', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const noUrl = await call(emulator, `/library/metadata/${movie.ratingKey}/poster`, {
      method: 'PUT',
    });
    expect(noUrl.status).toBe(400);
    expect(noUrl.text).toBe(htmlBody(400));
    const unknown = await call(emulator, `/library/metadata/${movie.ratingKey}/poster`, {
      method: 'PUT',
      query: { url: 'upload://posters/nope' },
    });
    expect(unknown.status).toBe(404);
    const [, second] = await candidates(movie.ratingKey, 'posters');
    const friend = await call(emulator, `/library/metadata/${movie.ratingKey}/poster`, {
      method: 'PUT',
      query: { url: second?.ratingKey ?? '' },
      token: tokenOf(emulator, 'sam.rivera'),
    });
    expect(friend.status).toBe(403);
    expect(movie.locked.has('thumb')).toBe(false);
  });
});

describe('POST /library/metadata/{id}/posters (upload)', () => {
  it('adds an uploaded image by URL and selects it', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const url = 'https://images.example.org/detour poster.jpg';
    // python-plexapi's uploadPoster(url=…).
    const res = await call(
      emulator,
      `/library/metadata/${movie.ratingKey}/posters?url=${quotePlus(url)}`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const posters = await candidates(movie.ratingKey, 'posters');
    expect(posters).toHaveLength(4);
    const uploaded = posters.find((p) => p.selected);
    expect(uploaded?.ratingKey).toMatch(/^upload:\/\/posters\/[0-9a-f]{40}$/);
    expect(uploaded?.provider).toBeUndefined();
    expect(movie.locked.has('thumb')).toBe(true);
    expect(movie.updatedAt).toBe(NOW);

    // The same URL again selects the same upload instead of adding a copy.
    await call(emulator, `/library/metadata/${movie.ratingKey}/posters`, {
      method: 'POST',
      query: { url },
    });
    expect(await candidates(movie.ratingKey, 'posters')).toHaveLength(4);
  });

  it("takes the raw image as the body and shows it in the item's images", async () => {
    emulator = testEmulator();
    const episode = itemByTitle(emulator, 'The Mission', 'episode');
    const red = encodePng(20, 30, { kind: 'solid', color: [220, 20, 40] });
    const res = await call(emulator, `/library/metadata/${episode.ratingKey}/posters`, {
      method: 'POST',
      body: new Uint8Array(red),
    });
    expect(res.status).toBe(200);
    const posters = await candidates(episode.ratingKey, 'posters');
    expect(posters).toHaveLength(2);
    expect(posters.find((p) => p.selected)?.ratingKey).toMatch(/^upload:\/\/posters\//);
    expect(await firstPixel(`/library/metadata/${episode.ratingKey}/thumb/${NOW}`)).toEqual([
      220, 20, 40,
    ]);

    const blue = encodePng(16, 9, { kind: 'solid', color: [10, 40, 200] });
    await call(emulator, `/library/metadata/${episode.ratingKey}/arts`, {
      method: 'POST',
      body: new Uint8Array(blue),
    });
    expect(await firstPixel(`/library/metadata/${episode.ratingKey}/art/${NOW}`)).toEqual([
      10, 40, 200,
    ]);
    expect(episode.locked.has('art')).toBe(true);
  });

  it('creates a clear logo slot on first upload', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    expect((await call(emulator, `/library/metadata/${movie.ratingKey}/clearLogo`)).status).toBe(
      404,
    );
    const png = encodePng(8, 3, { kind: 'solid', color: [250, 250, 250] });
    await call(emulator, `/library/metadata/${movie.ratingKey}/clearLogos`, {
      method: 'POST',
      body: new Uint8Array(png),
    });
    const logos = await candidates(movie.ratingKey, 'clearLogos');
    expect(logos).toHaveLength(1);
    expect(logos[0]?.selected).toBe(true);
    expect(await firstPixel(`/library/metadata/${movie.ratingKey}/clearLogo`)).toEqual([
      250, 250, 250,
    ]);
  });

  it('answers 400 with neither url nor body, 404 for unknown items', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    expect(
      (await call(emulator, `/library/metadata/${movie.ratingKey}/posters`, { method: 'POST' }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(emulator, '/library/metadata/999999/posters', {
          method: 'POST',
          query: { url: 'https://x.test/a.jpg' },
        })
      ).status,
    ).toBe(404);
    expect(await candidates(movie.ratingKey, 'posters')).toHaveLength(3);
  });
});
