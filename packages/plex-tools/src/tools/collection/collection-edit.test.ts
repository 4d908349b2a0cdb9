import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('collection_edit', () => {
  it('edits metadata, labels and display settings; a read shows them', async () => {
    const h = toolHarness();
    const data = await h.data('collection_edit', {
      collection: 'Film Noir',
      new_title: 'Noir Classics',
      new_sort_title: 'Noir',
      new_summary: 'Shadows.',
      new_content_rating: 'PG',
      add_labels: ['Crime', 'B&W'],
      collection_mode: 'hideItems',
      collection_order: 'alpha',
    });
    expect(data).toEqual({
      collection: { id: '1018', title: 'Noir Classics' },
      changes: {
        title: 'Noir Classics',
        sort_title: 'Noir',
        summary: 'Shadows.',
        content_rating: 'PG',
        labels_added: ['Crime', 'B&W'],
        collection_mode: 'hideItems',
        collection_order: 'alpha',
      },
    });
    const after = await h.plex.collections.get('1018');
    expect(after).toMatchObject({
      title: 'Noir Classics',
      titleSort: 'Noir',
      summary: 'Shadows.',
      contentRating: 'PG',
      collectionMode: 1,
      collectionSort: 1,
    });
    expect(after.Label.map((l) => l.tag).sort()).toEqual(['B&W', 'Crime']);
    expect(
      (await h.data('collection_get_contents', { collection: 'Noir Classics' })).items,
    ).toEqual([
      expect.objectContaining({ title: 'D.O.A.' }),
      expect.objectContaining({ title: 'Detour' }),
      expect.objectContaining({ title: 'Scarlet Street' }),
    ]);

    await h.data('collection_edit', { collection: '1018', remove_labels: ['Crime'] });
    expect((await h.plex.collections.get('1018')).Label.map((l) => l.tag)).toEqual(['B&W']);
  });

  it('sets artwork from URLs', async () => {
    const h = toolHarness();
    const before = await h.plex.collections.get('1017');
    const data = await h.data('collection_edit', {
      collection: '1017',
      poster_url: 'https://images.example.com/silent.jpg',
      background_url: 'https://images.example.com/silent-bg.jpg',
    });
    expect(data.changes).toEqual({
      poster_url: 'https://images.example.com/silent.jpg',
      background_url: 'https://images.example.com/silent-bg.jpg',
    });
    const after = await h.plex.collections.get('1017');
    expect(after.thumb).not.toBe(before.thumb);
    expect(after.art).not.toBe(before.art);
  });

  it('refuses empty edits, bad values and unknown collections', async () => {
    const h = toolHarness();
    expect(await h.call('collection_edit', { collection: '1018' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    for (const bad of [
      { new_title: ' ' },
      { poster_url: 'file:///etc/passwd' },
      { collection_mode: 'sometimes' },
    ]) {
      expect(await h.call('collection_edit', { collection: '1018', ...bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await h.call('collection_edit', { collection: 'Nope', new_title: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await h.plex.collections.get('1018')).title).toBe('Film Noir');
  });

  it("refuses another collection's title in its library, which Plex would not take", async () => {
    const h = toolHarness();
    const refused = await h.call('collection_edit', {
      collection: '1017',
      new_title: ' film noir',
      new_summary: 'Not applied either',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'A collection titled "film noir" already exists in Movies (id 1018, 3 items), and Plex refuses to rename another one to it. Give another title.',
        details: { existing: [{ id: '1018', title: 'Film Noir', item_count: 3 }] },
      },
    });
    const silent = await h.plex.collections.get('1017');
    expect(silent.title).toBe('Silent Era');
    expect(silent.summary).not.toBe('Not applied either');

    await h.data('collection_edit', { collection: 'Film Noir', new_title: 'FILM NOIR' });
    expect((await h.plex.collections.get('1018')).title).toBe('FILM NOIR');
  });
});
