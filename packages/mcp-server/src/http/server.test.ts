import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../config/config.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { type HttpServerOptions, type PlexHttpServer, startHttpServer } from './server.js';

const ADMIN = 'admin-key-0123456789-abcdefghijkl';
const READER = 'reader-key-0123456789-mnopqrstuvw';
const open: PlexHttpServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A real HTTP server on a free loopback port over an emulated Plex. */
async function serve(options: Partial<HttpServerOptions> = {}) {
  const { plex } = emulatedPlex();
  const server = await startHttpServer({
    plex,
    port: 0,
    config: { defaultUsername: 'demo_owner' },
    ...options,
  });
  open.push(server);
  return server;
}

const withKeys = () => serve({ apiKeys: parseApiKeys([ADMIN, `${READER}:read`]) });

async function json(response: Response) {
  // biome-ignore lint/suspicious/noExplicitAny: the tests read many JSON shapes; expect() checks them.
  return { status: response.status, body: (await response.json()) as any };
}

const call = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/tools/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(json);

/** A raw request, for headers fetch will not let us set (Host). */
function raw(url: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('REST', () => {
  it('answers /health', async () => {
    const { url } = await serve();
    expect(await json(await fetch(`${url}/health`))).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('lists the visible tools in the code-generator shape', async () => {
    const { url } = await serve();
    const { status, body } = await json(await fetch(`${url}/tools`));
    expect(status).toBe(200);
    const names = (body as { name: string }[]).map((tool) => tool.name);
    expect(names).toContain('media_search');
    expect(names).not.toContain('media_delete');
    expect(body.find((tool: { name: string }) => tool.name === 'media_search')).toMatchObject({
      title: expect.any(String),
      description: expect.any(String),
      parameters: { type: 'object', required: ['query'] },
      output_schema: { type: 'object' },
      annotations: { readOnlyHint: true },
      access: 'read',
      module: 'media',
    });
  });

  it('answers one tool and its bare input schema, 404 for unknown ones, 403 for hidden ones', async () => {
    const { url } = await serve();
    const one = await json(await fetch(`${url}/tools/library_list`));
    expect(one.body).toMatchObject({ name: 'library_list', access: 'read', module: 'library' });
    const schema = await json(await fetch(`${url}/tools/media_search/schema`));
    expect(schema.body).toMatchObject({ type: 'object', required: ['query'] });
    expect((await fetch(`${url}/tools/nope`)).status).toBe(404);
    const hidden = await fetch(`${url}/tools/media_delete`);
    expect(hidden.status).toBe(403);
    expect(JSON.stringify(await hidden.json())).toContain(
      'media_delete is hidden on this server: it needs delete access (start the server with --access delete).',
    );
    const called = await call(url, { tool_name: 'media_delete', arguments: { media_id: '1000' } });
    expect(called.status).toBe(403);
    expect(called.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^media_delete is hidden on this server/),
    });
    const unknown = await call(url, { tool_name: 'nope', arguments: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/There is no tool named "nope"/);
  });

  it('calls tools with the {success, result, error} envelope and matching statuses', async () => {
    const { url } = await serve();
    const ok = await call(url, { tool_name: 'library_list', arguments: {} });
    expect(ok.status).toBe(200);
    expect(ok.body.success).toBe(true);
    expect(ok.body.error).toBeNull();
    expect(ok.body.result.libraries.map((l: { title: string }) => l.title)).toEqual([
      'Movies',
      'TV Shows',
      'Music',
    ]);

    const invalid = await call(url, { tool_name: 'media_search', arguments: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      success: false,
      result: null,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('query') },
    });

    const unknown = await call(url, { tool_name: 'nope', arguments: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', details: null });

    const missing = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media: '999999' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');

    const ambiguous = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media: 'Sherlock Holmes' },
    });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.code).toBe('AMBIGUOUS');
    expect(ambiguous.body.error.details.candidates).toHaveLength(2);
  });

  it('answers 400 for malformed JSON or a bad envelope, 413 beyond the body cap', async () => {
    const { url } = await serve({ limits: { 'body-bytes': 1024 } });
    const malformed = await call(url, '{"tool_name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_INPUT');
    expect((await call(url, { arguments: {} })).status).toBe(400);
    expect((await call(url, { tool_name: 'library_list', arguments: [] })).status).toBe(400);
    const big = await call(url, {
      tool_name: 'media_search',
      arguments: { query: 'x'.repeat(2000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const mcpBig = await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ padding: 'x'.repeat(2000) }),
    });
    expect(mcpBig.status).toBe(413);
  });
});

