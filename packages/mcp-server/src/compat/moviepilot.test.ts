/**
 * MoviePilot's MCP API at `/api/v1/mcp`, exercised the way a third-party client written from
 * that document would: plain fetch, the literal request shapes, exact answer shapes.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import {
  ADMIN,
  type Answer,
  closeServersAfterEach,
  expectEnvelope,
  INTERNAL_DUMP,
  keysOf,
  OTHER,
  READER,
  request,
  requestBare,
  serve,
} from './compat-server.js';

closeServersAfterEach();

const ENDPOINT = '/api/v1/mcp';

/** The two ways a MoviePilot client asks: JSON only, or no Accept header at all. */
const ACCEPTS: Record<string, Record<string, string>> = {
  'Accept: application/json': { accept: 'application/json' },
  'no Accept header': {},
};

/** A JSON-RPC client of the document: one POST per message, the key in X-API-KEY. */
function rpcClient(base: string, extra: Record<string, string> = { accept: 'application/json' }) {
  const headers = (key: string, session?: string) => ({
    'content-type': 'application/json',
    'x-api-key': key,
    ...extra,
    ...(session === undefined ? {} : { 'mcp-session-id': session }),
  });
  // fetch always adds an Accept header; without an Accept of our own, go through node:http.
  const send = 'accept' in extra ? request : requestBare;
  return {
    /** POSTs a raw body (string) or a message (object). */
    post(message: unknown, session?: string, key = ADMIN): Promise<Answer> {
      return send(`${base}${ENDPOINT}`, {
        method: 'POST',
        headers: headers(key, session),
        body: typeof message === 'string' ? message : JSON.stringify(message),
      });
    },
    remove(session?: string, key = ADMIN): Promise<Answer> {
      const { 'content-type': _, ...rest } = headers(key, session);
      return send(`${base}${ENDPOINT}`, { method: 'DELETE', headers: rest });
    },
  };
}

const initialize = (protocolVersion: string, id: number | string = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: {
    protocolVersion,
    capabilities: {},
    clientInfo: { name: 'moviepilot-client', version: '1.0.0' },
  },
});
const INITIALIZED = { jsonrpc: '2.0', method: 'notifications/initialized' };

/** initialize + notifications/initialized; answers the session id. */
async function openSession(client: ReturnType<typeof rpcClient>, key = ADMIN): Promise<string> {
  const init = await client.post(initialize('2025-11-25'), undefined, key);
  expect(init.status, init.text).toBe(200);
  const session = init.headers.get('mcp-session-id');
  expect(session).toEqual(expect.any(String));
  const ready = await client.post(INITIALIZED, session ?? '', key);
  expect(ready.status, ready.text).toBe(202);
  return session ?? '';
}

/** A JSON-RPC error answer: status, exact envelope, code, the id echoed. */
function expectRpcError(answer: Answer, status: number, code: number, id: unknown) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json\b/);
  expect(keysOf(answer.json)).toEqual(['error', 'id', 'jsonrpc']);
  expect(answer.json.jsonrpc).toBe('2.0');
  expect(answer.json.id).toEqual(id);
  expect(keysOf(answer.json.error)).toEqual(['code', 'message']);
  expect(answer.json.error.code).toBe(code);
  expect(answer.json.error.message).toEqual(expect.any(String));
}

/** A JSON-RPC success answer: 200 JSON, exact envelope, the id echoed; answers `result`. */
// biome-ignore lint/suspicious/noExplicitAny: the result's shape is checked by the caller.
function expectRpcResult(answer: Answer, id: unknown): any {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json\b/);
  expect(keysOf(answer.json)).toEqual(['id', 'jsonrpc', 'result']);
  expect(answer.json.jsonrpc).toBe('2.0');
  expect(answer.json.id).toEqual(id);
  return answer.json.result;
}

