import { describe, expect, it } from 'vitest';
import { listTools } from './list-tools.js';
import { type ToolHarness, toolHarness } from './testing/harness.js';

/** A harness that counts the requests its client sends to the emulator. */
function counting(): { h: ToolHarness; requests: Request[] } {
  const requests: Request[] = [];
  const h: ToolHarness = toolHarness(
    {},
    {
      fetch: (input, init) => {
        const request = new Request(input, init);
        requests.push(request);
        return h.emulator.fetch(request);
      },
    },
  );
  return { h, requests };
}

/**
 * Input names that are aliases now: no listed tool may show them (media_delete keeps its
 * media_id; collection_edit's add_labels and remove_labels are its own).
 */
const OLD_NAMES = [
  'media_title',
  'library_name',
  'library_id',
  'playlist_title',
  'collection_title',
  'item_ids',
  'item_titles',
  'client_id',
  'client_name',
  'add_genres',
  'remove_genres',
  'add_directors',
  'remove_directors',
  'add_writers',
  'remove_writers',
];

describe('old input names', () => {
  it('cost no tools/list bytes: no listed schema names them', () => {
    for (const tool of listTools({ access: 'delete' })) {
      const properties = Object.keys((tool.inputSchema.properties ?? {}) as object);
      for (const old of OLD_NAMES) expect(properties, tool.name).not.toContain(old);
      if (tool.name !== 'media_delete') expect(properties, tool.name).not.toContain('media_id');
    }
  });

  it('media_id (a string or an integer) and media_title address the item as media does', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_details', { media_id: 1014 })).toMatchObject({
      ok: true,
      data: { id: '1014', year: 1916 },
    });
    expect(await h.call('media_get_details', { media_title: 'Charade' })).toMatchObject({
      ok: true,
      data: { id: '1002' },
    });
    // The tools preferred the id when both came, and still do.
    expect(
      await h.call('media_get_details', { media_id: '1002', media_title: 'Sherlock Holmes' }),
    ).toMatchObject({ ok: true, data: { id: '1002' } });
  });

  it('an old name beside its new name: the same value is fine, another is INVALID_INPUT naming both', async () => {
    const { h, requests } = counting();
    expect(await h.call('media_get_details', { media: '1002', media_id: 1002 })).toMatchObject({
      ok: true,
      data: { id: '1002' },
    });
    const before = requests.length;
    const result = await h.call('media_set_watched', {
      media: '1002',
      media_id: '1014',
      watched: true,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Invalid arguments for media_set_watched: media and media_id (its old name) disagree. Give only media.',
        details: { issues: [{ field: 'media', problem: 'differs from media_id' }] },
      },
    });
    expect(requests.length).toBe(before);
    const library = await h.call('library_get_details', {
      library: 'Movies',
      library_id: '2',
      library_name: 'TV Shows',
    });
    expect(library.ok ? '' : library.error.message).toContain(
      'library and library_id and library_name (its old names) disagree. Give only library.',
    );
  });

  it('media_delete keeps media_id as its own input', async () => {
    const h = toolHarness();
    const result = await h.call('media_delete', { media_id: 1002 });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(await h.call('media_delete', { media: '1002', confirm: 'Charade' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('media_id: required') },
    });
    expect(h.emulator.state.items.has('1002')).toBe(true);
  });

  it('library_name, library_id, playlist_title and collection_id name what the new inputs do', async () => {
    const h = toolHarness();
    expect(
      await h.data('library_get_details', { library_name: 'TV Shows' } as never),
    ).toMatchObject({ id: '2', title: 'TV Shows' });
    expect(await h.data('library_get_details', { library_id: 1 } as never)).toMatchObject({
      id: '1',
      title: 'Movies',
    });
    expect(
      await h.data('playlist_get_contents', { playlist_title: 'Friday Night Noir' } as never),
    ).toMatchObject({ playlist: { id: '1073' } });
    expect(
      await h.data('collection_get_contents', { collection_id: 1017, limit: 1 } as never),
    ).toMatchObject({ collection: { id: '1017' } });
  });

  it('item_ids (integers too) then item_titles become one items list, in that order', async () => {
    const h = toolHarness();
    const data = await h.data('playlist_create', {
      title: 'Old Names',
      item_ids: [1002],
      item_titles: ['Night of the Living Dead'],
    } as never);
    const entries = await h.plex.playlists.items(data.playlist.id, { limit: 10 });
    expect(entries.items.map((item) => item.ratingKey)).toEqual(['1002', '1000']);
  });

  it('client_name and client_id address the player as client does', async () => {
    const h = toolHarness();
    expect(
      await h.data('client_get_details', { client_name: 'Kitchen iPad' } as never),
    ).toMatchObject({ id: 'ipad-kt-19c2' });
    expect(
      await h.data('client_get_details', { client_id: 'roku-lr-7f3a' } as never),
    ).toMatchObject({ id: 'roku-lr-7f3a' });
  });

  it("media_edit_metadata's old tag lists become kind:name tags", async () => {
    const h = toolHarness();
    const data = await h.data('media_edit_metadata', {
      media: '1000',
      add_genres: ['Cult'],
      remove_genres: ['Thriller'],
      add_labels: ['Double Feature'],
    } as never);
    expect(data.changed).toMatchObject({
      genres: ['Horror', 'Cult'],
      labels: expect.arrayContaining(['Double Feature']),
    });
    const both = await h.call('media_edit_metadata', {
      media: '1000',
      add_tags: ['genre:Noir'],
      add_writers: ['Someone'],
    });
    expect(both).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('add_tags and add_writers (its old name) disagree'),
      },
    });
  });
});
