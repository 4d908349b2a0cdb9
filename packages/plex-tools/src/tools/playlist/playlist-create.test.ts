import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('playlist_create', () => {
  it('creates a video playlist from ids and titles, which then lists', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_create', {
      title: 'Noir Double Bill',
      items: ['1016', 'Charade'],
      summary: 'Two for the night',
    });
    expect(data.playlist).toMatchObject({
      title: 'Noir Double Bill',
      playlist_type: 'video',
      smart: false,
      item_count: 2,
    });
    const id = data.playlist.id;
    const contents = await h.data('playlist_get_contents', { playlist: id });
    expect(contents.items.map((i) => i.title)).toEqual(['Scarlet Street', 'Charade']);
    expect(h.emulator.state.playlists.get(id)?.summary).toBe('Two for the night');
  });

  it('creates an audio playlist from a track title', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_create', {
      title: 'Rags',
      items: ['maple leaf rag'],
    });
    expect(data.playlist).toMatchObject({ playlist_type: 'audio', item_count: 1 });
  });

  it('refuses an ambiguous title, listing the candidates', async () => {
    const h = toolHarness();
    const result = await h.call('playlist_create', {
      title: 'Holmes',
      items: ['Sherlock Holmes'],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        message:
          '2 items match "Sherlock Holmes": 1014 Sherlock Holmes (1916, movie, Movies); 1015 Sherlock Holmes (1922, movie, Movies). Give its id in items instead.',
      },
    });
    expect(result).toMatchObject({
      error: {
        details: {
          candidates: expect.arrayContaining([
            expect.objectContaining({ id: '1014', year: 1916 }),
            expect.objectContaining({ id: '1015', year: 1922 }),
          ]),
        },
      },
    });
    expect(h.emulator.state.playlists.size).toBe(3);
  });

  it('refuses unknown items and mixed kinds without creating anything', async () => {
    const h = toolHarness();
    expect(await h.call('playlist_create', { title: 'X', items: ['1016', '99999'] })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND', details: { not_found: ['99999'] } } },
    );
    expect(await h.call('playlist_create', { title: 'X', items: ['1016', '1048'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('playlist_create', { title: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('playlist_create', { title: ' ', items: ['1016'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(h.emulator.state.playlists.size).toBe(3);
  });

  it('refuses a title the account already uses, creating nothing, unless allow_duplicate', async () => {
    const h = toolHarness();
    const before = h.emulator.state.playlists.size;
    const refused = await h.call('playlist_create', {
      title: 'Friday Night Noir',
      items: ['1016'],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFIRMATION_REQUIRED',
        message:
          'A playlist titled "Friday Night Noir" already exists (id 1073, 3 items). Give another title, or call again with allow_duplicate: true to create a second one.',
        details: { existing: [{ id: '1073', title: 'Friday Night Noir', item_count: 3 }] },
      },
    });
    expect(h.emulator.state.playlists.size).toBe(before);

    const allowed = await h.data('playlist_create', {
      title: 'Friday Night Noir',
      items: ['1016'],
      allow_duplicate: true,
    });
    expect(allowed.playlist).toMatchObject({ title: 'Friday Night Noir', item_count: 1 });
    expect(h.emulator.state.playlists.size).toBe(before + 1);

    // Now two hold it: both are named, and still nothing is created.
    const twice = await h.call('playlist_create', {
      title: 'Friday Night Noir',
      items: ['1016'],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    if (!twice.ok) {
      expect(twice.error.message).toMatch(
        /^2 playlists titled "Friday Night Noir" already exist .* to create another one\.$/,
      );
      expect(twice.error.details?.existing).toHaveLength(2);
    }
    expect(h.emulator.state.playlists.size).toBe(before + 1);
  });

  it('matches titles case-insensitively and trimmed', async () => {
    const h = toolHarness();
    const before = h.emulator.state.playlists.size;
    const result = await h.call('playlist_create', {
      title: '  friday NIGHT noir ',
      items: ['1016'],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', details: { existing: [{ id: '1073' }] } },
    });
    expect(h.emulator.state.playlists.size).toBe(before);
  });

  it('creates normally under a different title, or a title only another user has', async () => {
    const h = toolHarness();
    const before = h.emulator.state.playlists.size;
    // "Friday Night" is a prefix of an existing title, not the same title.
    expect(
      (await h.data('playlist_create', { title: 'Friday Night', items: ['1016'] })).playlist,
    ).toMatchObject({ title: 'Friday Night' });
    // Playlists are per account: another user's "Saturday Matinee" is no clash.
    expect(
      (await h.data('playlist_create', { title: 'Saturday Matinee', items: ['1016'] })).playlist,
    ).toMatchObject({ title: 'Saturday Matinee' });
    expect(h.emulator.state.playlists.size).toBe(before + 2);
  });
});
