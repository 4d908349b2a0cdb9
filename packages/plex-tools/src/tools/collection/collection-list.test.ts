import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_list', () => {
  it('lists the collections of every library', async () => {
    const h = toolHarness();
    expect(await h.data('collection_list', {})).toEqual({
      collections: [
        { id: '1018', title: 'Film Noir', library: 'Movies', smart: false, item_count: 3 },
        { id: '1017', title: 'Silent Era', library: 'Movies', smart: false, item_count: 8 },
      ],
      total: 2,
      offset: 0,
      limit: 50,
      has_more: false,
    });
  });

  it('pages, across libraries and within one', async () => {
    const h = toolHarness();
    await h.plex.collections.create({
      sectionId: 2,
      title: 'Westerns',
      type: 'show',
      ratingKeys: ['1027'],
    });
    const second = await h.data('collection_list', { offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, offset: 1, limit: 1, has_more: true });
    expect(second.collections.map((c) => c.title)).toEqual(['Silent Era']);
    const third = await h.data('collection_list', { offset: 2, limit: 5 });
    expect(third.collections).toEqual([
      expect.objectContaining({ title: 'Westerns', library: 'TV Shows', item_count: 1 }),
    ]);
    expect(third.has_more).toBe(false);
    const tv = await h.data('collection_list', { library: 'tv shows' });
    expect(tv).toMatchObject({ total: 1, collections: [{ title: 'Westerns' }] });
  });

  it('reports an unknown library, and an empty one', async () => {
    const h = toolHarness();
    expect(await h.call('collection_list', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.data('collection_list', { library: 'Music' })).toMatchObject({
      collections: [],
      total: 0,
      has_more: false,
    });
  });
});
