import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';

describe('library_get_details', () => {
  it('finds a library by name, case-insensitively, with its settings', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_details', { library: 'tv shows' });
    expect(data).toMatchObject({
      id: '2',
      title: 'TV Shows',
      type: 'show',
      agent: 'tv.plex.agents.series',
      scanner: 'Plex TV Series',
      language: 'en-US',
      locations: ['/data/media/tv'],
    });
    expect(data.settings?.length).toBeGreaterThan(0);
  });

  it('finds a library by id given as a number', async () => {
    const h = toolHarness();
    expect(await h.data('library_get_details', { library: '3' })).toMatchObject({
      title: 'Music',
    });
  });

  it('names the libraries there are when the name is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('library_get_details', { library: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        'No library with id or name "Anime"; find them with library_list. Libraries: "Movies" (id 1), "TV Shows" (id 2), "Music" (id 3).',
      );
  });

  it('asks for a library when none is given', async () => {
    const h = toolHarness();
    expect(await h.call('library_get_details', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'library', problem: 'required' }] },
      },
    });
  });
});

describe('library_get_details when the section preferences are refused', () => {
  it('answers the rest, with settings null and named in warnings', async () => {
    const h = harnessRefusing(['/library/sections/2/prefs']);
    const data = await h.data('library_get_details', { library: 'TV Shows' });
    expect(data).toMatchObject({ id: '2', title: 'TV Shows', locations: ['/data/media/tv'] });
    expect(data.settings).toBeNull();
    expect(data.warnings).toEqual(['library settings unavailable: Plex refused (403)']);
  });

  it('carries no warnings when the preferences answered', async () => {
    const data = await toolHarness().data('library_get_details', { library: 'TV Shows' });
    expect(data).not.toHaveProperty('warnings');
  });

  it('still fails when the library list itself is refused', async () => {
    const h = harnessRefusing(['/library/sections']);
    expect(await h.call('library_get_details', { library: 'TV Shows' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
