import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_search', () => {
  it('lists matches best first as compact lines', async () => {
    const h = toolHarness();
    const data = await h.data('media_search', { query: 'Sherlock' });
    expect(data.results).toEqual([
      { id: '1014', title: 'Sherlock Holmes', type: 'movie', year: 1916, library: 'Movies' },
      { id: '1015', title: 'Sherlock Holmes', type: 'movie', year: 1922, library: 'Movies' },
      { id: '1006', title: 'Sherlock Jr.', type: 'movie', year: 1924, library: 'Movies' },
    ]);
    expect(data.has_more).toBe(false);
  });

  it('cuts the list at limit and says there is more', async () => {
    const h = toolHarness();
    const data = await h.data('media_search', { query: 'Sherlock', limit: 2 });
    expect(data.results.map((r) => r.id)).toEqual(['1014', '1015']);
    expect(data.has_more).toBe(true);
  });

  it('narrows by content type and names an episode with its show', async () => {
    const h = toolHarness();
    const data = await h.data('media_search', { query: 'The Mission', content_type: 'episode' });
    const results = data.results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.type).toBe('episode');
    expect(results).toContainEqual(
      expect.objectContaining({ title: 'The Mission', parent: 'Bonanza', library: 'TV Shows' }),
    );
  });

  it('finds people with how many items they are in', async () => {
    const h = toolHarness();
    const data = await h.data('media_search', { query: 'Romero', content_type: 'person' });
    expect(data.results).toContainEqual(
      expect.objectContaining({ title: 'George A. Romero', type: 'person', library: 'Movies' }),
    );
    for (const result of data.results) expect(result.type).toBe('person');
  });

  it('searches one library only', async () => {
    const h = toolHarness();
    expect(await h.data('media_search', { query: 'Bonanza', library: 'Movies' })).toEqual({
      results: [],
      has_more: false,
      hint: 'Nothing matches "Bonanza". Try a shorter query, another spelling, or drop library.',
    });
    const tv = await h.data('media_search', { query: 'Bonanza', library: 'tv shows' });
    expect(tv.results).toContainEqual(
      expect.objectContaining({ title: 'Bonanza', type: 'show', library: 'TV Shows' }),
    );
  });

  it('says when nothing matches and what to try, only then', async () => {
    const h = toolHarness();
    expect(await h.data('media_search', { query: 'xyzzy' })).toEqual({
      results: [],
      has_more: false,
      hint: 'Nothing matches "xyzzy". Try a shorter query or another spelling.',
    });
    expect(
      await h.data('media_search', {
        query: 'Sherlock',
        library: 'TV Shows',
        content_type: 'movie',
      }),
    ).toEqual({
      results: [],
      has_more: false,
      hint: 'Nothing matches "Sherlock". Try a shorter query, another spelling, or drop library/content_type.',
    });
    expect(await h.data('media_search', { query: 'Sherlock' })).not.toHaveProperty('hint');
  });

  it('names the libraries when the library is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('media_search', { query: 'x', library: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects an empty query and an unknown type', async () => {
    const h = toolHarness();
    expect(await h.call('media_search', { query: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('media_search', { query: 'x', content_type: 'podcast' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
