import { describe, expect, it } from 'vitest';
import { toolHarness } from '../testing/harness.js';

/** The error of a call that should fail. */
async function errorOf(tool: string, args: Record<string, unknown>) {
  const result = await toolHarness().call(tool, args);
  if (result.ok) throw new Error(`${tool} succeeded`);
  return result.error;
}

describe('a wrong id answers like a wrong title', () => {
  it('media: an unknown id (tried as a title too) names media_search, never the Plex path', async () => {
    for (const tool of ['media_get_details', 'media_get_children', 'media_set_watched']) {
      const error = await errorOf(tool, { media: '99999', watched: true });
      expect(error).toEqual({
        code: 'NOT_FOUND',
        message: 'No item with id or title "99999"; find them with media_search.',
        details: { media: '99999' },
      });
      expect(error.message).not.toMatch(/library\/metadata|GET|404/);
    }
  });

  it('media_id of media_delete: names the field and media_search, never the Plex path', async () => {
    const error = await errorOf('media_delete', { media_id: '99999', confirm: 'x' });
    expect(error.message).toBe('No item with media_id 99999; find ids with media_search.');
    expect(error.message).not.toMatch(/library\/metadata|GET|404/);
  });

  it('playlist: points at playlist_list', async () => {
    const error = await errorOf('playlist_get_contents', { playlist: '99999' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(
      /^No playlist with id or title "99999"; find them with playlist_list\. Playlists: "Friday Night Noir" \(id 1073\)/,
    );
    const deleting = await errorOf('playlist_delete', { playlist_id: 99999, confirm: 'x' });
    expect(deleting.message).toBe(
      'No playlist with playlist_id 99999; find ids with playlist_list.',
    );
  });

  it('collection: points at collection_list', async () => {
    const error = await errorOf('collection_get_contents', { collection: '99999' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(
      /^No collection with id or title "99999"; find them with collection_list\. Collections: /,
    );
  });

  it('collection_id of collection_delete: an id of something else is not a collection', async () => {
    const error = await errorOf('collection_delete', { collection_id: '1007', confirm: 'x' });
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No collection with collection_id 1007; find ids with collection_list.',
    });
  });

  it('library: points at library_list and names the libraries there are', async () => {
    const error = await errorOf('library_get_details', { library: '99' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(
      /^No library with id or name "99"; find them with library_list\. Libraries: "Movies" \(id 1\)/,
    );
  });

  it('client: points at client_list and names the players there are', async () => {
    const error = await errorOf('client_get_details', { client: 'no-such-player' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(
      /^No player with id or name "no-such-player" is reachable \(client_list shows them\)\. Players: "/,
    );
  });
});
