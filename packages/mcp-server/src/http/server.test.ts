import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../config/config.js';
import { type HttpServerOptions, type PlexHttpServer, startHttpServer } from './server.js';

const ADMIN = 'admin-key-0123456789';
const READER = 'reader-key-0123456789';
const open: PlexHttpServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A real HTTP server on a free loopback port over an emulated Plex. */
async function serve(options: Partial<HttpServerOptions> = {}) {
  const emulator = createPlexEmulator();
  const plex = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    token: emulator.token,
    retry: false,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  });
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

  it('answers one tool and its bare input schema, 404 for unknown or hidden ones', async () => {
    const { url } = await serve();
    const one = await json(await fetch(`${url}/tools/library_list`));
    expect(one.body).toMatchObject({ name: 'library_list', access: 'read', module: 'library' });
    const schema = await json(await fetch(`${url}/tools/media_search/schema`));
    expect(schema.body).toMatchObject({ type: 'object', required: ['query'] });
    expect((await fetch(`${url}/tools/nope`)).status).toBe(404);
    expect((await fetch(`${url}/tools/media_delete`)).status).toBe(404);
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
      arguments: { media_id: '999999' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');

    const ambiguous = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media_title: 'Sherlock Holmes' },
    });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.code).toBe('AMBIGUOUS');
    expect(ambiguous.body.error.details.candidates).toHaveLength(2);
  });

  it('answers 400 for malformed JSON or a bad envelope, 413 beyond the body cap', async () => {
    const { url } = await serve({ maxBodyBytes: 1024 });
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
      { tool_name: 'media_set_watched', arguments: { media_id: '1000', watched: true } },
      headers,
    );
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    expect((await fetch(`${url}/tools/media_set_watched`, { headers })).status).toBe(403);
    const admin = await call(
      url,
      { tool_name: 'media_set_watched', arguments: { media_id: '1000', watched: true } },
      { authorization: `Bearer ${ADMIN}` },
    );
    expect(admin.status).toBe(200);
  });

  it('refuses a non-loopback bind without keys', async () => {
    await expect(serve({ host: '0.0.0.0' })).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0/);
  });

  it('answers 403 to a foreign Host or Origin, and accepts allowed ones', async () => {
    const { url } = await serve({ allowedHosts: ['plex-mcp.lan'] });
    expect(await raw(`${url}/tools`, { host: 'evil.example' })).toBe(403);
    expect(await raw(`${url}/tools`, { origin: 'http://evil.example' })).toBe(403);
    expect(await raw(`${url}/mcp`, { host: 'evil.example:3001' })).toBe(403);
    expect(await raw(`${url}/tools`, { host: 'plex-mcp.lan:3001' })).toBe(200);
    expect(await raw(`${url}/tools`, { origin: 'http://localhost:5173' })).toBe(200);
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
        arguments: { media_id: '1000', watched: true },
      }),
    ).rejects.toThrow(/Unknown tool/);
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
    const server = await serve({ maxSessions: 1, sessionIdleMs: 60_000 });
    const first = await connectClient(server.url);
    await expect(connectClient(server.url)).rejects.toThrow(/503|Too many/);
    await first.client.close();
    const short = await serve({ sessionIdleMs: 50 });
    const idle = await connectClient(short.url);
    expect(short.sessionCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(short.sessionCount()).toBe(0);
    await idle.client.close();
  });
});
