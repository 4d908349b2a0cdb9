import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

type Row = { id: string; title: string; type: string; added_at?: string; library?: string };

function newestFirst(rows: Row[]) {
  const times = rows.map((row) => Date.parse(row.added_at ?? ''));
  expect(times.every((t) => !Number.isNaN(t))).toBe(true);
  expect(times).toEqual([...times].sort((a, b) => b - a));
}

describe('library_get_recently_added', () => {
  it("lists one library's newest movies first", async () => {
    const h = toolHarness();
    const movies = [...h.emulator.state.items.values()]
      .filter((item) => item.sectionId === 1 && item.type === 'movie')
      .sort((a, b) => b.addedAt - a.addedAt);
    const data = await h.data('library_get_recently_added', { library: 'Movies', limit: 3 });
    expect(data).toMatchObject({ total: 17, offset: 0, limit: 3, has_more: true });
    const items = data.items as Row[];
    expect(items.map((i) => i.id)).toEqual(movies.slice(0, 3).map((m) => m.ratingKey));
    expect(items[0]).toMatchObject({ type: 'movie', library: 'Movies' });
    newestFirst(items);
  });

  it('merges every library when none is named, and filters by type', async () => {
    const h = toolHarness();
    const all = await h.data('library_get_recently_added', { limit: 100 });
    const items = all.items as Row[];
    newestFirst(items);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['movie', 'episode', 'album']));
    expect(new Set(items.map((i) => i.library))).toEqual(new Set(['Movies', 'TV Shows', 'Music']));

    const episodes = await h.data('library_get_recently_added', {
      media_type: 'episode',
      limit: 5,
    });
    for (const item of episodes.items as Row[])
      expect(item).toMatchObject({ type: 'episode', library: 'TV Shows' });
  });

  it('pages with offset', async () => {
    const h = toolHarness();
    const first = await h.data('library_get_recently_added', { library: '1', limit: 10 });
    const rest = await h.data('library_get_recently_added', { library: '1', offset: 10 });
    expect(rest).toMatchObject({ total: 17, offset: 10, has_more: false });
    const ids = [...(first.items as Row[]), ...(rest.items as Row[])].map((i) => i.id);
    expect(new Set(ids).size).toBe(17);
  });

  it('refuses a type the library does not hold, and unknown libraries', async () => {
    const h = toolHarness();
    expect(
      await h.call('library_get_recently_added', { library: 'Music', media_type: 'movie' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('library_get_recently_added', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('library_get_recently_added', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
