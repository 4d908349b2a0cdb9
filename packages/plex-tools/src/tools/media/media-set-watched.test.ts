import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing, readBackOf } from '../../testing/refuse.js';

describe('media_set_watched', () => {
  it('marks an unwatched movie watched, as a later read shows', async () => {
    const h = toolHarness();
    const before = await h.data('media_get_details', { media: '1002' });
    expect(before.watched).toMatchObject({ watched: false });
    const data = await h.data('media_set_watched', { media: 'Charade', watched: true });
    expect(data).toMatchObject({ id: '1002', title: 'Charade', type: 'movie', watched: true });
    expect(data.view_count).toBeGreaterThan(0);
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after.watched).toMatchObject({ watched: true, last_viewed_at: expect.any(String) });
  });

  it('marks a watched movie unwatched, and repeating it changes nothing', async () => {
    const h = toolHarness();
    const data = await h.data('media_set_watched', { media: '1000', watched: false });
    expect(data).toMatchObject({ id: '1000', watched: false, view_count: 0 });
    expect(await h.data('media_set_watched', { media: '1000', watched: false })).toEqual(data);
    const after = await h.data('media_get_details', { media: '1000' });
    expect(after.watched).toMatchObject({ watched: false, view_count: 0 });
  });

  it('marks every episode of a show', async () => {
    const h = toolHarness();
    const data = await h.data('media_set_watched', {
      media: 'The Beverly Hillbillies',
      watched: true,
    });
    expect(data).toMatchObject({ watched: true, leaf_count: 6, viewed_leaf_count: 6 });
    const seasons = await h.data('media_get_children', { media: data.id as string });
    const season = seasons.items[0]!;
    const episodes = await h.data('media_get_children', { media: season.id });
    for (const episode of episodes.items) expect(episode.watched).toBe(true);
    const unwatched = await h.data('media_set_watched', { media: data.id, watched: false });
    expect(unwatched).toMatchObject({ watched: false, viewed_leaf_count: 0 });
  });

  it('needs the watched flag, and one item', async () => {
    const h = toolHarness();
    expect(await h.call('media_set_watched', { media: '1002' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('watched') },
    });
    expect(
      await h.call('media_set_watched', { media: 'Sherlock Holmes', watched: true }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(await h.call('media_set_watched', { media: '987654', watched: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('media_set_watched when the read-back is refused', () => {
  it('reports the mark that took, with the counts null and named in warnings', async () => {
    const h = harnessRefusing(readBackOf('/library/metadata/1002'));
    const data = await h.data('media_set_watched', { media: '1002', watched: true });
    expect(data).toMatchObject({ id: '1002', title: 'Charade', watched: true, view_count: null });
    expect(data.warnings).toEqual(['view counts unavailable: Plex refused (403)']);
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after.watched).toMatchObject({ watched: true });
  });

  it('fails, marking nothing, when the mark itself is refused', async () => {
    const h = harnessRefusing((url) => url.pathname === '/:/scrobble');
    const result = await h.call('media_set_watched', { media: '1002', watched: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after.watched).toMatchObject({ watched: false });
  });
});
