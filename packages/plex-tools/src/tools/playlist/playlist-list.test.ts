import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_list', () => {
  it("lists the owner's playlists with type, count and duration", async () => {
    const h = toolHarness();
    expect(await h.data('playlist_list', {})).toEqual({
      playlists: [
        {
          id: '1073',
          title: 'Friday Night Noir',
          playlist_type: 'video',
          smart: false,
          item_count: 3,
          duration_ms: 15240000,
        },
        {
          id: '1074',
          title: 'Piano Evenings',
          playlist_type: 'audio',
          smart: false,
          item_count: 4,
          duration_ms: 799000,
        },
      ],
      total: 2,
      offset: 0,
      limit: 50,
      has_more: false,
    });
  });

  it('filters by type and by library, and pages', async () => {
    const h = toolHarness();
    const audio = await h.data('playlist_list', { playlist_type: 'audio' });
    expect(audio.playlists.map((p) => p.title)).toEqual(['Piano Evenings']);
    const movies = await h.data('playlist_list', { library: 'movies' });
    expect(movies.playlists.map((p) => p.title)).toEqual(['Friday Night Noir']);
    expect(await h.data('playlist_list', { limit: 1 })).toMatchObject({
      total: 2,
      limit: 1,
      has_more: true,
    });
  });

  it('rejects an unknown library and a bad type', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_list', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('playlist_list', { playlist_type: 'book' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
