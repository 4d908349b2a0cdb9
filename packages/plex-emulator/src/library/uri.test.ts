import { describe, expect, it } from 'vitest';
import { parseContentUri } from './uri.js';

describe('parseContentUri', () => {
  it('reads server:// metadata lists (python-plexapi createPlaylist, addItems)', () => {
    expect(
      parseContentUri('server://abc123/com.plexapp.plugins.library/library/metadata/1001,1002'),
    ).toEqual({
      scheme: 'server',
      authority: 'abc123',
      provider: 'com.plexapp.plugins.library',
      path: { kind: 'metadata', ratingKeys: ['1001', '1002'], view: 'self' },
    });
  });

  it('reads server:// section filters with their query (smart playlists and collections)', () => {
    const parsed = parseContentUri(
      'server://abc/com.plexapp.plugins.library/library/sections/1/all?type=1&sort=addedAt:desc&limit=5',
    );
    expect(parsed?.path.kind).toBe('section');
    if (parsed?.path.kind !== 'section') return;
    expect(parsed.path.sectionId).toBe(1);
    expect(Object.fromEntries(parsed.path.query)).toEqual({
      type: '1',
      sort: 'addedAt:desc',
      limit: '5',
    });
  });

  it('reads the library:// forms: raw, double-slashed and percent-encoded', () => {
    expect(parseContentUri('library://uuid-1/directory//library/metadata/7,8')?.path).toEqual({
      kind: 'metadata',
      ratingKeys: ['7', '8'],
      view: 'self',
    });
    expect(parseContentUri('library:///directory/%2Flibrary%2Fmetadata%2F7%2C8')).toMatchObject({
      scheme: 'library',
      authority: '',
      path: { kind: 'metadata', ratingKeys: ['7', '8'] },
    });
    expect(parseContentUri('library://u/item/%2Flibrary%2Fmetadata%2F1906642')?.path).toMatchObject(
      {
        ratingKeys: ['1906642'],
      },
    );
    expect(parseContentUri('library://u/item/library/metadata/12')?.path).toMatchObject({
      ratingKeys: ['12'],
    });
    const section = parseContentUri(
      'library://u/directory/%2Flibrary%2Fsections%2F3%2Fall%3Ftype%3D10%26limit%3D20',
    );
    expect(section?.path).toMatchObject({ kind: 'section', sectionId: 3 });
  });

  it('decodes twice-encoded paths and whole-encoded URIs', () => {
    expect(
      parseContentUri('library:///directory/%252Flibrary%252Fmetadata%252F7%252C8')?.path,
    ).toEqual({
      kind: 'metadata',
      ratingKeys: ['7', '8'],
      view: 'self',
    });
    expect(
      parseContentUri(
        encodeURIComponent('server://m/com.plexapp.plugins.library/library/metadata/3'),
      ),
    ).toMatchObject({ scheme: 'server', authority: 'm', path: { ratingKeys: ['3'] } });
  });

  it('reads children/allLeaves views, playlists, collections and bare paths', () => {
    expect(
      parseContentUri('server://m/com.plexapp.plugins.library/library/metadata/5/children')?.path,
    ).toEqual({ kind: 'metadata', ratingKeys: ['5'], view: 'children' });
    expect(parseContentUri('server://m/com.plexapp.plugins.library/playlists/77')?.path).toEqual({
      kind: 'playlist',
      playlistId: '77',
    });
    expect(parseContentUri('/library/collections/9/children')?.path).toEqual({
      kind: 'collection',
      collectionId: '9',
    });
    expect(parseContentUri('/library/metadata/4')?.scheme).toBe('path');
  });

  it('keeps the provider of server:// URIs so other providers can be refused', () => {
    expect(parseContentUri('server://m/tv.plex.provider.vod/library/metadata/5')?.provider).toBe(
      'tv.plex.provider.vod',
    );
  });

  it('rejects what it cannot read', () => {
    expect(parseContentUri('https://example.com/library/metadata/1')).toBeUndefined();
    expect(parseContentUri('server://only-host')).toBeUndefined();
    expect(
      parseContentUri('server://m/com.plexapp.plugins.library/library/metadata/'),
    ).toBeUndefined();
    expect(parseContentUri('library://u/elsewhere/x')).toBeUndefined();
    expect(parseContentUri('/library/sections/1/genre')).toBeUndefined();
  });
});
