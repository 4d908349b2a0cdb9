import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_create', () => {
  it('creates a collection from ids and titles, which then lists its items', async () => {
    const h = toolHarness();
    const data = await h.data('collection_create', {
      title: 'Hitchcock-ish',
      library: 'Movies',
      items: ['1016', 'charade'],
      summary: 'Suspense',
    });
    expect(data.collection).toMatchObject({
      title: 'Hitchcock-ish',
      library: 'Movies',
      smart: false,
      item_count: 2,
    });
    const id = data.collection.id;
    const contents = await h.data('collection_get_contents', { collection: id });
    expect(contents.items.map((i) => i.title).sort()).toEqual(['Charade', 'Scarlet Street']);
    expect(h.emulator.state.items.get(id)?.summary).toBe('Suspense');
  });

  it('refuses ambiguous titles, unknown items, other libraries and mixed types', async () => {
    const h = toolHarness();
    const before = (await h.data('collection_list', {})).total;
    expect(
      await h.call('collection_create', {
        title: 'Holmes',
        library: 'Movies',
        items: ['Sherlock Holmes'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(
      await h.call('collection_create', {
        title: 'X',
        library: 'Movies',
        items: ['Bonanza'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { not_found: ['Bonanza'] } },
    });
    expect(
      await h.call('collection_create', { title: 'X', library: 'Movies', items: ['1027'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('collection_create', {
        title: 'X',
        library: 'TV Shows',
        items: ['1027', '1021'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('collection_create', { title: 'X', library: 'Anime', items: ['1016'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('collection_create', { title: 'X', items: ['1016'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect((await h.data('collection_list', {})).total).toBe(before);
  });

  it('refuses a title its library already uses, creating nothing, unless allow_duplicate', async () => {
    const h = toolHarness();
    const before = (await h.data('collection_list', {})).total as number;
    const refused = await h.call('collection_create', {
      title: 'film noir',
      library: 'Movies',
      items: ['1016'],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFIRMATION_REQUIRED',
        message:
          'A collection titled "film noir" already exists in Movies (id 1018, 3 items). Give another title, or call again with allow_duplicate: true to create a second one.',
        details: { existing: [{ id: '1018', title: 'Film Noir', item_count: 3 }] },
      },
    });
    expect((await h.data('collection_list', {})).total).toBe(before);

    const allowed = await h.data('collection_create', {
      title: 'Film Noir',
      library: 'Movies',
      items: ['1016'],
      allow_duplicate: true,
    });
    expect(allowed.collection).toMatchObject({ title: 'Film Noir', library: 'Movies' });
    expect((await h.data('collection_list', {})).total).toBe(before + 1);
  });

  it('creates normally under a different title, or the same title in another library', async () => {
    const h = toolHarness();
    const before = (await h.data('collection_list', {})).total as number;
    expect(
      (
        await h.data('collection_create', {
          title: 'Noir',
          library: 'Movies',
          items: ['1016'],
        })
      ).collection,
    ).toMatchObject({ title: 'Noir' });
    // Collections are per library: "Film Noir" in Movies is no clash in TV Shows.
    expect(
      (
        await h.data('collection_create', {
          title: 'Film Noir',
          library: 'TV Shows',
          items: ['1027'],
        })
      ).collection,
    ).toMatchObject({ title: 'Film Noir', library: 'TV Shows' });
    expect((await h.data('collection_list', {})).total).toBe(before + 2);
  });
});
