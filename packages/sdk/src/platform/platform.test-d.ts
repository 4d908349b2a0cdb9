import { describe, expectTypeOf, it } from 'vitest';
import type { operations } from '../generated/platform-api.js';
import type { MediaSearchOutput, ServerGetInfoOutput } from '../generated/tools.js';
import { createPlexMcpPlatform } from './create-platform.js';
import type {
  ApiKey,
  CreatedApiKey,
  Mcp,
  McpDetail,
  McpTool,
  PageResult,
  PlatformError,
  PlatformResult,
  RateLimit,
  UnknownTools,
  Usage,
  UsagePoint,
} from './types.js';

const platform = createPlexMcpPlatform({ baseUrl: 'http://127.0.0.1:3001', apiKey: 'k' });

/** The `data` the generated document gives an operation's 200 answer. */
type Answered<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': { data: infer D } } };
}
  ? D
  : never;

describe('invoke, typed by the default tool map', () => {
  it('types arguments and results per tool', () => {
    expectTypeOf(platform.invoke('mcp_1', 'media_search', { query: 'x' })).resolves.toEqualTypeOf<
      PlatformResult<MediaSearchOutput>
    >();
    // Tools without required arguments may be called bare.
    expectTypeOf(platform.invoke('mcp_1', 'server_get_info')).resolves.toEqualTypeOf<
      PlatformResult<ServerGetInfoOutput>
    >();
  });

  it('rejects unknown tools, wrong argument types and missing required arguments', () => {
    // @ts-expect-error: no such tool
    void platform.invoke('mcp_1', 'media_serch', { query: 'x' });
    // @ts-expect-error: a name known only at run time is not a tool of the map
    void platform.invoke('mcp_1', 'media_search' as string, {});
    // @ts-expect-error: query must be a string
    void platform.invoke('mcp_1', 'media_search', { query: 5 });
    // @ts-expect-error: content_type is a closed set
    void platform.invoke('mcp_1', 'media_search', { query: 'x', content_type: 'film' });
    // @ts-expect-error: query is required
    void platform.invoke('mcp_1', 'media_search', {});
    // @ts-expect-error: arguments are required when a field is
    void platform.invoke('mcp_1', 'media_search');
    // @ts-expect-error: unknown argument
    void platform.invoke('mcp_1', 'media_search', { query: 'x', bogus: true });
  });

  it('narrows on error: data on success, a coded error with the HTTP status otherwise', async () => {
    const result = await platform.invoke('mcp_1', 'media_search', { query: 'x' });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<PlatformError>();
      expectTypeOf(result.error.status).toEqualTypeOf<number | null>();
      expectTypeOf(result.error.retryAfter).toEqualTypeOf<number | undefined>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.data.results[0]!.title).toEqualTypeOf<string>();
      expectTypeOf(result.rateLimit).toEqualTypeOf<RateLimit | undefined>();
    }
  });
});

describe('MCPs without the default tools', () => {
  interface RemoteTools {
    greet: { input: { name: string }; output: { greeting: string } };
    ping: { input: Record<string, never>; output: { ok: boolean } };
  }

  it('an MCP handle with a generated map is typed by it, exactly', () => {
    const remote = platform.mcp<RemoteTools>('mcp_2');
    expectTypeOf(remote.invoke('greet', { name: 'Ada' })).resolves.toEqualTypeOf<
      PlatformResult<{ greeting: string }>
    >();
    expectTypeOf(remote.invoke('ping')).resolves.toEqualTypeOf<PlatformResult<{ ok: boolean }>>();
    // @ts-expect-error: a Plex tool the remote MCP does not have
    void remote.invoke('media_search', { query: 'x' });
    // @ts-expect-error: name is required
    void remote.invoke('greet', {});
    // @ts-expect-error: name must be a string
    void remote.invoke('greet', { name: 1 });
  });

  it('an MCP without generated types answers unknown, never any', async () => {
    const untyped = platform.mcp('mcp_3');
    const result = await untyped.invoke('anything', { any: 'argument' });
    expectTypeOf(result).toEqualTypeOf<PlatformResult<unknown>>();
    if (!result.error) {
      expectTypeOf(result.data).toBeUnknown();
      // @ts-expect-error: unknown must be checked before use
      void result.data.title;
    }
    expectTypeOf(platform.invoke<UnknownTools>('mcp_3', 'whatever', {})).resolves.toEqualTypeOf<
      PlatformResult<unknown>
    >();
    // @ts-expect-error: arguments are still an object
    void untyped.invoke('anything', 'not an object');
  });

  it("the platform's own map can be replaced as a whole", () => {
    const remoteOnly = createPlexMcpPlatform<RemoteTools>({ baseUrl: 'http://h', apiKey: 'k' });
    expectTypeOf(remoteOnly.invoke('mcp_2', 'greet', { name: 'Ada' })).resolves.toEqualTypeOf<
      PlatformResult<{ greeting: string }>
    >();
    // @ts-expect-error: not a tool of this map
    void remoteOnly.invoke('mcp_2', 'media_search', { query: 'x' });
  });
});

