import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_delete', () => {
  it('deletes a playlist when confirmed with its exact title', async () => {
    const h = toolHarness();
    expect(
      await h.data('playlist_delete', { playlist_id: 1073, confirm: 'Friday Night Noir' }),
    ).toEqual({ deleted: { id: '1073', title: 'Friday Night Noir', item_count: 3 } });
    const list = await h.data('playlist_list', {});
    expect(list.playlists.map((p) => p.title)).toEqual(['Piano Evenings']);
    expect(h.emulator.state.items.has('1016')).toBe(true);
  });

  it('refuses without the exact title, naming what would be lost', async () => {
    const h = toolHarness();
    for (const confirm of [undefined, 'friday night noir', 'yes']) {
      expect(
        await h.call('playlist_delete', {
          playlist_id: '1073',
          ...(confirm === undefined ? {} : { confirm }),
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'CONFIRMATION_REQUIRED',
          message:
            'This deletes the playlist "Friday Night Noir" (id 1073) and its list of 3 items (the items stay in the library). Call again with confirm: "Friday Night Noir".',
        },
      });
    }
    expect(h.emulator.state.playlists.has('1073')).toBe(true);
  });

  it('takes ids only, and reports an unknown id', async () => {
    const h = toolHarness();
    expect(
      await h.call('playlist_delete', {
        playlist: 'Friday Night Noir',
        confirm: 'Friday Night Noir',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('playlist_delete', { playlist_id: '99999', confirm: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
