import { assertType, describe, expectTypeOf, test } from 'vitest';
import {
  type AnyPlexError,
  createPlexClient,
  type HistoryEntry,
  type ItemPage,
  isPlexError,
  type Library,
  type LogTail,
  type MetadataItem,
  type Page,
  type Playlist,
  type PlaylistItem,
  type PlexClient,
  type PlexClientOptions,
  type PlexError,
  type PlexErrorCode,
  type PlexInvalidResponseError,
  type PlexNotFoundError,
  type PlexRateLimitedError,
  type PlexUnauthorizedError,
} from './index.js';

/** Type tests of the public API (checked by `vitest --typecheck`, never run). */

declare const client: PlexClient;

describe('createPlexClient', () => {
  test('requires a token', () => {
    // @ts-expect-error token is required
    createPlexClient({ baseUrl: 'http://127.0.0.1:32400' });
    expectTypeOf<PlexClientOptions['token']>().toEqualTypeOf<string>();
    expectTypeOf<PlexClientOptions>().toHaveProperty('token');
    expectTypeOf(createPlexClient).returns.toEqualTypeOf<PlexClient>();
    assertType<PlexClient>(createPlexClient({ baseUrl: 'http://127.0.0.1:32400', token: 't' }));
    assertType<PlexClient>(createPlexClient({ baseUrls: ['http://a', 'http://b'], token: 't' }));
  });

  test('takes only the options it knows, with their types', () => {
    // @ts-expect-error timeoutMs is a number
    createPlexClient({ baseUrl: 'http://x', token: 't', timeoutMs: '10s' });
    // @ts-expect-error retry is a policy or false, not true
    createPlexClient({ baseUrl: 'http://x', token: 't', retry: true });
    // @ts-expect-error no such option
    createPlexClient({ baseUrl: 'http://x', token: 't', tokn: 't' });
  });
});

describe('library items', () => {
  test('ratingKey is a string, librarySectionID a number or undefined', () => {
    expectTypeOf<MetadataItem['ratingKey']>().toEqualTypeOf<string>();
    expectTypeOf<MetadataItem['librarySectionID']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MetadataItem['title']>().toEqualTypeOf<string>();
    // Omitted arrays are [] after parsing, never undefined.
    expectTypeOf<MetadataItem['Genre']>().toBeArray();
    expectTypeOf<MetadataItem['Media']>().toBeArray();
  });

  test('list calls answer a Page with a numeric totalSize', () => {
    expectTypeOf<Page<MetadataItem>['totalSize']>().toEqualTypeOf<number>();
    expectTypeOf<Page<MetadataItem>['items']>().toEqualTypeOf<MetadataItem[]>();
    expectTypeOf(client.libraries.items).returns.resolves.toEqualTypeOf<ItemPage>();
    expectTypeOf<ItemPage>().toExtend<Page<MetadataItem>>();
    expectTypeOf(client.playlists.list).returns.resolves.toEqualTypeOf<Page<Playlist>>();
    expectTypeOf(client.playlists.items).returns.resolves.toEqualTypeOf<Page<PlaylistItem>>();
    expectTypeOf(client.history.list).returns.resolves.toEqualTypeOf<Page<HistoryEntry>>();
    expectTypeOf(client.collections.items).returns.resolves.toEqualTypeOf<Page<MetadataItem>>();
    expectTypeOf(client.libraries.list).returns.resolves.toEqualTypeOf<Library[]>();
    expectTypeOf(client.libraries.count).returns.resolves.toEqualTypeOf<number>();
  });

  test('iterators yield the items of the list', () => {
    expectTypeOf(client.libraries.iterateItems).returns.toEqualTypeOf<
      AsyncGenerator<MetadataItem, void, undefined>
    >();
    expectTypeOf(client.history.iterate).returns.toEqualTypeOf<
      AsyncGenerator<HistoryEntry, void, undefined>
    >();
  });

  test('wrong argument types are refused', () => {
    // @ts-expect-error not an item type
    client.libraries.items(1, { type: 'moviez' });
    // @ts-expect-error sort is a string or strings
    client.libraries.items(1, { sort: 3 });
    // @ts-expect-error limit is a number
    client.libraries.items(1, { limit: '10' });
    // @ts-expect-error not a tag list
    client.libraries.tags(1, 'genres');
    // @ts-expect-error a section id is a number or string
    client.libraries.items({ id: 1 });
    assertType<Promise<ItemPage>>(client.libraries.items('1', { type: 'episode', limit: 10 }));
  });
});

describe('players', () => {
  test('playback takes known commands with their parameters', () => {
    // @ts-expect-error not a playback command
    client.players.playback('roku', 'explode');
    // @ts-expect-error seekTo needs an offset
    client.players.playback('roku', 'seekTo');
    // @ts-expect-error offset is a number of ms
    client.players.playback('roku', 'seekTo', { offset: '10' });
    // @ts-expect-error not a timeline type
    client.players.playback('roku', 'pause', { type: 'audio' });
    // @ts-expect-error not a navigation command
    client.players.navigate('roku', 'jump');
    assertType<Promise<void>>(client.players.playback('roku', 'pause'));
    assertType<Promise<void>>(client.players.playback('roku', 'seekTo', { offset: 10_000 }));
    assertType<Promise<void>>(client.players.playback('roku', 'setParameters', { volume: 50 }));
  });
});

describe('logs', () => {
  test('read takes a kind or a file name and answers its lines', () => {
    expectTypeOf(client.logs.read).returns.resolves.toEqualTypeOf<LogTail>();
    expectTypeOf<LogTail['lines']>().toEqualTypeOf<string[]>();
    assertType<Promise<LogTail>>(client.logs.read('server', { lines: 100 }));
    assertType<Promise<LogTail>>(client.logs.read('Plex Media Server.1.log'));
    // @ts-expect-error lines is a number
    client.logs.read('server', { lines: '100' });
  });
});

describe('errors', () => {
  test('narrow by code', () => {
    const error = {} as unknown;
    if (isPlexError(error)) {
      expectTypeOf(error).toEqualTypeOf<AnyPlexError>();
      expectTypeOf(error.code).toEqualTypeOf<PlexErrorCode>();
      switch (error.code) {
        case 'RATE_LIMITED':
          expectTypeOf(error).toEqualTypeOf<PlexRateLimitedError>();
          expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
          break;
        case 'INVALID_RESPONSE':
          expectTypeOf(error).toEqualTypeOf<PlexInvalidResponseError>();
          expectTypeOf(error.path).toEqualTypeOf<string>();
          break;
        case 'UNAUTHORIZED':
          expectTypeOf(error).toEqualTypeOf<PlexUnauthorizedError>();
          break;
        default:
          // @ts-expect-error only the rate-limited error has retryAfterMs
          error.retryAfterMs;
      }
    }
  });

  test('each class carries its own code and the request it failed on', () => {
    expectTypeOf<PlexNotFoundError['code']>().toEqualTypeOf<'NOT_FOUND'>();
    expectTypeOf<PlexInvalidResponseError['code']>().toEqualTypeOf<'INVALID_RESPONSE'>();
    expectTypeOf<PlexNotFoundError>().toExtend<PlexError>();
    expectTypeOf<PlexError['code']>().toEqualTypeOf<PlexErrorCode>();
    expectTypeOf<PlexError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PlexError['url']>().toEqualTypeOf<string>();
    expectTypeOf<PlexError>().toExtend<Error>();
  });
});
