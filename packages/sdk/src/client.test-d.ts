import { describe, expectTypeOf, it } from 'vitest';
import { createPlexMcpClient } from './create-client.js';
import type { MediaSearchOutput, PlaylistCreateOutput } from './generated/tools.js';
import { connectPlexMcpClient } from './mcp/connect.js';
import type { CallResult, ToolCallError } from './types.js';

const plex = createPlexMcpClient({ baseUrl: 'http://127.0.0.1:3001' });

describe('the built-in tool map', () => {
  it('types outputs per tool, for call and for the tools shortcuts', () => {
    expectTypeOf(plex.call('media_search', { query: 'x' })).resolves.toEqualTypeOf<
      CallResult<MediaSearchOutput>
    >();
    expectTypeOf(plex.tools.playlist_create).returns.resolves.toEqualTypeOf<
      CallResult<PlaylistCreateOutput>
    >();
  });

  it('narrows on error: data on success, a coded error otherwise', async () => {
    const result = await plex.call('media_search', { query: 'x' });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<ToolCallError>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.data.results[0]!.title).toEqualTypeOf<string>();
      expectTypeOf(result.data.results[0]!.year).toEqualTypeOf<number | undefined>();
    }
  });

  it('types inputs exactly: literal enums, string-or-number ids, optional vs required', () => {
    expectTypeOf(plex.tools.media_search).parameter(0).toMatchTypeOf<
      | {
          query: string;
          content_type?:
            | 'movie'
            | 'show'
            | 'season'
            | 'episode'
            | 'artist'
            | 'album'
            | 'track'
            | 'collection'
            | 'person';
        }
      | undefined
    >();
    void plex.tools.media_get_details({ media: '1002' });
    void plex.tools.media_get_details({ media: 'Heat (1995)' });
    // Tools without required arguments may be called bare.
    void plex.call('library_list');
    void plex.tools.server_get_info();
  });

  it('rejects unknown tools, wrong argument types and missing required arguments', () => {
    // @ts-expect-error: no such tool
    void plex.call('media_serch', { query: 'x' });
    // @ts-expect-error: no such tool shortcut
    void plex.tools.media_serch;
    // @ts-expect-error: query must be a string
    void plex.call('media_search', { query: 5 });
    // @ts-expect-error: media is an id or a title, as a string
    void plex.tools.media_get_details({ media: 1002 });
    // @ts-expect-error: content_type is a closed set
    void plex.call('media_search', { query: 'x', content_type: 'film' });
    // @ts-expect-error: query is required
    void plex.call('media_search', {});
    // @ts-expect-error: arguments are required when a field is
    void plex.tools.media_search();
    // @ts-expect-error: unknown argument
    void plex.call('media_search', { query: 'x', bogus: true });
    // @ts-expect-error: a tool without parameters takes none
    void plex.call('library_list', { library: 'Movies' });
  });
});

describe('a custom tool map', () => {
  interface MyTools {
    greet: { input: { name: string }; output: { greeting: string } };
    ping: { input: Record<string, never>; output: { ok: boolean } };
  }
  const mine = createPlexMcpClient<MyTools>({ baseUrl: 'http://127.0.0.1:3001' });

  it('types calls from the generated map passed as a type parameter', () => {
    expectTypeOf(mine.call('greet', { name: 'Ada' })).resolves.toEqualTypeOf<
      CallResult<{ greeting: string }>
    >();
    expectTypeOf(mine.tools.ping).returns.resolves.toEqualTypeOf<CallResult<{ ok: boolean }>>();
    // @ts-expect-error: a built-in tool the custom server does not have
    void mine.call('media_search', { query: 'x' });
    // @ts-expect-error: name is required
    void mine.tools.greet({});
  });

  it('types the MCP session the same way', async () => {
    const session = await connectPlexMcpClient<MyTools>({ url: 'http://127.0.0.1:3001/mcp' });
    expectTypeOf(session.tools.greet).returns.resolves.toEqualTypeOf<
      CallResult<{ greeting: string }>
    >();
    expectTypeOf(session.close).returns.resolves.toEqualTypeOf<void>();
  });
});
