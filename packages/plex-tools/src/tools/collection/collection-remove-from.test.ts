import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_remove_from', () => {
  it('removes members by title and id, reporting the ones not in it', async () => {
    const h = toolHarness();
    const data = await h.data('collection_remove_from', {
      collection: 'Film Noir',
      items: ['1008', 'Detour', 'Charade', 'The Big Sleep'],
    });
    expect(data).toEqual({
      collection: { id: '1018', title: 'Film Noir' },
      removed: [
        { id: '1008', title: 'D.O.A.', type: 'movie', year: 1949 },
        { id: '1007', title: 'Detour', type: 'movie', year: 1945 },
      ],
      not_found: ['The Big Sleep', 'Charade'],
      remaining: 1,
    });
    const contents = await h.data('collection_get_contents', { collection: '1018' });
    expect(contents.items).toEqual([
      { id: '1016', title: 'Scarlet Street', type: 'movie', year: 1945 },
    ]);
    expect(h.emulator.state.items.has('1007')).toBe(true);
  });

  it('refuses an ambiguous title and changes nothing', async () => {
    const h = toolHarness();
    expect(
      await h.call('collection_remove_from', {
        collection: 'Silent Era',
        items: ['Sherlock Holmes'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect((await h.data('collection_get_contents', { collection: '1017' })).total).toBe(8);
  });

  it('needs a known collection and some items', async () => {
    const h = toolHarness();
    expect(
      await h.call('collection_remove_from', { collection: '99999', items: ['1016'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('collection_remove_from', { collection: '1018' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
