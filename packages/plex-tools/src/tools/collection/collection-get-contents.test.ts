import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_get_contents', () => {
  it('lists the members of a collection found by title', async () => {
    const h = toolHarness();
    expect(await h.data('collection_get_contents', { collection: 'film noir' })).toEqual({
      collection: { id: '1018', title: 'Film Noir', library: 'Movies' },
      items: [
        { id: '1007', title: 'Detour', type: 'movie', year: 1945 },
        { id: '1016', title: 'Scarlet Street', type: 'movie', year: 1945 },
        { id: '1008', title: 'D.O.A.', type: 'movie', year: 1949 },
      ],
      total: 3,
      offset: 0,
      limit: 50,
      has_more: false,
    });
  });

  it('pages a collection given by id', async () => {
    const h = toolHarness();
    const data = await h.data('collection_get_contents', { collection: '1017', limit: 3 });
    expect(data).toMatchObject({
      collection: { id: '1017', title: 'Silent Era', library: 'Movies' },
      total: 8,
      has_more: true,
    });
    expect(data.items.length).toBe(3);
  });

  it('names the collections there are when the title is unknown', async () => {
    const h = toolHarness();
    expect(await h.call('collection_get_contents', { collection: 'Westerns' })).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'No collection with id or title "Westerns"; find them with collection_list. Collections: "Film Noir" (id 1018), "Silent Era" (id 1017).',
      },
    });
    expect(
      await h.call('collection_get_contents', {
        collection: 'Film Noir',
        library: 'TV Shows',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses an id that is not a collection', async () => {
    const h = toolHarness();
    expect(await h.call('collection_get_contents', { collection: '1016' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('lists candidates when collections in two libraries share a title', async () => {
    const h = toolHarness();
    const tv = await h.plex.collections.create({
      sectionId: 2,
      title: 'Film Noir',
      type: 'show',
      ratingKeys: ['1039'],
    });
    const result = await h.call('collection_get_contents', { collection: 'Film Noir' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        details: {
          candidates: [
            { id: '1018', library: 'Movies' },
            { id: tv.ratingKey, library: 'TV Shows' },
          ],
        },
      },
    });
    expect(
      await h.data('collection_get_contents', {
        collection: 'Film Noir',
        library: 'TV Shows',
      }),
    ).toMatchObject({ collection: { id: tv.ratingKey }, total: 1 });
  });

  it('asks for a collection when none is given', async () => {
    const h = toolHarness();
    expect(await h.call('collection_get_contents', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'collection', problem: 'required' }] },
      },
    });
  });
});
