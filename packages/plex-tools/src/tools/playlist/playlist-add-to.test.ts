import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_add_to', () => {
  it('appends items by title and id, reporting those not found', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_add_to', {
      playlist: 'Friday Night Noir',
      items: ['1012', 'Charade', 'The Maltese Parrot'],
    });
    expect(data).toEqual({
      playlist: { id: '1073', title: 'Friday Night Noir' },
      added: [
        { id: '1012', title: 'Plan 9 from Outer Space', type: 'movie', year: 1957 },
        expect.objectContaining({ title: 'Charade', type: 'movie' }),
      ],
      not_found: ['The Maltese Parrot'],
      total: 5,
    });
    const contents = await h.data('playlist_get_contents', { playlist: '1073' });
    expect(contents.items.slice(-2).map((i) => i.title)).toEqual([
      'Plan 9 from Outer Space',
      'Charade',
    ]);
  });

  it('adds nothing when nothing is found', async () => {
    const h = toolHarness();
    expect(await h.data('playlist_add_to', { playlist: '1073', items: ['99999'] })).toMatchObject({
      added: [],
      not_found: ['99999'],
      total: 3,
    });
  });

  it('refuses items of the wrong kind and ambiguous titles', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_add_to', { playlist: '1074', items: ['Charade'] })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT' } },
    );
    expect(
      await h.call('playlist_add_to', { playlist: '1073', items: ['Sherlock Holmes'] }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(h.emulator.state.playlists.get('1073')?.entries).toHaveLength(3);
  });

  it('needs a known playlist and some items', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_add_to', { playlist: 'Nope', items: ['1012'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('playlist_add_to', { playlist: '1073' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
