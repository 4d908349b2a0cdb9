import { assertType, describe, expectTypeOf, test } from 'vitest';
import {
  type AnyPlexError,
  type CallOptions,
  type Collection,
  createPlexClient,
  type FilterChoice,
  type HistoryEntry,
  type Hub,
  type ImageData,
  type ItemPage,
  isPlexError,
  type Library,
  type LogTail,
  type MetadataItem,
  type MoveItemOptions,
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
  type RatingKey,
  type SearchResult,
  type TerminateOptions,
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
    expectTypeOf(client.history.iterateItems).returns.toEqualTypeOf<
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

  test('playback takes its parameters and the signal in one options object', () => {
    const signal = new AbortController().signal;
    assertType<Promise<void>>(client.players.playback('roku', 'pause', { signal }));
    assertType<Promise<void>>(
      client.players.playback('roku', 'seekTo', { offset: 10_000, type: 'video', signal }),
    );
    // @ts-expect-error the signal travels inside the options, not as a fourth argument
    client.players.playback('roku', 'seekTo', { offset: 10_000 }, { signal });
    // @ts-expect-error seekTo still needs its offset when a signal is given
    client.players.playback('roku', 'seekTo', { signal });
  });
});

describe('one options object per call', () => {
  const signal = new AbortController().signal;

  test('moveItem is one name with { after, signal } on playlists and collections', () => {
    assertType<Promise<Playlist>>(client.playlists.moveItem(1, 2, { after: 3, signal }));
    assertType<Promise<Playlist>>(client.playlists.moveItem('1', '2'));
    assertType<Promise<Collection>>(client.collections.moveItem(1, 2, { after: '3', signal }));
    assertType<Promise<Collection>>(client.collections.moveItem(1, 2));
    expectTypeOf<MoveItemOptions>().toExtend<CallOptions>();
    // @ts-expect-error `after` is an option, not a third positional argument
    client.playlists.moveItem(1, 2, 3);
    // @ts-expect-error `after` is an option, not a third positional argument
    client.collections.moveItem(1, 2, 3, { signal });
    // @ts-expect-error collections.move() is now moveItem()
    void client.collections.move;
  });

  test('history iterates under the shared name', () => {
    assertType<AsyncGenerator<HistoryEntry, void, undefined>>(
      client.history.iterateItems({ accountId: 1, pageSize: 10, signal }),
    );
    // @ts-expect-error history.iterate() is now iterateItems()
    void client.history.iterate;
  });

  test('sessions.terminate takes the reason in its options', () => {
    assertType<Promise<void>>(client.sessions.terminate('s1', { reason: 'maintenance', signal }));
    assertType<Promise<void>>(client.sessions.terminate('s1'));
    expectTypeOf<TerminateOptions>().toExtend<CallOptions>();
    // @ts-expect-error the reason is an option, not a positional argument
    client.sessions.terminate('s1', 'maintenance');
    // @ts-expect-error no trailing call options
    client.sessions.terminate('s1', { reason: 'x' }, { signal });
  });

  test('calls that had a trailing CallOptions take the signal in their options', () => {
    assertType<Promise<ItemPage>>(client.libraries.items(1, { type: 'movie', limit: 5, signal }));
    assertType<Promise<number>>(client.libraries.count(1, { filters: { year: 1968 }, signal }));
    assertType<Promise<ItemPage>>(client.libraries.recentlyAdded({ sectionId: 1, signal }));
    assertType<Promise<ItemPage>>(client.libraries.onDeck({ signal }));
    assertType<Promise<void>>(client.libraries.refresh(1, { force: true, signal }));
    assertType<Promise<void>>(client.libraries.refreshAll({ signal }));
    assertType<Promise<Page<FilterChoice>>>(client.libraries.tags(1, 'genre', { signal }));
    assertType<AsyncGenerator<MetadataItem, void, undefined>>(
      client.libraries.iterateItems(1, { pageSize: 50, signal }),
    );
    assertType<Promise<Hub[]>>(client.hubs.home({ count: 3, signal }));
    assertType<Promise<Hub | undefined>>(client.hubs.continueWatching({ signal }));
    assertType<Promise<ItemPage>>(client.hubs.continueWatchingItems({ sectionId: 1, signal }));
    assertType<Promise<Hub[]>>(client.hubs.section(1, { count: 3, signal }));
    assertType<Promise<ItemPage>>(client.hubs.items('/hubs/x', { limit: 5, signal }));
    assertType<Promise<ItemPage>>(client.metadata.children(1, { limit: 5, signal }));
    assertType<Promise<ItemPage>>(client.metadata.allLeaves(1, { signal }));
    assertType<Promise<ItemPage>>(client.metadata.similar(1, { signal }));
    assertType<Promise<Hub[]>>(client.metadata.related(1, { count: 3, signal }));
    assertType<Promise<ImageData>>(client.metadata.fetchImage('/t', { width: 100, signal }));
    assertType<Promise<Hub[]>>(client.search.hubs('alien', { limit: 3, signal }));
    assertType<Promise<SearchResult[]>>(client.search.library('alien', { signal }));
    assertType<Promise<LogTail>>(client.logs.read('server', { lines: 10, signal }));

    // The old two-object shapes no longer compile.
    // @ts-expect-error no trailing CallOptions
    client.libraries.items(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.iterateItems(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.count(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.recentlyAdded({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.onDeck({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.tags(1, 'genre', {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.refresh(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.libraries.refreshAll({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.hubs.home({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.hubs.continueWatching({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.hubs.continueWatchingItems({}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.hubs.section(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.hubs.items('/hubs/x', {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.metadata.children(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.metadata.allLeaves(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.metadata.similar(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.metadata.related(1, {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.metadata.fetchImage('/t', {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.search.hubs('alien', {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.search.library('alien', {}, { signal });
    // @ts-expect-error no trailing CallOptions
    client.logs.read('server', {}, { signal });
  });

  test('a required value that is the operation stays positional', () => {
    assertType<Promise<void>>(client.metadata.rate(1, 7, { signal }));
    assertType<Promise<void>>(client.metadata.rate(1, null));
    assertType<Promise<void>>(client.metadata.setProgress(1, 60_000, { state: 'paused', signal }));
    // @ts-expect-error the rating is required
    client.metadata.rate(1);
  });

  test('playlists upload a background as collections do', () => {
    assertType<Promise<void>>(
      client.playlists.uploadArt(1, { url: 'https://x/bg.jpg' }, { signal }),
    );
    assertType<Promise<void>>(client.collections.uploadArt(1, { url: 'https://x/bg.jpg' }));
  });

  test('members that were function-valued properties keep their call shapes as methods', () => {
    expectTypeOf(client.metadata.posters).parameters.toEqualTypeOf<
      [ratingKey: RatingKey, options?: CallOptions]
    >();
    expectTypeOf(client.libraries.list).parameters.toEqualTypeOf<[options?: CallOptions]>();
    expectTypeOf(client.logs.download).parameters.toEqualTypeOf<[options?: CallOptions]>();
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
