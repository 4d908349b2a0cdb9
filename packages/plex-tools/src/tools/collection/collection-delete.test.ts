import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_delete', () => {
  it('deletes a collection when confirmed with its exact title; its items stay', async () => {
    const h = toolHarness();
    expect(
      await h.data('collection_delete', { collection_id: 1018, confirm: 'Film Noir' }),
    ).toEqual({ deleted: { id: '1018', title: 'Film Noir', library: 'Movies', item_count: 3 } });
    const list = await h.data('collection_list', {});
    expect(list.collections.map((c) => c.title)).toEqual(['Silent Era']);
    expect(h.emulator.state.items.has('1007')).toBe(true);
  });

  it('refuses without the exact title, naming what would be lost', async () => {
    const h = toolHarness();
    for (const confirm of [undefined, 'film noir', 'yes']) {
      expect(
        await h.call('collection_delete', {
          collection_id: '1018',
          ...(confirm === undefined ? {} : { confirm }),
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'CONFIRMATION_REQUIRED',
          message:
            'This deletes the collection "Film Noir" (id 1018) from Movies, with its grouping of 3 items, summary and artwork (the items stay in the library). Call again with confirm: "Film Noir".',
        },
      });
    }
    expect((await h.data('collection_list', {})).total).toBe(2);
  });

  it('takes ids of collections only', async () => {
    const h = toolHarness();
    expect(
      await h.call('collection_delete', { collection: 'Film Noir', confirm: 'Film Noir' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('collection_delete', { collection_id: '1007', confirm: 'Detour' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.emulator.state.items.has('1007')).toBe(true);
  });
});