describe('MoviePilot JSON-RPC: the documented conversation', () => {
  for (const [label, accept] of Object.entries(ACCEPTS)) {
    describe(label, () => {
      for (const version of ['2025-11-25', '2025-06-18', '2024-11-05']) {
        it(`negotiates protocol version ${version} back`, async () => {
          const { url } = await serve();
          const init = await rpcClient(url, accept).post(initialize(version));
          const result = expectRpcResult(init, 1);
          expect(init.headers.get('Mcp-Session-Id')).toMatch(/\S/);
          expect(keysOf(result)).toEqual(['capabilities', 'protocolVersion', 'serverInfo']);
          expect(result.protocolVersion).toBe(version);
          expect(result.serverInfo).toMatchObject({ name: expect.any(String) });
          expect(result.capabilities).toMatchObject({ tools: expect.any(Object) });
        });
      }

      it('answers an unknown protocol version with 2025-11-25', async () => {
        const { url } = await serve();
        const init = await rpcClient(url, accept).post(initialize('1999-01-01', 'init-1'));
        expect(expectRpcResult(init, 'init-1').protocolVersion).toBe('2025-11-25');
      });

      it('initialize → initialized → tools/list → tools/call → ping → DELETE', async () => {
        const { url } = await serve();
        const client = rpcClient(url, accept);
        const init = await client.post(initialize('2025-11-25'));
        expectRpcResult(init, 1);
        const session = init.headers.get('mcp-session-id') ?? '';

        const ready = await client.post(INITIALIZED, session);
        expect(ready.status).toBe(202);
        expect(ready.text).toBe('');

        const listed = expectRpcResult(
          await client.post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, session),
          2,
        );
        expect(Array.isArray(listed.tools)).toBe(true);
        expect(listed.tools.length).toBeGreaterThan(10);
        for (const tool of listed.tools) {
          expect(tool).toMatchObject({
            name: expect.any(String),
            description: expect.any(String),
            inputSchema: { type: 'object' },
          });
        }
        expect(listed.tools.map((tool: { name: string }) => tool.name)).toContain('library_list');

        const called = expectRpcResult(
          await client.post(
            {
              jsonrpc: '2.0',
              id: 'call-3',
              method: 'tools/call',
              params: { name: 'library_list', arguments: {} },
            },
            session,
          ),
          'call-3',
        );
        expect(called.isError).toBeFalsy();
        expect(called.content[0].type).toBe('text');
        const libraries = JSON.parse(called.content[0].text).libraries;
        expect(libraries.map((library: { title: string }) => library.title)).toEqual([
          'Movies',
          'TV Shows',
          'Music',
        ]);

        const pong = await client.post({ jsonrpc: '2.0', id: 4, method: 'ping' }, session);
        expect(expectRpcResult(pong, 4)).toEqual({});

        const closed = await client.remove(session);
        expect(closed.status).toBe(204);
        expect(closed.text).toBe('');
        expectRpcError(
          await client.post({ jsonrpc: '2.0', id: 5, method: 'tools/list' }, session),
          404,
          -32002,
          5,
        );
        expectRpcError(await client.remove(session), 404, -32002, null);
      });
    });
  }
});

