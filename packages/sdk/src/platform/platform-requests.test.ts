import { describe, expect, it } from 'vitest';
import { closedPort, stubServer } from '../testing/ports.js';
import { createPlexMcpPlatform } from './create-platform.js';

const KEY = 'plexmcp_hdrK3yForRequestTests000000000000';

/** A platform client whose fetch records each request and answers `answer`. */
function recording(
  answer: () => Response = () => Response.json({ success: true, data: {} }),
  baseUrl = 'http://plex.example:8080/plexmcp',
) {
  const requests: Request[] = [];
  const platform = createPlexMcpPlatform({
    baseUrl,
    apiKey: KEY,
    fetch: async (input, init) => {
      requests.push(new Request(input, init));
      return answer();
    },
  });
  return { platform, requests };
}

describe('the requests the platform client sends', () => {
  it('under /v1 of the base path, with the key in a bearer header only', async () => {
    const { platform, requests } = recording();
    await platform.apiKeys.list({ page: 2, per_page: 5 });
    await platform.apiKeys.revoke('key_abc');
    await platform.mcps.update('mcp_1', { name: 'Den' });
    await platform.invoke('mcp_1', 'media_search', { query: 'charade' });
    await platform.resources.read('mcp_1', 'plex://library/1');
    await platform.usage.history({ granularity: 'hour', mcp_id: 'mcp_1' });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET http://plex.example:8080/plexmcp/v1/api-keys?page=2&per_page=5',
      'DELETE http://plex.example:8080/plexmcp/v1/api-keys/key_abc',
      'PATCH http://plex.example:8080/plexmcp/v1/mcps/mcp_1',
      'POST http://plex.example:8080/plexmcp/v1/mcp/invoke',
      'POST http://plex.example:8080/plexmcp/v1/mcp/resources',
      'GET http://plex.example:8080/plexmcp/v1/usage/history?granularity=hour&mcp_id=mcp_1',
    ]);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${KEY}`);
      expect(request.headers.get('accept')).toBe('application/json');
      expect(request.url).not.toContain(KEY);
    }
    expect(requests[2]?.headers.get('content-type')).toBe('application/json');
    expect(await requests[2]?.json()).toEqual({ name: 'Den' });
    expect(await requests[3]?.json()).toEqual({
      mcp_id: 'mcp_1',
      tool: 'media_search',
      arguments: { query: 'charade' },
    });
    expect(await requests[4]?.json()).toEqual({ mcp_id: 'mcp_1', uri: 'plex://library/1' });
  });

  it('keeps a base URL that already ends in /v1, and escapes ids in paths', async () => {
    const { platform, requests } = recording(undefined, 'https://api.example/v1');
    await platform.mcps.get('mcp_../../usage');
    await platform.invoke('mcp_1', 'library_list');
    expect(requests.map((request) => request.url)).toEqual([
      'https://api.example/v1/mcps/mcp_..%2F..%2Fusage',
      'https://api.example/v1/mcp/invoke',
    ]);
    expect(await requests[1]?.json()).toEqual({
      mcp_id: 'mcp_1',
      tool: 'library_list',
      arguments: {},
    });
  });

  it('stops walking pages at the last one', async () => {
    let served = 0;
    const { platform, requests } = recording(() => {
      served++;
      return Response.json({
        success: true,
        data: [served],
        pagination: { page: served, per_page: 1, total: 3, total_pages: 3 },
      });
    });
    const items: unknown[] = [];
    for await (const page of platform.mcps.iterate({ per_page: 1 }))
      items.push(...(page.data ?? []));
    expect(items).toEqual([1, 2, 3]);
    expect(requests.map((request) => new URL(request.url).search)).toEqual([
      '?per_page=1&page=1',
      '?per_page=1&page=2',
      '?per_page=1&page=3',
    ]);
  });
});

describe('answers without a platform body', () => {
  it('server_unreachable, timeout, cancelled, invalid_response and http_error, never thrown', async () => {
    const port = await closedPort();
    const down = await createPlexMcpPlatform({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: KEY,
    }).organization.get();
    expect(down.error).toEqual({
      code: 'server_unreachable',
      message: `Could not reach the plexmcp server at http://127.0.0.1:${port}/v1 (ECONNREFUSED). Is it running with --transport http, and is baseUrl right?`,
      details: null,
      status: null,
    });

    const silent = await stubServer(() => {
      // Never answers.
    });
    const hung = createPlexMcpPlatform({ baseUrl: silent.url, apiKey: KEY, timeoutMs: 200 });
    expect((await hung.usage.get()).error).toMatchObject({ code: 'timeout', status: null });
    expect((await hung.usage.get({ timeoutMs: 50 })).error?.message).toMatch(/within 50 ms/);
    const controller = new AbortController();
    const pending = hung.usage.get({ signal: controller.signal });
    controller.abort();
    expect((await pending).error).toMatchObject({ code: 'cancelled', status: null });
    await silent.close();

    const proxy = await stubServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    });
    const html = await createPlexMcpPlatform({ baseUrl: proxy.url, apiKey: KEY }).usage.get();
    expect(html.error).toMatchObject({ code: 'invalid_response', status: 502, details: null });
    await proxy.close();

    const bare = await stubServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
    });
    const empty = await createPlexMcpPlatform({ baseUrl: bare.url, apiKey: KEY }).usage.get();
    expect(empty.error).toEqual({
      code: 'http_error',
      message: `Got HTTP 503 without a platform error body from the plexmcp server at ${bare.url}/v1.`,
      details: null,
      status: 503,
    });
    await bare.close();
  });
});

describe('misuse throws before any request', () => {
  it('says what to pass', () => {
    const make = (options: object) =>
      createPlexMcpPlatform({ baseUrl: 'http://h', apiKey: KEY, ...options });
    expect(() => make({ baseUrl: 'not a url' })).toThrow(/^baseUrl must be an absolute URL/);
    expect(() => make({ baseUrl: 'http://h/?apikey=x' })).toThrow(
      'baseUrl must not carry credentials or a query; pass the key as apiKey.',
    );
    expect(() => make({ apiKey: undefined })).toThrow(
      'apiKey must be a non-empty string of visible ASCII characters.',
    );
    expect(() => make({ timeoutMs: 0 })).toThrow(/^timeoutMs must be a whole number/);
    expect(() => make({ retryOnRateLimit: { maxWaitMs: -1 } })).toThrow(
      'retryOnRateLimit.maxWaitMs must be a whole number of milliseconds from 0 to 2147483647; got -1.',
    );
    expect(() => make({ retryOnRateLimit: { maxWaitMs: 1000, maxRetries: 0 } })).toThrow(
      'retryOnRateLimit.maxRetries must be a whole number from 1 to 100; got 0.',
    );

    const platform = make({});
    expect(() => platform.mcps.get('')).toThrow(
      'mcps.get: id must be a non-empty string such as "mcp_…" or "key_…".',
    );
    expect(() => platform.apiKeys.revoke(42 as never)).toThrow(/^apiKeys.revoke: id must be/);
    expect(() => platform.invoke('mcp_1', '' as 'library_list')).toThrow(
      'invoke: tool must be a tool name such as "media_search".',
    );
    expect(() => platform.invoke('mcp_1', 'media_search', [] as never)).toThrow(
      'invoke: args must be an object.',
    );
    expect(() => platform.mcp('')).toThrow(/^mcp: id must be/);
    expect(() => platform.resources.read('mcp_1', '')).toThrow(/^resources.read: uri must be/);
    expect(() => platform.usage.get({ timeoutMs: 1.5 })).toThrow(/^timeoutMs must be/);
  });
});
