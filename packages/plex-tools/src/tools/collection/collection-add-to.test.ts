import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_add_to', () => {
  it('adds new members, and reports those present or not found', async () => {
    const h = toolHarness();
    const data = await h.data('collection_add_to', {
      collection: 'Film Noir',
      items: ['1007', 'Charade', 'The Big Sleep'],
    });
    expect(data).toEqual({
      collection: { id: '1018', title: 'Film Noir' },
      added: [expect.objectContaining({ title: 'Charade', type: 'movie' })],
      already_present: [{ id: '1007', title: 'Detour', type: 'movie', year: 1945 }],
      not_found: ['The Big Sleep'],
      total: 4,
    });
    const contents = await h.data('collection_get_contents', { collection: '1018' });
    expect(contents.items.map((i) => i.title)).toContain('Charade');
    expect(contents.total).toBe(4);
  });

  it('refuses ambiguous titles and items of another library', async () => {
    const h = toolHarness();
    expect(
      await h.call('collection_add_to', {
        collection: '1018',
        items: ['Sherlock Holmes'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(
      await h.call('collection_add_to', { collection: '1018', items: ['1027'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await h.data('collection_get_contents', { collection: '1018' })).total).toBe(3);
  });

  it('needs a known collection and some items', async () => {
    const h = toolHarness();
    expect(
      await h.call('collection_add_to', { collection: 'Nope', items: ['1016'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('collection_add_to', { collection: '1018' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