describe('MoviePilot JSON-RPC: every documented error code', () => {
  it('-32700 parse error for a body that is not JSON', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    expectRpcError(await client.post('{"jsonrpc":'), 400, -32700, null);
    const session = await openSession(client);
    expectRpcError(await client.post('{"jsonrpc":', session), 400, -32700, null);
  });

  it('-32600 invalid request: wrong jsonrpc, no method, a batch', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const session = await openSession(client);
    for (const target of [undefined, session]) {
      expectRpcError(
        await client.post({ jsonrpc: '1.0', id: 7, method: 'tools/list' }, target),
        400,
        -32600,
        7,
      );
      expectRpcError(
        await client.post({ jsonrpc: '2.0', id: 'no-method' }, target),
        400,
        -32600,
        'no-method',
      );
      expectRpcError(
        await client.post(
          [
            { jsonrpc: '2.0', id: 8, method: 'ping' },
            { jsonrpc: '2.0', id: 9, method: 'ping' },
          ],
          target,
        ),
        400,
        -32600,
        null,
      );
    }
  });

  it('-32601 for an unknown method after initialization', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const session = await openSession(client);
    expectRpcError(
      await client.post({ jsonrpc: '2.0', id: 10, method: 'resources/list' }, session),
      200,
      -32601,
      10,
    );
    expectRpcError(
      await client.post({ jsonrpc: '2.0', id: 11, method: 'plex/explode', params: {} }, session),
      200,
      -32601,
      11,
    );
  });

  it('-32602 invalid params, with no stack or path in the message', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const session = await openSession(client);
    const call = (id: number, params: unknown) =>
      client.post({ jsonrpc: '2.0', id, method: 'tools/call', params }, session);
    const answers = [
      [12, await call(12, { arguments: {} })],
      [13, await call(13, { name: 'library_list', arguments: [1, 2] })],
      [14, await call(14, { name: 'library_list', arguments: 'all' })],
      [15, await call(15, { name: 'no_such_tool', arguments: {} })],
    ] as const;
    for (const [id, answer] of answers) {
      expectRpcError(answer, 400, -32602, id);
      expect(answer.json.error.message).not.toMatch(INTERNAL_DUMP);
    }
    expect(answers[3][1].json.error.message).toMatch(/no_such_tool/);
  });

  it('-32002 for a made-up Mcp-Session-Id', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    expectRpcError(
      await client.post({ jsonrpc: '2.0', id: 16, method: 'tools/list' }, 'made-up-session-id'),
      404,
      -32002,
      16,
    );
    expectRpcError(
      await client.post(INITIALIZED, '00000000-0000-4000-8000-000000000000'),
      404,
      -32002,
      null,
    );
    expectRpcError(await client.remove('made-up-session-id'), 404, -32002, null);
  });

  it('-32003 before notifications/initialized and without a session; ping is always allowed', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    expect(
      expectRpcResult(await client.post({ jsonrpc: '2.0', id: 17, method: 'ping' }), 17),
    ).toEqual({});
    expectRpcError(
      await client.post({ jsonrpc: '2.0', id: 18, method: 'tools/list' }),
      400,
      -32003,
      18,
    );
    const init = await client.post(initialize('2025-06-18'));
    const session = init.headers.get('mcp-session-id') ?? '';
    expect(
      expectRpcResult(await client.post({ jsonrpc: '2.0', id: 19, method: 'ping' }, session), 19),
    ).toEqual({});
    expectRpcError(
      await client.post({ jsonrpc: '2.0', id: 20, method: 'tools/list' }, session),
      400,
      -32003,
      20,
    );
    expectRpcError(
      await client.post(
        { jsonrpc: '2.0', id: 21, method: 'tools/call', params: { name: 'library_list' } },
        session,
      ),
      400,
      -32003,
      21,
    );
    expect((await client.post(INITIALIZED, session)).status).toBe(202);
    expectRpcResult(
      await client.post({ jsonrpc: '2.0', id: 22, method: 'tools/list' }, session),
      22,
    );
  });
});

describe('MoviePilot JSON-RPC: API keys', () => {
  const listBody = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
  const post = (url: string, headers: Record<string, string>) =>
    request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: listBody,
    });

  it('401 without a key; X-API-KEY, ?apikey= and Authorization: Bearer all work', async () => {
    const { url } = await serve();
    const none = await post(`${url}${ENDPOINT}`, {});
    expect(none.status).toBe(401);
    expect(none.text).not.toContain(ADMIN);
    expect(expectRpcResult(await post(`${url}${ENDPOINT}`, { 'x-api-key': ADMIN }), 1)).toEqual({});
    expect(expectRpcResult(await post(`${url}${ENDPOINT}?apikey=${ADMIN}`, {}), 1)).toEqual({});
    expect(
      expectRpcResult(await post(`${url}${ENDPOINT}`, { authorization: `Bearer ${ADMIN}` }), 1),
    ).toEqual({});
    expect((await post(`${url}${ENDPOINT}`, { 'x-api-key': `${ADMIN}x` })).status).toBe(401);
  });

  it('a read-only key lists no write tool and cannot call one', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const listFor = async (key: string) => {
      const session = await openSession(client, key);
      const result = expectRpcResult(
        await client.post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, session, key),
        2,
      );
      return {
        session,
        tools: result.tools as { name: string; annotations?: { readOnlyHint?: boolean } }[],
      };
    };
    const admin = await listFor(ADMIN);
    const reader = await listFor(READER);
    const readOnly = admin.tools.filter((tool) => tool.annotations?.readOnlyHint === true);
    expect(readOnly.length).toBeLessThan(admin.tools.length);
    expect(reader.tools.map((tool) => tool.name)).toEqual(readOnly.map((tool) => tool.name));
    expect(reader.tools.map((tool) => tool.name)).not.toContain('media_set_watched');

    const write = await client.post(
      {
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'media_set_watched', arguments: { media: '1000', watched: true } },
      },
      reader.session,
      READER,
    );
    expectRpcError(write, 400, -32602, 3);
    expect(write.json.error.message).toMatch(/unknown tool/i);
  });

  it("one key's session is not found for another key", async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const session = await openSession(client, ADMIN);
    const list = { jsonrpc: '2.0', id: 4, method: 'tools/list' };
    expectRpcError(await client.post(list, session, OTHER), 404, -32002, 4);
    expectRpcError(await client.post(list, session, READER), 404, -32002, 4);
    expectRpcError(await client.remove(session, OTHER), 404, -32002, null);
    // Still the owner's.
    expectRpcResult(await client.post(list, session, ADMIN), 4);
  });
});

