import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('library_get_details', () => {
  it('finds a library by name, case-insensitively, with its settings', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_details', { library_name: 'tv shows' });
    expect(data).toMatchObject({
      id: '2',
      title: 'TV Shows',
      type: 'show',
      agent: 'tv.plex.agents.series',
      scanner: 'Plex TV Series',
      language: 'en-US',
      locations: ['/data/media/tv'],
    });
    expect((data.settings as unknown[]).length).toBeGreaterThan(0);
  });

  it('finds a library by id given as a number', async () => {
    const h = toolHarness();
    expect(await h.data('library_get_details', { library_id: 3 })).toMatchObject({
      title: 'Music',
    });
  });

  it('names the libraries there are when the name is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('library_get_details', { library_name: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        'No library "Anime". Libraries: "Movies" (id 1), "TV Shows" (id 2), "Music" (id 3).',
      );
  });

  it('asks for a library when none is given', async () => {
    const h = toolHarness();
    expect(await h.call('library_get_details', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Give library_name or library_id.' },
    });
  });
});
