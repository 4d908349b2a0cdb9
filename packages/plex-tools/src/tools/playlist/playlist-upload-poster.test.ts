import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('playlist_upload_poster', () => {
  it('sets a poster from a URL; the playlist then has a custom thumb', async () => {
    const h = toolHarness();
    expect((await h.plex.playlists.get('1073')).thumb).toBeUndefined();
    expect(
      await h.data('playlist_upload_poster', {
        playlist: 'Friday Night Noir',
        url: 'https://images.example.com/noir.jpg',
      }),
    ).toEqual({
      playlist: { id: '1073', title: 'Friday Night Noir' },
      updated: true,
      source: 'url',
    });
    expect((await h.plex.playlists.get('1073')).thumb).toMatch(/^\/library\/metadata\/1073\/thumb/);
  });

  it('uploads a local image file', async () => {
    const h = toolHarness();
    const dir = await mkdtemp(join(tmpdir(), 'plexmcp-poster-'));
    const file = join(dir, 'piano.png');
    await writeFile(file, PNG);
    expect(
      await h.data('playlist_upload_poster', { playlist: '1074', file_path: file }),
    ).toMatchObject({ updated: true, source: 'file' });
    expect((await h.plex.playlists.get('1074')).thumb).toBeDefined();
  });

  it('refuses missing files, non-images, bad URLs and both or neither source', async () => {
    const h = toolHarness();
    const dir = await mkdtemp(join(tmpdir(), 'plexmcp-poster-'));
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const cases: [Record<string, unknown>, string][] = [
      [{ file_path: join(dir, 'missing.png') }, 'INVALID_INPUT'],
      [{ file_path: join(dir, 'notes.txt') }, 'INVALID_INPUT'],
      [{ url: 'ftp://example.com/a.jpg' }, 'INVALID_INPUT'],
      [{}, 'INVALID_INPUT'],
      [{ url: 'https://example.com/a.jpg', file_path: join(dir, 'notes.txt') }, 'INVALID_INPUT'],
    ];
    for (const [args, code] of cases) {
      expect(await h.call('playlist_upload_poster', { playlist: '1073', ...args })).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(
      await h.call('playlist_upload_poster', {
        playlist: 'Nope',
        url: 'https://example.com/a.jpg',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.plex.playlists.get('1073')).thumb).toBeUndefined();
  });
});
