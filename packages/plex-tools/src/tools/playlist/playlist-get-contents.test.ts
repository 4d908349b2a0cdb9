import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_get_contents', () => {
  it('lists the entries of a playlist found by title, case-insensitively', async () => {
    const h = toolHarness();
    expect(await h.data('playlist_get_contents', { playlist: 'piano evenings' })).toEqual({
      playlist: { id: '1074', title: 'Piano Evenings' },
      items: [
        {
          id: '1067',
          title: 'Gymnopédie No. 1',
          type: 'track',
          parent: 'Erik Satie',
          playlist_item_id: '4',
        },
        {
          id: '1048',
          title: 'Maple Leaf Rag',
          type: 'track',
          parent: 'Scott Joplin',
          playlist_item_id: '5',
        },
        {
          id: '1055',
          title: 'Aria',
          type: 'track',
          parent: 'Johann Sebastian Bach',
          playlist_item_id: '6',
        },
        {
          id: '1061',
          title: 'Prelude No. 1 in C Major, BWV 846',
          type: 'track',
          parent: 'Johann Sebastian Bach',
          playlist_item_id: '7',
        },
      ],
      total: 4,
      offset: 0,
      limit: 50,
      has_more: false,
    });
  });

  it('pages a playlist given by numeric id', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_get_contents', { playlist: '1074', offset: 1, limit: 2 });
    expect(data.items.map((i) => i.title)).toEqual(['Maple Leaf Rag', 'Aria']);
    expect(data).toMatchObject({ total: 4, offset: 1, limit: 2, has_more: true });
  });

  it('names the playlists there are when the title is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('playlist_get_contents', { playlist: 'Road Trip' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'No playlist with id or title "Road Trip"; find them with playlist_list. Playlists: "Friday Night Noir" (id 1073), "Piano Evenings" (id 1074).',
      },
    });
  });

  it("does not reach another user's playlist", async () => {
    const h = toolHarness();
    expect(await h.call('playlist_get_contents', { playlist: '1075' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('lists candidates when two playlists share a title', async () => {
    const h = toolHarness();
    const copy = await h.plex.playlists.create({
      title: 'Piano Evenings',
      type: 'audio',
      ratingKeys: ['1048'],
    });
    const result = await h.call('playlist_get_contents', { playlist: 'Piano Evenings' });
    expect(result).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(result).toMatchObject({
      error: {
        details: {
          candidates: expect.arrayContaining([
            expect.objectContaining({ id: '1074' }),
            expect.objectContaining({ id: copy.ratingKey }),
          ]),
        },
      },
    });
  });

  it('asks for a playlist when none is given', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_get_contents', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'playlist', problem: 'required' }] },
      },
    });
  });
});
