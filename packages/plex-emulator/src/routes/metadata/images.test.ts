import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { MAX_PNG_SIDE, parseHexColor, readPngFirstPixel, readPngSize } from '../../formats/png.js';
import { call, testEmulator } from '../../testing/harness.js';
import { transcodeSize } from './images.js';
import { fetchBytes, htmlBody, itemByTitle, tokenOf } from './test-support.js';

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator?.close();
});

async function image(path: string, token?: string) {
  const res = await fetchBytes(emulator, path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('image/png');
  expect(res.headers.get('Content-Length')).toBe(String(res.bytes.length));
  return { size: readPngSize(res.bytes), pixel: readPngFirstPixel(res.bytes) };
}

function transcodePath(query: Record<string, string | number>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) params.set(name, String(value));
  return `/photo/:/transcode?${params}`;
}

describe('GET /library/metadata/{id}/thumb/{ts} and /art/{ts}', () => {
  it('serves the selected poster and background as real PNGs of their native size', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const poster = movie.artwork.poster;
    const art = movie.artwork.art;
    const posterColor = poster?.candidates.find((c) => c.key === poster.selected)?.color ?? '';
    const artColor = art?.candidates.find((c) => c.key === art.selected)?.color ?? '';

    const thumb = await image(`/library/metadata/${movie.ratingKey}/thumb/${movie.updatedAt}`);
    expect(thumb.size).toEqual({ width: 600, height: 900 });
    expect(thumb.pixel).toEqual(parseHexColor(posterColor));
    const background = await image(`/library/metadata/${movie.ratingKey}/art/${movie.updatedAt}`);
    expect(background.size).toEqual({ width: 1280, height: 720 });
    expect(background.pixel).toEqual(parseHexColor(artColor));

    // A stale timestamp (a cached URL) still answers the current image; so does no timestamp.
    expect(await image(`/library/metadata/${movie.ratingKey}/thumb/1`)).toEqual(thumb);
    expect(await image(`/library/metadata/${movie.ratingKey}/thumb`)).toEqual(thumb);
  });

  it('shapes images by type: square music covers, 16:9 episode stills', async () => {
    emulator = testEmulator();
    const album = emulator.state.items.get(
      itemByTitle(emulator, 'Maple Leaf Rag').parentRatingKey ?? '',
    );
    const episode = itemByTitle(emulator, 'The Mission', 'episode');
    expect((await image(`/library/metadata/${album?.ratingKey}/thumb/1`)).size).toEqual({
      width: 600,
      height: 600,
    });
    expect((await image(`/library/metadata/${episode.ratingKey}/thumb/1`)).size).toEqual({
      width: 640,
      height: 360,
    });
  });

  it('serves each listed candidate at its /file?url= link', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const list = await call(emulator, `/library/metadata/${movie.ratingKey}/posters`);
    const third = list.json.MediaContainer.Metadata[2];
    const stored = movie.artwork.poster?.candidates[2];
    expect((await image(third.thumb)).pixel).toEqual(parseHexColor(stored?.color ?? ''));
    const missing = await fetchBytes(
      emulator,
      `/library/metadata/${movie.ratingKey}/file?url=upload%3A%2F%2Fposters%2Fnope`,
    );
    expect(missing.status).toBe(404);
  });

  it('is 404 for unknown items, hidden sections and empty slots', async () => {
    emulator = testEmulator();
    expect((await fetchBytes(emulator, '/library/metadata/999999/thumb/1')).status).toBe(404);
    const track = itemByTitle(emulator, 'Maple Leaf Rag');
    const hidden = await fetchBytes(
      emulator,
      `/library/metadata/${track.ratingKey}/thumb/1`,
      tokenOf(emulator, 'jordan_k'),
    );
    expect(hidden.status).toBe(404);
    const movie = itemByTitle(emulator, 'Detour');
    expect(
      (await fetchBytes(emulator, `/library/metadata/${movie.ratingKey}/banner/1`)).status,
    ).toBe(404);
    const anonymous = await emulator.fetch(
      new Request(`http://plex.test:32400/library/metadata/${movie.ratingKey}/thumb/1`),
    );
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /photo/:/transcode', () => {
  it('answers exactly the requested size when it matches the aspect ratio (python-plexapi defaults)', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const source = `/library/metadata/${movie.ratingKey}/thumb/${movie.updatedAt}`;
    const thumb = await image(source);
    const res = await image(
      transcodePath({ height: 450, minSize: 1, upscale: 1, url: source, width: 300 }),
    );
    expect(res.size).toEqual({ width: 300, height: 450 });
    expect(res.pixel).toEqual(thumb.pixel);
  });

  it('fits inside the box by default, covers it with minSize=1, and grows only with upscale=1', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const url = `/library/metadata/${movie.ratingKey}/thumb/${movie.updatedAt}`;
    expect((await image(transcodePath({ url, width: 200, height: 200 }))).size).toEqual({
      width: 133,
      height: 200,
    });
    expect((await image(transcodePath({ url, width: 200, height: 200, minSize: 1 }))).size).toEqual(
      {
        width: 200,
        height: 300,
      },
    );
    expect((await image(transcodePath({ url, width: 1200, height: 1800 }))).size).toEqual({
      width: 600,
      height: 900,
    });
    expect(
      (await image(transcodePath({ url, width: 1200, height: 1800, upscale: 1 }))).size,
    ).toEqual({
      width: 1200,
      height: 1800,
    });
    const huge = await image(
      transcodePath({ url, width: 100000, height: 100000, upscale: 1, minSize: 1 }),
    );
    expect(huge.size).toEqual({ width: Math.round((MAX_PNG_SIDE * 2) / 3), height: MAX_PNG_SIDE });
  });

  it('accepts absolute URLs with a token inside, backgrounds and candidate links; always PNG', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    const inner = `http://127.0.0.1:32400/library/metadata/${movie.ratingKey}/art/${movie.updatedAt}?X-Plex-Token=${emulator.token}`;
    const art = await image(transcodePath({ url: inner, width: 480, height: 270, format: 'jpeg' }));
    expect(art.size).toEqual({ width: 480, height: 270 });
    const candidate = movie.artwork.poster?.candidates[1];
    const file = `/library/metadata/${movie.ratingKey}/file?url=${encodeURIComponent(candidate?.key ?? '')}`;
    const picked = await image(transcodePath({ url: file, width: 60, height: 90, format: 'png' }));
    expect(picked.size).toEqual({ width: 60, height: 90 });
    expect(picked.pixel).toEqual(parseHexColor(candidate?.color ?? ''));
  });

  it('answers 400 without url, width or height and 404 for images it does not have', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const url = `/library/metadata/${movie.ratingKey}/thumb/1`;
    for (const query of [
      { url, width: 100 },
      { url, height: 100 },
      { width: 100, height: 100 },
      { url, width: 0, height: 10 },
    ]) {
      const res = await call(emulator, transcodePath(query));
      expect(res.status).toBe(400);
      expect(res.text).toBe(htmlBody(400));
    }
    for (const source of [
      '/library/metadata/999999/thumb/1',
      'https://image.tmdb.org/t/p/original/abc.jpg',
      '/library/sections/1/composite/1',
    ]) {
      expect(
        (await call(emulator, transcodePath({ url: source, width: 10, height: 10 }))).status,
      ).toBe(404);
    }
  });
});

describe('transcodeSize', () => {
  it('keeps the aspect ratio, fitting or covering, and caps the longer side', () => {
    const poster = { width: 600, height: 900 };
    expect(transcodeSize(poster, { width: 300, height: 450 }, false, false)).toEqual({
      width: 300,
      height: 450,
    });
    expect(transcodeSize(poster, { width: 300, height: 300 }, false, true)).toEqual({
      width: 200,
      height: 300,
    });
    expect(transcodeSize(poster, { width: 300, height: 300 }, true, true)).toEqual({
      width: 300,
      height: 450,
    });
    expect(transcodeSize(poster, { width: 900, height: 900 }, true, false)).toEqual(poster);
    expect(transcodeSize(poster, { width: 1, height: 1 }, false, false)).toEqual({
      width: 1,
      height: 1,
    });
    expect(transcodeSize(poster, { width: 4096, height: 4096 }, true, true)).toEqual({
      width: 2731,
      height: 4096,
    });
    expect(
      transcodeSize({ width: 1280, height: 720 }, { width: 9000, height: 9000 }, false, true),
    ).toEqual({
      width: 4096,
      height: 2304,
    });
  });
});
