import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_create', () => {
  it('creates a collection from ids and titles, which then lists its items', async () => {
    const h = toolHarness();
    const data = await h.data('collection_create', {
      title: 'Hitchcock-ish',
      library_name: 'Movies',
      item_ids: ['1016'],
      item_titles: ['charade'],
      summary: 'Suspense',
    });
    expect(data.collection).toMatchObject({
      title: 'Hitchcock-ish',
      library: 'Movies',
      smart: false,
      item_count: 2,
    });
    const id = (data.collection as { id: string }).id;
    const contents = await h.data('collection_get_contents', { collection_id: id });
    expect((contents.items as { title: string }[]).map((i) => i.title).sort()).toEqual([
      'Charade',
      'Scarlet Street',
    ]);
    expect(h.emulator.state.items.get(id)?.summary).toBe('Suspense');
  });

  it('refuses ambiguous titles, unknown items, other libraries and mixed types', async () => {
    const h = toolHarness();
    const before = (await h.data('collection_list', {})).total;
    expect(
      await h.call('collection_create', {
        title: 'Holmes',
        library_name: 'Movies',
        item_titles: ['Sherlock Holmes'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(
      await h.call('collection_create', {
        title: 'X',
        library_name: 'Movies',
        item_titles: ['Bonanza'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { not_found: ['Bonanza'] } },
    });
    expect(
      await h.call('collection_create', { title: 'X', library_name: 'Movies', item_ids: ['1027'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('collection_create', {
        title: 'X',
        library_name: 'TV Shows',
        item_ids: ['1027', '1021'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('collection_create', { title: 'X', library_name: 'Anime', item_ids: ['1016'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('collection_create', { title: 'X', item_ids: ['1016'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect((await h.data('collection_list', {})).total).toBe(before);
  });
});