describe('the /v1 methods answer the generated types', () => {
  it('lists carry pagination and iterate yields pages', async () => {
    expectTypeOf(platform.mcps.list()).resolves.toEqualTypeOf<PageResult<Mcp>>();
    expectTypeOf(platform.apiKeys.list({ page: 2, per_page: 5 })).resolves.toEqualTypeOf<
      PageResult<ApiKey>
    >();
    expectTypeOf(platform.usage.history({ granularity: 'hour' })).resolves.toEqualTypeOf<
      PageResult<UsagePoint>
    >();
    for await (const page of platform.apiKeys.iterate({ per_page: 100 })) {
      if (page.error) {
        expectTypeOf(page.pagination).toEqualTypeOf<undefined>();
      } else {
        expectTypeOf(page.data).toEqualTypeOf<ApiKey[]>();
        expectTypeOf(page.pagination.total_pages).toEqualTypeOf<number>();
      }
    }
  });

  it('each method answers what the OpenAPI document says', () => {
    expectTypeOf<Mcp[]>().toEqualTypeOf<Answered<'getMcps'>>();
    expectTypeOf<McpDetail>().toEqualTypeOf<Answered<'getMcpsId'>>();
    expectTypeOf<McpTool[]>().toEqualTypeOf<Answered<'getMcpsIdTools'>>();
    expectTypeOf<ApiKey>().toEqualTypeOf<Answered<'deleteApiKeysId'>>();
    expectTypeOf<Usage>().toEqualTypeOf<Answered<'getUsage'>>();
    expectTypeOf(platform.mcps.get('mcp_1')).resolves.toEqualTypeOf<PlatformResult<McpDetail>>();
    expectTypeOf(platform.apiKeys.create({ name: 'ci', scopes: ['read'] })).resolves.toEqualTypeOf<
      PlatformResult<CreatedApiKey>
    >();
    expectTypeOf(platform.usage.get()).resolves.toEqualTypeOf<PlatformResult<Usage>>();
  });

  it('request bodies are checked: MCP kinds, scopes, roles', () => {
    void platform.mcps.create({ kind: 'plex', name: 'Den', url: 'http://den:32400', token: 't' });
    void platform.mcps.create({
      kind: 'remote',
      name: 'Tools',
      url: 'https://tools.example/mcp',
      headers: { authorization: 'Bearer x' },
    });
    // @ts-expect-error: no such MCP kind
    void platform.mcps.create({ kind: 'jellyfin', name: 'J', url: 'http://j' });
    // @ts-expect-error: a remote MCP has headers, not a Plex token
    void platform.mcps.create({ kind: 'remote', name: 'R', url: 'http://r', token: 't' });
    // @ts-expect-error: a Plex MCP has a token, not headers
    void platform.mcps.create({ kind: 'plex', name: 'P', url: 'http://p', headers: {} });
    // @ts-expect-error: the kind of an MCP never changes
    void platform.mcps.update('mcp_1', { kind: 'remote' });
    void platform.mcps.update('mcp_1', { access: 'delete', toolsets: null });
    // @ts-expect-error: not a scope
    void platform.apiKeys.create({ name: 'ci', scopes: ['root'] });
    // @ts-expect-error: not a role
    void platform.organization.members.add({ email: 'a@b.c', name: 'A', role: 'boss' });
    // @ts-expect-error: not a role
    void platform.organization.members.update('usr_1', { role: 'boss' });
  });
});
