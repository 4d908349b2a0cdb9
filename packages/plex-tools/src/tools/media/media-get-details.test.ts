import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_get_details', () => {
  it('projects a movie: people, ratings, versions with files, external ids, watched state', async () => {
    const h = toolHarness();
    const data = await h.data('media_get_details', { media: '1000' });
    expect(data).toMatchObject({
      id: '1000',
      title: 'Night of the Living Dead',
      type: 'movie',
      year: 1968,
      library: 'Movies',
      library_id: '1',
      studio: 'Image Ten',
      content_rating: 'Not Rated',
      originally_available_at: '1968-10-01',
      duration_ms: 5_760_000,
      genres: ['Horror', 'Thriller'],
      directors: ['George A. Romero'],
      writers: ['John A. Russo', 'George A. Romero'],
      labels: ['Halloween', '4K Restoration'],
      ratings: { critic: 9.6, audience: 8.7, user: 10 },
      guids: { imdb: 'tt0063350', tmdb: '10331', plex: 'plex://movie/000000000000000000001000' },
      watched: { watched: true, view_count: 2, last_viewed_at: '2025-11-11T23:00:00.000Z' },
    });
    expect(data.summary).toMatch(/^Strangers take shelter/);
    expect(data.cast[0]).toEqual({ name: 'Duane Jones', role: 'Ben' });
    expect(data.cast_total).toBe(6);
    expect(data.media).toEqual([
      {
        id: '1',
        resolution: '4k',
        width: 2960,
        height: 2160,
        video_codec: 'hevc',
        audio_codec: 'flac',
        audio_channels: 1,
        container: 'mkv',
        bitrate_kbps: 14880,
        duration_ms: 5_760_000,
        size_bytes: 10_713_600_000,
        files: [
          {
            path: '/data/media/movies/Night of the Living Dead (1968)/Night of the Living Dead (1968) - 2160p.mkv',
            size_bytes: 10_713_600_000,
          },
        ],
      },
      expect.objectContaining({ id: '2', resolution: '1080', video_codec: 'h264' }),
    ]);
    expect(data.children).toBeUndefined();
  });

  it('gives a show its children counts, not its children', async () => {
    const h = toolHarness();
    const data = await h.data('media_get_details', { media: 'the beverly hillbillies' });
    expect(data).toMatchObject({
      id: '1019',
      type: 'show',
      library: 'TV Shows',
      guids: { imdb: 'tt0055662' },
      children: { child_count: 1, leaf_count: 6, viewed_leaf_count: 3 },
      watched: { watched: false, view_count: 0 },
      media: [],
    });
  });

  it('names an episode with its season and show', async () => {
    const h = toolHarness();
    const episode = [...h.emulator.state.items.values()].find(
      (item) => item.type === 'episode' && item.title === 'The Mission',
    );
    const data = await h.data('media_get_details', { media: episode?.ratingKey ?? '' });
    expect(data).toMatchObject({
      type: 'episode',
      grandparent: { title: 'Bonanza' },
      parent: { title: expect.stringMatching(/^Season/) },
      parent_index: expect.any(Number),
      index: expect.any(Number),
    });
  });

  it('names a track with its album and artist, and its audio file', async () => {
    const h = toolHarness();
    const track = [...h.emulator.state.items.values()].find((item) => item.type === 'track');
    const data = await h.data('media_get_details', { media: track?.ratingKey ?? '' });
    expect(data).toMatchObject({
      type: 'track',
      library: 'Music',
      parent: { title: expect.any(String) },
      grandparent: { title: expect.any(String) },
    });
    const [version] = data.media ?? [];
    expect(version?.audio_codec).toBeDefined();
    expect(version?.files[0]?.path).toMatch(/^\/data\/media\/music\//);
  });

  it('lists the candidates when a title is ambiguous, and takes a year to settle it', async () => {
    const h = toolHarness();
    const result = await h.call('media_get_details', { media: 'Sherlock Holmes' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        details: {
          candidates: [
            { id: '1014', title: 'Sherlock Holmes', year: 1916 },
            { id: '1015', title: 'Sherlock Holmes', year: 1922 },
          ],
        },
      },
    });
    const data = await h.data('media_get_details', { media: 'Sherlock Holmes', year: 1922 });
    expect(data.id).toBe('1015');
  });

  it('reports unknown ids and titles as NOT_FOUND', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_details', { media: '999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('media_get_details', { media: 'Casablanca' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('asks for an id or a title', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_details', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('media: required') },
    });
    expect(await h.call('media_get_details', { media: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('media_get_details', { media: '0' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('media_search') },
    });
  });

  it('takes "Title (Year)" to pick one of several items with that title', async () => {
    const h = toolHarness();
    expect(await h.data('media_get_details', { media: 'Sherlock Holmes (1922)' })).toMatchObject({
      id: '1015',
      title: 'Sherlock Holmes',
      year: 1922,
    });
    expect(await h.data('media_get_details', { media: 'sherlock holmes(1916)' })).toMatchObject({
      id: '1014',
    });
    const wrongYear = await h.call('media_get_details', { media: 'Sherlock Holmes (1950)' });
    expect(wrongYear).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('finds a title that itself ends in a year as written, before reading it as one', async () => {
    const h = toolHarness();
    const item = h.emulator.state.items.get('1000');
    if (!item) throw new Error('no item 1000');
    item.title = 'Metropolis (1927)';
    expect(await h.data('media_get_details', { media: 'Metropolis (1927)' })).toMatchObject({
      id: '1000',
      title: 'Metropolis (1927)',
    });
  });

  it('answers a title several items carry with candidates a model can pick an id from', async () => {
    const h = toolHarness();
    const result = await h.call('media_get_details', { media: 'Sherlock Holmes' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        details: {
          candidates: [
            { id: '1014', title: 'Sherlock Holmes', year: 1916, type: 'movie', library: 'Movies' },
            { id: '1015', title: 'Sherlock Holmes', year: 1922, type: 'movie', library: 'Movies' },
          ],
        },
      },
    });
  });

  it('tries a number-like value as an id first, then as a title', async () => {
    const h = toolHarness();
    expect(await h.data('media_get_details', { media: '1014' })).toMatchObject({ id: '1014' });
    const item = h.emulator.state.items.get('1002');
    if (!item) throw new Error('no item 1002');
    item.title = '1917';
    expect(await h.data('media_get_details', { media: '1917' })).toMatchObject({
      id: '1002',
      title: '1917',
    });
  });

  it('still honours the narrowing older callers send beside a title (unlisted)', async () => {
    const h = toolHarness();
    expect(
      await h.data('media_get_details', { media_title: 'Sherlock Holmes', year: 1916 } as never),
    ).toMatchObject({ id: '1014' });
    const otherLibrary = await h.call('media_get_details', {
      media: 'Sherlock Holmes',
      library: 'TV Shows',
    });
    expect(otherLibrary).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await h.call('media_get_details', { media: 'Sherlock Holmes', media_type: 'show' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