describe('MoviePilot REST: /api/v1/mcp/tools…', () => {
  const get = (url: string, path: string, key = ADMIN) =>
    request(`${url}${ENDPOINT}${path}`, { headers: { 'x-api-key': key } });
  const callTool = (url: string, body: string, headers: Record<string, string> = {}) =>
    request(`${url}${ENDPOINT}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ADMIN, ...headers },
      body,
    });

  /** A refused call: {success: false, result: null, error: "CODE: message"}. */
  function expectRefused(answer: Answer, status: number, code: string) {
    expectEnvelope(answer, status);
    expect(answer.json.success).toBe(false);
    expect(answer.json.result).toBeNull();
    expect(answer.json.error).toEqual(expect.any(String));
    expect(answer.json.error.startsWith(`${code}: `)).toBe(true);
  }

  it('lists tools as exactly {name, description, inputSchema}', async () => {
    const { url } = await serve();
    const list = await get(url, '/tools');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.json.length).toBeGreaterThan(10);
    for (const tool of list.json) {
      expect(keysOf(tool)).toEqual(['description', 'inputSchema', 'name']);
      expect(tool.name).toEqual(expect.any(String));
      expect(tool.description).toEqual(expect.any(String));
      expect(tool.inputSchema.type).toBe('object');
    }

    const one = await get(url, '/tools/library_list');
    expect(one.status).toBe(200);
    expect(keysOf(one.json)).toEqual(['description', 'inputSchema', 'name']);
    expect(one.json).toEqual(
      list.json.find((tool: { name: string }) => tool.name === 'library_list'),
    );

    const schema = await get(url, '/tools/library_list/schema');
    expect(schema.status).toBe(200);
    expect(schema.json.type).toBe('object');
    expect(schema.json).toEqual(one.json.inputSchema);

    const unknown = await get(url, '/tools/no_such_tool');
    expect(unknown.status).toBe(404);
    expectRefused(unknown, 404, 'NOT_FOUND');
    expect((await get(url, '/tools/no_such_tool/schema')).status).toBe(404);
  });

  it('the listing matches what JSON-RPC tools/list names', async () => {
    const { url } = await serve();
    const client = rpcClient(url);
    const session = await openSession(client);
    const rpc = expectRpcResult(
      await client.post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, session),
      2,
    );
    const rest = await get(url, '/tools');
    expect(rest.json).toEqual(
      rpc.tools.map((tool: { name: string; description: string; inputSchema: unknown }) => ({
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
      })),
    );
  });

  it('calls a tool: exactly {success: true, result: <the MCP text>, error: null}', async () => {
    const { url } = await serve();
    const answer = await callTool(url, '{"tool_name":"library_list","arguments":{}}');
    expectEnvelope(answer, 200);
    expect(answer.json.success).toBe(true);
    expect(answer.json.error).toBeNull();
    expect(answer.json.result).toEqual(expect.any(String));
    expect(JSON.parse(answer.json.result)).toHaveProperty('libraries');

    const client = rpcClient(url);
    const session = await openSession(client);
    const called = expectRpcResult(
      await client.post(
        {
          jsonrpc: '2.0',
          id: 9,
          method: 'tools/call',
          params: { name: 'library_list', arguments: {} },
        },
        session,
      ),
      9,
    );
    expect(answer.json.result).toBe(called.content[0].text);

    // MoviePilot clients send "arguments": null for a tool without parameters.
    const nullArgs = await callTool(url, '{"tool_name":"library_list","arguments":null}');
    expectEnvelope(nullArgs, 200);
    expect(nullArgs.json.result).toBe(answer.json.result);
  });

  it("a tool's own failure is 200 {success: false, result: null, error: 'CODE: …'}", async () => {
    const { url } = await serve();
    const missing = await callTool(
      url,
      JSON.stringify({ tool_name: 'media_get_details', arguments: { media: '999999' } }),
    );
    expectRefused(missing, 200, 'NOT_FOUND');
    const unknown = await callTool(url, '{"tool_name":"no_such_tool","arguments":{}}');
    expectRefused(unknown, 200, 'NOT_FOUND');
    const invalid = await callTool(url, '{"tool_name":"media_search","arguments":{}}');
    expect(invalid.json.success).toBe(false);
    expect(invalid.json.error).toMatch(/^INVALID_INPUT: /);
  });

  it("a Plex-side failure is the call's own failure too: 200 with the code first", async () => {
    const { emulator, plex } = emulatedPlex();
    const { url } = await serve({ plex });
    emulator.faults.set({ unreachable: true });
    const answer = await callTool(url, '{"tool_name":"library_list","arguments":{}}');
    expectRefused(answer, 200, 'PLEX_UNREACHABLE');
    expect(answer.text).not.toContain('plex.test');
    expect(answer.text).not.toContain(emulator.token);
  });

  it('refuses bodies not of the documented shape: 400, or 415 for text/plain', async () => {
    const { url } = await serve();
    expectRefused(await callTool(url, '{"arguments":{}}'), 400, 'INVALID_INPUT');
    expectRefused(
      await callTool(url, '{"tool_name":"library_list","arguments":[]}'),
      400,
      'INVALID_INPUT',
    );
    expectRefused(await callTool(url, '{"tool_name":'), 400, 'INVALID_INPUT');
    expectRefused(await callTool(url, '"library_list"'), 400, 'INVALID_INPUT');
    expectRefused(
      await callTool(url, '{"tool_name":"library_list","arguments":{}}', {
        'content-type': 'text/plain',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('401 without a key, 403 for a read key calling a write tool', async () => {
    const { url } = await serve();
    const noKey = await request(`${url}${ENDPOINT}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"tool_name":"library_list","arguments":{}}',
    });
    expectRefused(noKey, 401, 'UNAUTHORIZED');
    expect((await request(`${url}${ENDPOINT}/tools`)).status).toBe(401);

    const write = JSON.stringify({
      tool_name: 'media_set_watched',
      arguments: { media: '1000', watched: true },
    });
    expectRefused(await callTool(url, write, { 'x-api-key': READER }), 403, 'FORBIDDEN');
    const listed = await get(url, '/tools', READER);
    expect(listed.json.map((tool: { name: string }) => tool.name)).not.toContain(
      'media_set_watched',
    );
    expectEnvelope(await callTool(url, write), 200);
  });

  it('takes the input names MoviePilot-era callers hard-coded (media_id, client_name)', async () => {
    const { url } = await serve();
    const details = await callTool(
      url,
      JSON.stringify({ tool_name: 'media_get_details', arguments: { media_id: 1014 } }),
    );
    expectEnvelope(details, 200);
    expect(JSON.parse(details.json.result)).toMatchObject({ id: '1014', year: 1916 });
    const player = await callTool(
      url,
      JSON.stringify({
        tool_name: 'client_get_details',
        arguments: { client_name: 'Kitchen iPad' },
      }),
    );
    expect(JSON.parse(player.json.result)).toMatchObject({ id: 'ipad-kt-19c2' });
  });

  it('429 once the rate limit is spent', async () => {
    const { url } = await serve({ rateLimit: { perSecond: 1, burst: 2 } });
    // Two calls that answer at once spend the burst well within the one-second refill.
    const cheap = '{"tool_name":"no_such_tool","arguments":{}}';
    const spent = await Promise.all([callTool(url, cheap), callTool(url, cheap)]);
    expect(spent.map((answer) => answer.status)).toEqual([200, 200]);
    const limited = await callTool(url, '{"tool_name":"library_list","arguments":{}}');
    expectRefused(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('MoviePilot: a Claude-Desktop-style SDK client', () => {
  async function connect(url: URL, headers?: Record<string, string>) {
    const client = new Client({ name: 'claude-desktop-like', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      url,
      headers ? { requestInit: { headers } } : undefined,
    );
    await client.connect(transport);
    return client;
  }

  async function exercise(client: Client) {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('library_list');
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    const content = result.content as { type: string; text: string }[];
    expect(content[0]?.type).toBe('text');
    expect(JSON.parse(content[0]?.text ?? '{}')).toHaveProperty('libraries');
    await client.close();
  }

  it('connects with ?apikey= in the URL', async () => {
    const { url } = await serve();
    await exercise(await connect(new URL(`${url}${ENDPOINT}?apikey=${ADMIN}`)));
  });

  it('connects with an X-API-KEY header', async () => {
    const { url } = await serve();
    await exercise(await connect(new URL(`${url}${ENDPOINT}`), { 'X-API-KEY': ADMIN }));
  });
});
