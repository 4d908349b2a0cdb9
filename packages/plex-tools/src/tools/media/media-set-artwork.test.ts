import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing, readBackOf } from '../../testing/refuse.js';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 2, 0, 0, 0,
]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-set-artwork-'));
  await writeFile(join(dir, 'poster.png'), PNG);
  await writeFile(join(dir, 'notes.txt'), 'not an image');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('media_set_artwork', () => {
  it('selects a listed candidate and locks the slot, as a later read shows', async () => {
    const h = toolHarness();
    const listed = await h.data('media_list_available_artwork', { media: '1000' });
    const local = listed.candidates.find((candidate) => candidate.provider === 'local')!;
    const data = await h.data('media_set_artwork', {
      media: 'Night of the Living Dead',
      art_type: 'poster',
      artwork_key: local.key,
    });
    expect(data).toEqual({
      id: '1000',
      title: 'Night of the Living Dead',
      art_type: 'poster',
      source: 'artwork_key',
      selected: { key: local.key, provider: 'local' },
      locked: true,
    });
    const after = await h.data('media_list_available_artwork', { media: '1000' });
    expect(after.candidates).toContainEqual({ key: local.key, provider: 'local', selected: true });
    const details = await h.data('media_get_details', { media: '1000' });
    expect(details.locked_fields).toContain('thumb');
  });

  it('uploads a background by URL', async () => {
    const h = toolHarness();
    const data = await h.data('media_set_artwork', {
      media: '1002',
      art_type: 'background',
      url: 'https://images.example.com/charade-backdrop.jpg',
    });
    expect(data).toMatchObject({
      source: 'url',
      selected: { key: expect.stringMatching(/^upload:\/\/art\//) },
    });
    const after = await h.data('media_list_available_artwork', {
      media: '1002',
      art_type: 'background',
    });
    expect(after.candidates.find((c) => c.selected)?.key).toBe(data.selected?.key);
  });

  it('uploads a local image file and can leave the slot unlocked', async () => {
    const h = toolHarness();
    const data = await h.data('media_set_artwork', {
      media: '1002',
      art_type: 'poster',
      file_path: join(dir, 'poster.png'),
      lock: false,
    });
    expect(data).toMatchObject({
      source: 'file',
      selected: { key: expect.stringMatching(/^upload:\/\/posters\//) },
      locked: false,
    });
    const details = await h.data('media_get_details', { media: '1002' });
    expect(details.locked_fields).not.toContain('thumb');
  });

  it('refuses files that are missing, not images or not files, all in the same words', async () => {
    const h = toolHarness();
    for (const file_path of [join(dir, 'missing.png'), join(dir, 'notes.txt'), dir]) {
      expect(
        await h.call('media_set_artwork', { media: '1002', art_type: 'poster', file_path }),
      ).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Cannot use file_path "${file_path}": it must be a readable PNG, JPEG, GIF or WebP file of at most 20 MiB.`,
        },
      });
    }
  });

  it('needs exactly one source and a known candidate key', async () => {
    const h = toolHarness();
    expect(await h.call('media_set_artwork', { media: '1002', art_type: 'poster' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('exactly one') },
    });
    expect(
      await h.call('media_set_artwork', {
        media: '1002',
        art_type: 'poster',
        url: 'https://x.example/a.jpg',
        artwork_key: 'metadata://posters/x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('media_set_artwork', {
        media: '1002',
        art_type: 'poster',
        url: 'file:///etc/passwd',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('media_set_artwork', {
        media: '1002',
        art_type: 'poster',
        artwork_key: 'metadata://posters/nope',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await h.call('media_set_artwork', { media: '1002', url: 'https://x.example/a.jpg' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('will not guess between items with the same title', async () => {
    const h = toolHarness();
    expect(
      await h.call('media_set_artwork', {
        media: 'Sherlock Holmes',
        art_type: 'poster',
        url: 'https://x.example/a.jpg',
      }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
  });
});

describe('media_set_artwork when the read-back is refused', () => {
  it('reports the change that took, with selected null and named in warnings', async () => {
    const h = harnessRefusing(readBackOf('/library/metadata/1002/arts'));
    const data = await h.data('media_set_artwork', {
      media: '1002',
      art_type: 'background',
      url: 'https://images.example.com/charade-backdrop.jpg',
    });
    expect(data).toMatchObject({ id: '1002', source: 'url', selected: null, locked: true });
    expect(data.warnings).toEqual(['selected artwork unavailable: Plex refused (403)']);
    const after = await h.data('media_list_available_artwork', {
      media: '1002',
      art_type: 'background',
    });
    const selected = after.candidates.find((c) => c.selected);
    expect(selected?.key).toMatch(/^upload:\/\/art\//);
  });

  it('fails when the upload itself is refused', async () => {
    const h = harnessRefusing((_url, request) => request.method === 'POST');
    const result = await h.call('media_set_artwork', {
      media: '1002',
      art_type: 'background',
      url: 'https://images.example.com/charade-backdrop.jpg',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
