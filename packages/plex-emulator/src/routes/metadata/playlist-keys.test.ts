import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { encodePng, parseHexColor, readPngFirstPixel, readPngSize } from '../../formats/png.js';
import type { PlaylistRecord } from '../../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';
import { fetchBytes, htmlBody, tokenOf } from './test-support.js';

/*
 * Playlists share the ratingKey space with library items, and python-plexapi edits them and
 * their posters through `/library/metadata/{playlistId}/…`, as it does items.
 */

const NOW = Math.floor(TEST_NOW_MS / 1000);

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

function playlistByTitle(title: string): PlaylistRecord {
  const found = [...emulator.state.playlists.values()].find((p) => p.title === title);
  if (!found) throw new Error(`no demo playlist ${title}`);
  return found;
}

/** The first pixel and size of an image the emulator serves (200, PNG). */
async function image(path: string, token?: string) {
  const res = await fetchBytes(emulator, path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('image/png');
  return { pixel: readPngFirstPixel(res.bytes), size: readPngSize(res.bytes) };
}

/** Timeline notifications PMS sends for a playlist change (type 15, state 5). */
function playlistUpdates(playlist: PlaylistRecord) {
  return emulator.notifications
    .history()
    .flatMap((n) => n.entries)
    .filter((e) => e.itemID === playlist.ratingKey && e.type === 15 && e.state === 5);
}

describe('GET /library/metadata/{playlistId}/thumb and /composite', () => {
  it('serves the playlist cover, as /playlists/{id}/composite does', async () => {
    emulator = testEmulator();
    const noir = playlistByTitle('Friday Night Noir');
    const cover = await image(`/playlists/${noir.ratingKey}/composite/${noir.updatedAt}`);
    for (const path of [
      `/library/metadata/${noir.ratingKey}/thumb/${noir.updatedAt}`,
      `/library/metadata/${noir.ratingKey}/thumb`,
      `/library/metadata/${noir.ratingKey}/composite/${noir.updatedAt}`,
    ]) {
      expect(await image(path)).toEqual({ pixel: cover.pixel, size: { width: 600, height: 600 } });
    }
    const small = await image(
      `/photo/:/transcode?url=${encodeURIComponent(`/library/metadata/${noir.ratingKey}/thumb/1`)}&width=200&height=200`,
    );
    expect(small).toEqual({ pixel: cover.pixel, size: { width: 200, height: 200 } });
  });

  it("is 404 for another user's playlist", async () => {
    emulator = testEmulator();
    const matinee = playlistByTitle('Saturday Matinee');
    const path = `/library/metadata/${matinee.ratingKey}/thumb/${matinee.updatedAt}`;
    const owner = await call(emulator, path);
    expect(owner.status).toBe(404);
    expect(owner.text).toBe(htmlBody(404));
    expect((await image(path, tokenOf(emulator, 'alex_home'))).size).toEqual({
      width: 600,
      height: 600,
    });
  });
});

describe('POST/PUT /library/metadata/{playlistId}/posters|poster|thumb', () => {
  it('sets the poster from a url (python-plexapi uploadPoster(url=…))', async () => {
    emulator = testEmulator();
    const noir = playlistByTitle('Friday Night Noir');
    expect(noir.thumbColor).toBeUndefined();
    const res = await call(emulator, `/library/metadata/${noir.ratingKey}/posters`, {
      method: 'POST',
      query: { url: 'https://images.example.org/noir.png' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const color = noir.thumbColor;
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(noir.updatedAt).toBe(NOW);
    expect(playlistUpdates(noir)).toHaveLength(1);

    const read = (await call(emulator, `/playlists/${noir.ratingKey}`)).json.MediaContainer
      .Metadata[0];
    expect(read.thumb).toBe(`/library/metadata/${noir.ratingKey}/thumb/${NOW}`);
    expect(read.composite).toBe(`/playlists/${noir.ratingKey}/composite/${NOW}`);
    const expected = parseHexColor(color ?? '');
    expect((await image(read.thumb)).pixel).toEqual(expected);
    expect((await image(read.composite)).pixel).toEqual(expected);

    // The same url through PUT …/poster and POST …/thumb paints the same colour.
    for (const [method, element] of [
      ['PUT', 'poster'],
      ['POST', 'thumb'],
    ] as const) {
      const again = await call(emulator, `/library/metadata/${noir.ratingKey}/${element}`, {
        method,
        query: { url: 'https://images.example.org/noir.png' },
      });
      expect(again.status).toBe(200);
      expect(noir.thumbColor).toBe(color);
    }
    await call(emulator, `/library/metadata/${noir.ratingKey}/poster`, {
      method: 'PUT',
      query: { url: 'https://images.example.org/other.png' },
    });
    expect(noir.thumbColor).not.toBe(color);
    expect(playlistUpdates(noir)).toHaveLength(4);
  });

  it('takes the raw image as the body', async () => {
    emulator = testEmulator();
    const piano = playlistByTitle('Piano Evenings');
    const red = encodePng(20, 30, { kind: 'solid', color: [220, 20, 40] });
    const res = await call(emulator, `/library/metadata/${piano.ratingKey}/posters`, {
      method: 'POST',
      body: new Uint8Array(red),
    });
    expect(res.status).toBe(200);
    expect(piano.thumbColor).toBe('#dc1428');
    expect((await image(`/library/metadata/${piano.ratingKey}/thumb/${NOW}`)).pixel).toEqual([
      220, 20, 40,
    ]);
    expect((await image(`/playlists/${piano.ratingKey}/composite/${NOW}`)).pixel).toEqual([
      220, 20, 40,
    ]);
    const empty = await call(emulator, `/library/metadata/${piano.ratingKey}/posters`, {
      method: 'POST',
    });
    expect(empty.status).toBe(400);
    const noUrl = await call(emulator, `/library/metadata/${piano.ratingKey}/poster`, {
      method: 'PUT',
    });
    expect(noUrl.status).toBe(400);
    expect(piano.thumbColor).toBe('#dc1428');
  });

  it('lets a playlist owner who is not the admin set it, and hides it from others', async () => {
    emulator = testEmulator();
    const matinee = playlistByTitle('Saturday Matinee');
    const query = { url: 'https://images.example.org/matinee.png' };
    const path = `/library/metadata/${matinee.ratingKey}/posters`;
    expect((await call(emulator, path, { method: 'POST', query })).status).toBe(404);
    const jordan = await call(emulator, path, {
      method: 'POST',
      query,
      token: tokenOf(emulator, 'jordan_k'),
    });
    expect(jordan.status).toBe(404);
    expect(matinee.thumbColor).toBeUndefined();
    const alex = await call(emulator, path, {
      method: 'POST',
      query,
      token: tokenOf(emulator, 'alex_home'),
    });
    expect(alex.status).toBe(200);
    expect(matinee.thumbColor).toMatch(/^#/);
  });
});

describe('PUT /library/metadata/{playlistId}?title…', () => {
  it('edits the playlist in both forms python-plexapi sends and notifies', async () => {
    emulator = testEmulator();
    const noir = playlistByTitle('Friday Night Noir');
    const path = `/library/metadata/${noir.ratingKey}`;
    const edit = await call(emulator, path, {
      method: 'PUT',
      query: { 'title.value': 'Noir Night', 'title.locked': 1, 'summary.value': 'Darker.' },
    });
    expect(edit.status).toBe(200);
    expect(edit.text).toBe('');
    let read = (await call(emulator, `/playlists/${noir.ratingKey}`)).json.MediaContainer
      .Metadata[0];
    expect(read).toMatchObject({ title: 'Noir Night', summary: 'Darker.', updatedAt: NOW });
    expect(playlistUpdates(noir).map((e) => e.title)).toEqual(['Noir Night']);

    await call(emulator, path, { method: 'PUT', query: { title: 'Late Noir' } });
    read = (await call(emulator, `/playlists/${noir.ratingKey}`)).json.MediaContainer.Metadata[0];
    expect(read.title).toBe('Late Noir');
    expect(playlistUpdates(noir)).toHaveLength(2);
  });

  it("is the playlist owner's to edit: 404 for others", async () => {
    emulator = testEmulator();
    const matinee = playlistByTitle('Saturday Matinee');
    const path = `/library/metadata/${matinee.ratingKey}`;
    const query = { 'title.value': 'Sunday Matinee' };
    expect((await call(emulator, path, { method: 'PUT', query })).status).toBe(404);
    expect(matinee.title).toBe('Saturday Matinee');
    const alex = await call(emulator, path, {
      method: 'PUT',
      query,
      token: tokenOf(emulator, 'alex_home'),
    });
    expect(alex.status).toBe(200);
    expect(matinee.title).toBe('Sunday Matinee');
  });
});
