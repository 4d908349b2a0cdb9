import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_edit', () => {
  it('renames a playlist and sets its summary; the new title then resolves', async () => {
    const h = toolHarness();
    const before = h.emulator.state.playlists.get('1073')?.summary ?? '';
    const data = await h.data('playlist_edit', {
      playlist: 'Friday Night Noir',
      new_title: 'Saturday Night Noir',
      new_summary: 'Shadows and rain',
    });
    expect(data).toEqual({
      playlist: { id: '1073', title: 'Saturday Night Noir' },
      changes: {
        title: { from: 'Friday Night Noir', to: 'Saturday Night Noir' },
        summary: { from: before, to: 'Shadows and rain' },
      },
    });
    const contents = await h.data('playlist_get_contents', {
      playlist: 'Saturday Night Noir',
    });
    expect(contents.playlist).toEqual({ id: '1073', title: 'Saturday Night Noir' });
    expect(h.emulator.state.playlists.get('1073')?.summary).toBe('Shadows and rain');
  });

  it('needs a change, a non-empty title and a known playlist', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_edit', { playlist: '1073' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Give new_title or new_summary.' },
    });
    expect(await h.call('playlist_edit', { playlist: '1073', new_title: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('playlist_edit', { playlist: 'Nope', new_title: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(h.emulator.state.playlists.get('1073')?.title).toBe('Friday Night Noir');
  });

  it('refuses a rename onto a title another playlist has (any case), naming it, and changes nothing', async () => {
    const h = toolHarness();
    const piano = [...h.emulator.state.playlists.values()].find(
      (p) => p.title === 'Piano Evenings',
    );
    const result = await h.call('playlist_edit', {
      playlist: 'Friday Night Noir',
      new_title: ' piano evenings ',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { existing: [{ id: piano?.ratingKey, title: 'Piano Evenings' }] },
      },
    });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^A playlist titled "piano evenings" already exists \(id \d+, \d+ items\); .*Give another title\.$/,
      );
    }
    expect(h.emulator.state.playlists.get('1073')?.title).toBe('Friday Night Noir');
  });

  it('lets a playlist keep its own title while its summary changes', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_edit', {
      playlist: '1073',
      new_title: 'FRIDAY NIGHT NOIR',
      new_summary: 'Rain',
    });
    expect(data.playlist).toEqual({ id: '1073', title: 'FRIDAY NIGHT NOIR' });
  });
});
