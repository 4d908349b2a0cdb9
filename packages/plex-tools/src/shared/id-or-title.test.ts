import { describe, expect, it } from 'vitest';
import { toolHarness } from '../testing/harness.js';
import { looksLikeId } from './id-or-title.js';

describe('one input for "id or title"', () => {
  it('treats only decimal digits as an id to try first', () => {
    expect(looksLikeId('1073')).toBe(true);
    expect(looksLikeId('1073a')).toBe(false);
    expect(looksLikeId('Friday Night Noir')).toBe(false);
  });

  it('finds a library by id or by name in any case', async () => {
    const h = toolHarness();
    expect(await h.data('library_get_details', { library: '2' })).toMatchObject({ id: '2' });
    expect(await h.data('library_get_details', { library: 'tv shows' })).toMatchObject({
      id: '2',
      title: 'TV Shows',
    });
  });

  it('finds a playlist by id, by title, and by a number-like title no id answers to', async () => {
    const h = toolHarness();
    const byId = await h.data('playlist_get_contents', { playlist: '1073' });
    const byTitle = await h.data('playlist_get_contents', { playlist: 'friday night noir' });
    expect(byTitle.playlist).toEqual(byId.playlist);
    const created = await h.data('playlist_create', { title: '1999', items: ['1007'] });
    const numeric = await h.data('playlist_get_contents', { playlist: '1999' });
    expect(numeric.playlist.id).toBe(created.playlist.id);
  });

  it('finds a collection by id or title, and refuses an ambiguous title with candidates', async () => {
    const h = toolHarness();
    const byId = await h.data('collection_get_contents', { collection: '1017' });
    const byTitle = await h.data('collection_get_contents', { collection: 'Silent Era' });
    expect(byTitle.collection).toEqual(byId.collection);
    await h.data('collection_create', {
      title: 'Silent Era',
      library: 'TV Shows',
      items: ['Bonanza'],
    });
    const result = await h.call('collection_get_contents', { collection: 'Silent Era' });
    expect(result).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    if (!result.ok) expect(result.error.details?.candidates).toHaveLength(2);
  });

  it('takes items as ids and titles mixed, in the order given', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_add_to', {
      playlist: 'Friday Night Noir',
      items: ['Charade', '1012', 'No Such Film'],
    });
    expect(data.added.map((item) => item.title)).toEqual(['Charade', 'Plan 9 from Outer Space']);
    expect(data.not_found).toEqual(['No Such Film']);
  });

  it('removes playlist entries named by title, among the playlist only', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_remove_from', {
      playlist: 'Piano Evenings',
      items: ['maple leaf rag', 'Charade'],
    });
    expect(data.removed.map((entry) => entry.title)).toEqual(['Maple Leaf Rag']);
    expect(data.not_found).toEqual(['Charade']);
  });
});
