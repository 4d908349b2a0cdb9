import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_remove_from', () => {
  it('removes an item by id and an entry by entry id, reporting the rest', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_remove_from', {
      playlist: 'Piano Evenings',
      items: ['1048', '1002'],
      playlist_item_ids: [7, '999'],
    });
    expect(data).toEqual({
      playlist: { id: '1074', title: 'Piano Evenings' },
      removed: [
        expect.objectContaining({ id: '1048', title: 'Maple Leaf Rag', playlist_item_id: '5' }),
        expect.objectContaining({ id: '1061', playlist_item_id: '7' }),
      ],
      not_found: ['1002', '999'],
      remaining: 2,
    });
    const contents = await h.data('playlist_get_contents', { playlist: '1074' });
    expect(contents.items.map((i) => i.title)).toEqual(['Gymnopédie No. 1', 'Aria']);
  });

  it('removes every entry of an item that is in the playlist twice', async () => {
    const h = toolHarness();
    await h.data('playlist_add_to', { playlist: '1074', items: ['1055'] });
    const data = await h.data('playlist_remove_from', { playlist: '1074', items: ['1055'] });
    expect(data).toMatchObject({ not_found: [], remaining: 3 });
    expect(data.removed.length).toBe(2);
  });

  it('needs something to remove and a known playlist', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_remove_from', { playlist: '1074' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await h.call('playlist_remove_from', { playlist: 'Nope', items: ['1048'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.emulator.state.playlists.get('1074')?.entries).toHaveLength(4);
  });
});