describe('security', () => {
  it('requires a valid key when keys are configured, in any of the three forms', async () => {
    const { url } = await withKeys();
    const none = await json(await fetch(`${url}/tools`));
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    const wrong = await fetch(`${url}/tools`, {
      headers: { authorization: 'Bearer wrong-key-000000' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('wrong-key');
    expect(
      (await fetch(`${url}/tools`, { headers: { authorization: `Bearer ${ADMIN}` } })).status,
    ).toBe(200);
    expect((await fetch(`${url}/tools`, { headers: { 'x-api-key': ADMIN } })).status).toBe(200);
    expect((await fetch(`${url}/tools?apikey=${ADMIN}`)).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it("narrows a scoped key's tools: hidden from /tools, 403 when called", async () => {
    const { url } = await withKeys();
    const headers = { 'x-api-key': READER };
    const listed = await json(await fetch(`${url}/tools`, { headers }));
    expect(listed.body.every((tool: { access: string }) => tool.access === 'read')).toBe(true);
    expect(listed.body.map((tool: { name: string }) => tool.name)).not.toContain(
      'media_set_watched',
    );
    const write = await call(
      url,
      { tool_name: 'media_set_watched', arguments: { media: '1000', watched: true } },
      headers,
    );
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    expect((await fetch(`${url}/tools/media_set_watched`, { headers })).status).toBe(403);
    const admin = await call(
      url,
      { tool_name: 'media_set_watched', arguments: { media: '1000', watched: true } },
      { authorization: `Bearer ${ADMIN}` },
    );
    expect(admin.status).toBe(200);
  });

  it('refuses a non-loopback bind without keys', async () => {
    await expect(serve({ host: '0.0.0.0' })).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0/);
  });

  it('answers 403 to a foreign Host or Origin, and accepts allowed ones', async () => {
    const { url } = await serve({
      allowedHosts: ['plex-mcp.lan'],
      allowedOrigins: ['https://console.example'],
    });
    const own = new URL(url).host;
    expect(await raw(`${url}/tools`, { host: 'evil.example' })).toBe(403);
    expect(await raw(`${url}/tools`, { origin: 'http://evil.example' })).toBe(403);
    expect(await raw(`${url}/mcp`, { host: 'evil.example:3001' })).toBe(403);
    expect(await raw(`${url}/tools`, { host: 'plex-mcp.lan:3001' })).toBe(200);
    // A page on another local port is another site.
    expect(await raw(`${url}/tools`, { origin: 'http://localhost:5173' })).toBe(403);
    expect(await raw(`${url}/tools`, { origin: 'null' })).toBe(403);
    expect(await raw(`${url}/tools`, { origin: `http://${own}` })).toBe(200);
    expect(await raw(`${url}/tools`, { origin: 'https://console.example' })).toBe(200);
    // A page's GET without Origin (an <img>, a no-cors fetch) still says it is cross-site.
    expect(await raw(`${url}/sse`, { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await raw(`${url}/tools`, { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await raw(`${url}/tools`, { 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await raw(`${url}/tools`, { 'sec-fetch-site': 'none' })).toBe(200);
  });
});

async function connectClient(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers },
  });
  await client.connect(transport);
  return { client, transport };
}

describe('Streamable HTTP', () => {
  it('serves a stateful session to a real SDK client, and closes it on DELETE', async () => {
    const server = await serve();
    const { client, transport } = await connectClient(server.url);
    expect(transport.sessionId).toEqual(expect.any(String));
    expect(server.sessionCount()).toBe(1);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('media_search');
    const result = await client.callTool({ name: 'media_search', arguments: { query: 'charade' } });
    expect(JSON.stringify(result.structuredContent)).toContain('Charade');
    await transport.terminateSession();
    await client.close();
    expect(server.sessionCount()).toBe(0);
  });

  it('serves stateless requests', async () => {
    const server = await serve({ stateless: true });
    const { client, transport } = await connectClient(server.url);
    expect(transport.sessionId).toBeUndefined();
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    await client.close();
    expect(server.sessionCount()).toBe(0);
  });

  it("narrows a session to its key's scopes and keeps other keys out of it", async () => {
    const server = await withKeys();
    await expect(connectClient(server.url)).rejects.toThrow();
    const reader = await connectClient(server.url, { 'x-api-key': READER });
    const { tools } = await reader.client.listTools();
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    await expect(
      reader.client.callTool({
        name: 'media_set_watched',
        arguments: { media: '1000', watched: true },
      }),
    ).rejects.toThrow(/API key's scopes do not include write, which media_set_watched needs/);
    const hijack = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': reader.transport.sessionId ?? '',
        'mcp-protocol-version': '2025-06-18',
        'x-api-key': ADMIN,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(hijack.status).toBe(404);
    await reader.client.close();
  });

  it('caps the number of sessions and expires idle ones', async () => {
    const server = await serve({ limits: { sessions: 1 } });
    const first = await connectClient(server.url);
    // The cap makes room by closing the least recently used session, never by refusing.
    const second = await connectClient(server.url);
    expect(server.sessionCount()).toBe(1);
    await expect(first.client.listTools()).rejects.toThrow(/404|Session not found/);
    expect((await second.client.listTools()).tools.length).toBeGreaterThan(0);
    await second.client.close();
    const short = await serve({ limits: { 'session-idle-seconds': 1 } });
    const idle = await connectClient(short.url);
    expect(short.sessionCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(short.sessionCount()).toBe(0);
    await idle.client.close();
  });
});

async function connectSse(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'sse-test', version: '1.0.0' });
  const transport = new SSEClientTransport(new URL(`${url}/sse`), { requestInit: { headers } });
  await client.connect(transport);
  return { client, transport };
}

/** Opens `/sse` raw and answers the status, headers and the first event's data line. */
function firstSseEvent(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; data: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        url,
        { headers: { accept: 'text/event-stream', ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('\n\n') || res.statusCode !== 200) {
              req.destroy();
              const data = /^data: (.*)$/m.exec(text)?.[1] ?? text;
              resolve({ status: res.statusCode ?? 0, headers: res.headers, data });
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('MoviePilot door and the other doors', () => {
  it("DELETE /api/v1/mcp ends only its own door's sessions", async () => {
    const server = await serve();
    const { client, transport } = await connectClient(server.url);
    const id = transport.sessionId ?? '';
    const deleted = await fetch(`${server.url}/api/v1/mcp`, {
      method: 'DELETE',
      headers: { 'mcp-session-id': id },
    });
    expect(deleted.status).toBe(404);
    expect(((await deleted.json()) as { error: { code: number } }).error.code).toBe(-32002);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });
});

describe('legacy SSE', () => {
  it('serves a real SDK SSE client: list and call', async () => {
    const server = await serve();
    const { client } = await connectSse(server.url);
    expect(server.sessionCount()).toBe(1);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('media_search');
    const result = await client.callTool({ name: 'media_search', arguments: { query: 'charade' } });
    expect(JSON.stringify(result.structuredContent)).toContain('Charade');
    await client.close();
    await until(() => server.sessionCount() === 0);
    expect(server.sessionCount()).toBe(0);
  });

  it('names a relative endpoint, so a path-prefix reverse proxy keeps working', async () => {
    const { url } = await serve();
    const event = await firstSseEvent(`${url}/sse`);
    expect(event.status).toBe(200);
    expect(event.data).toMatch(/^messages\/\?sessionId=[0-9a-f-]{36}$/);
    expect(new URL(event.data, 'https://proxy.example/plex/sse').pathname).toBe('/plex/messages/');
    const slash = await firstSseEvent(`${url}/sse/`);
    expect(slash.data).toMatch(/^\.\.\/messages\/\?sessionId=/);
    expect(new URL(slash.data, 'https://proxy.example/plex/sse/').pathname).toBe('/plex/messages/');
  });

  it('guards SSE like /mcp: keys, scopes, session ownership, unknown sessions', async () => {
    const server = await withKeys();
    expect((await firstSseEvent(`${server.url}/sse`)).status).toBe(401);
    expect((await firstSseEvent(`${server.url}/sse`, { host: 'evil.example' })).status).toBe(403);
    const reader = await connectSse(server.url, { 'x-api-key': READER });
    const { tools } = await reader.client.listTools();
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    const event = await firstSseEvent(`${server.url}/sse`, { 'x-api-key': READER });
    const post = (path: string, key: string) =>
      fetch(`${server.url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    // That raw stream is closed now, so its session is gone even for its own key.
    const own = new URL(event.data, `${server.url}/sse`);
    await until(() => server.sessionCount() === 1);
    expect((await post(`messages/${own.search}`, READER)).status).toBe(404);
    const unknown = await post('messages/?sessionId=00000000-0000-0000-0000-000000000000', ADMIN);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).body.error.code).toBe(-32001);
    expect((await post('messages/', ADMIN)).status).toBe(404);
    await reader.client.close();
  });

  it('keeps another key out of an SSE session and caps the message body', async () => {
    const server = await serve({
      apiKeys: parseApiKeys([ADMIN, `${READER}:read`]),
      limits: { 'body-bytes': 1024 },
    });
    const reader = await connectSse(server.url, { 'x-api-key': READER });
    // The live session's endpoint, as the SDK client resolved it from the endpoint event.
    const live = (reader.transport as unknown as { _endpoint: URL })._endpoint;
    const send = (key: string, body: string) =>
      fetch(live, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body,
      });
    const list = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' });
    expect((await send(ADMIN, list)).status).toBe(404);
    expect((await send(READER, list)).status).toBe(202);
    expect((await send(READER, JSON.stringify({ pad: 'x'.repeat(2000) }))).status).toBe(413);
    expect((await send(READER, '{"jsonrpc":')).status).toBe(400);
    await reader.client.close();
  });

  it('shares the session cap with Streamable HTTP', async () => {
    const server = await serve({ limits: { sessions: 1 } });
    const first = await connectSse(server.url);
    const endpoint = (first.transport as unknown as { _endpoint: URL })._endpoint;
    // A Streamable HTTP session takes the only place: the SSE session is ended.
    const next = await connectClient(server.url);
    const late = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' }),
    });
    expect(late.status).toBe(404);
    await first.client.close();
    expect((await next.client.listTools()).tools.length).toBeGreaterThan(0);
    await next.client.close();
  });
});

describe('rate limit', () => {
  const rpc = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });

  it('answers X-RateLimit-* headers that count down', async () => {
    const { url } = await serve({ rateLimit: { perSecond: 1, burst: 5 } });
    const first = await fetch(`${url}/tools`);
    const second = await fetch(`${url}/tools/library_list`);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('3');
    expect(Number(second.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    const mcp = await rpc(url);
    expect(mcp.headers.get('x-ratelimit-remaining')).toBe('2');
    expect((await fetch(`${url}/health`)).headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('answers 429 after the burst, per key, in the REST and JSON-RPC shapes', async () => {
    const { url } = await serve({
      apiKeys: parseApiKeys([ADMIN, `${READER}:read`]),
      rateLimit: { perSecond: 0.5, burst: 3 },
    });
    const admin = { 'x-api-key': ADMIN };
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${url}/tools`, { headers: admin })).status).toBe(200);
    }
    const limited = await fetch(`${url}/tools`, { headers: admin });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(limited)).body).toMatchObject({
      success: false,
      result: null,
      error: { code: 'RATE_LIMITED', message: expect.any(String), details: { burst: 3 } },
    });
    const call429 = await call(url, { tool_name: 'library_list', arguments: {} }, admin);
    expect(call429.status).toBe(429);
    const mcp = await json(await rpc(url, admin));
    expect(mcp.status).toBe(429);
    expect(mcp.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } });
    expect((await firstSseEvent(`${url}/sse`, admin)).status).toBe(429);
    const other = await fetch(`${url}/tools`, { headers: { 'x-api-key': READER } });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('allows requests again once the bucket refills', async () => {
    const { url } = await serve({ rateLimit: { perSecond: 20, burst: 2 } });
    await fetch(`${url}/tools`);
    await fetch(`${url}/tools`);
    expect((await fetch(`${url}/tools`)).status).toBe(429);
    let status = 429;
    for (let i = 0; i < 40 && status === 429; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await fetch(`${url}/tools`)).status;
    }
    expect(status).toBe(200);
  });

  it('can be turned off', async () => {
    const { url } = await serve({ rateLimit: false });
    const response = await fetch(`${url}/tools`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('protocol version negotiation (Streamable HTTP)', () => {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };

  /** POSTs one JSON-RPC message and reads the answer, whether JSON or one SSE event. */
  async function post(url: string, message: unknown, extra: Record<string, string> = {}) {
    const response = await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: { ...headers, ...extra },
      body: JSON.stringify(message),
    });
    const text = await response.text();
    const data = response.headers.get('content-type')?.includes('text/event-stream')
      ? (/^data: (.*)$/m.exec(text)?.[1] ?? '')
      : text;
    return {
      status: response.status,
      sessionId: response.headers.get('mcp-session-id'),
      // biome-ignore lint/suspicious/noExplicitAny: expect() checks the shape.
      body: (data ? JSON.parse(data) : undefined) as any,
    };
  }

  const initialize = (protocolVersion: string) => ({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } },
  });

  it('the SDK supports every version the design names', () => {
    expect(LATEST_PROTOCOL_VERSION).toBe('2025-11-25');
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual(
      expect.arrayContaining(['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']),
    );
  });

  for (const version of ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']) {
    it(`initializes with ${version} and gets it back`, async () => {
      const { url } = await serve();
      const init = await post(url, initialize(version));
      expect(init.status).toBe(200);
      expect(init.sessionId).toEqual(expect.any(String));
      expect(init.body.result).toMatchObject({
        protocolVersion: version,
        serverInfo: { name: 'plexmcp' },
        capabilities: { tools: {} },
      });
      const session = { 'mcp-session-id': init.sessionId ?? '', 'mcp-protocol-version': version };
      const initialized = await fetch(`${url}/mcp`, {
        method: 'POST',
        headers: { ...headers, ...session },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      });
      expect(initialized.status).toBe(202);
      const listed = await post(url, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, session);
      expect(listed.status).toBe(200);
      expect(listed.body.result.tools.length).toBeGreaterThan(10);
    });
  }

  it('answers an unknown requested version with the latest one', async () => {
    const { url } = await serve();
    const init = await post(url, initialize('1999-01-01'));
    expect(init.body.result.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  it('answers 400 to a bad mcp-protocol-version header after initialize', async () => {
    const { url } = await serve();
    const init = await post(url, initialize('2025-06-18'));
    const bad = await post(
      url,
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { 'mcp-session-id': init.sessionId ?? '', 'mcp-protocol-version': '1999-01-01' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Unsupported protocol version/);
  });
});
