import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_get_children', () => {
  it("lists a show's seasons", async () => {
    const h = toolHarness();
    const data = await h.data('media_get_children', { media: 'The Beverly Hillbillies' });
    expect(data).toMatchObject({
      parent: { id: '1019', title: 'The Beverly Hillbillies', type: 'show' },
      total: 1,
      offset: 0,
      limit: 50,
      has_more: false,
    });
    expect(data.items).toEqual([
      expect.objectContaining({ type: 'season', index: 1, leaf_count: 6, viewed_leaf_count: 3 }),
    ]);
  });

  it("pages a season's episodes in order with their watched state", async () => {
    const h = toolHarness();
    const shows = await h.data('media_get_children', { media: '1019' });
    const season = shows.items[0]!;
    const first = await h.data('media_get_children', { media: season.id, limit: 4 });
    expect(first).toMatchObject({ total: 6, offset: 0, limit: 4, has_more: true });
    const episodes = first.items;
    expect(episodes.map((e) => e.index)).toEqual([1, 2, 3, 4]);
    for (const episode of episodes) expect(episode.type).toBe('episode');
    const rest = await h.data('media_get_children', { media: season.id, limit: 4, offset: 4 });
    expect(rest).toMatchObject({ total: 6, offset: 4, has_more: false });
    expect(rest.items.map((e) => e.index)).toEqual([5, 6]);
    const watched = [...episodes, ...(rest.items as typeof episodes)].filter((e) => e.watched);
    expect(watched).toHaveLength(3);
  });

  it("lists an artist's albums", async () => {
    const h = toolHarness();
    const data = await h.data('media_get_children', {
      media: 'Scott Joplin',
      media_type: 'artist',
    });
    expect(data.items.length).toBeGreaterThan(0);
    for (const album of data.items) expect(album.type).toBe('album');
  });

  it('refuses a movie, which has no children', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_children', { media: '1002' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('"Charade" is a movie') },
    });
  });

  it('reports ambiguity, unknown items and bad paging', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_children', { media: 'Sherlock Holmes' })).toMatchObject({
      ok: false,
      error: { code: 'AMBIGUOUS' },
    });
    expect(await h.call('media_get_children', { media: '424242' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('media_get_children', { media: '1019', limit: 501 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
