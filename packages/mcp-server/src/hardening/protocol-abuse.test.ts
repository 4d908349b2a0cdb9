import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServerOptions, type PlexHttpServer, startHttpServer } from '../http/server.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { openStream, type RawAnswer, send, streamBody, until } from './raw-http.js';

const CAP = 16 * 1024;
const JSON_AND_SSE = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};
const VERSION = '2025-06-18';
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });

const servers: PlexHttpServer[] = [];

/** A real HTTP server over an emulated Plex; the rate limit is off (tested elsewhere). */
async function serve(options: Partial<HttpServerOptions> = {}) {
  const { plex } = emulatedPlex();
  const server = await startHttpServer({ plex, port: 0, rateLimit: false, ...options });
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A raw Streamable HTTP session: initialized, with the headers that address it. */
async function rawSession(url: string) {
  const init = await send(`${url}/mcp`, { headers: JSON_AND_SSE, body: INITIALIZE });
  expect(init.status).toBe(200);
  const headers = {
    ...JSON_AND_SSE,
    'mcp-session-id': init.headers.get('mcp-session-id') ?? '',
    'mcp-protocol-version': VERSION,
  };
  const ready = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
  expect((await send(`${url}/mcp`, { headers, body: ready })).status).toBe(202);
  return headers;
}

/** The JSON-RPC error envelope the MCP routes answer with, before any request id is known. */
function expectRpcError(answer: RawAnswer, status: number, codes: number[], message?: RegExp) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.json).toMatchObject({
    jsonrpc: '2.0',
    id: null,
    error: { code: expect.any(Number) },
  });
  expect(codes).toContain(answer.json.error.code);
  if (message) expect(answer.json.error.message).toMatch(message);
}

/** The REST error envelope. */
function expectRestError(answer: RawAnswer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.json).toMatchObject({
    success: false,
    result: null,
    error: { code, message: expect.any(String) },
  });
}

describe('protocol abuse over HTTP', () => {
  let server: PlexHttpServer;
  let url: string;
  /** A well-behaved client connected before any abuse, which must keep being served. */
  let steady: Client;
  /** A raw session the abuse is aimed at. */
  let session: Record<string, string>;

  beforeAll(async () => {
    server = await serve({ limits: { 'body-bytes': CAP } });
    url = server.url;
    steady = new Client({ name: 'steady', version: '1.0.0' });
    await steady.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
    session = await rawSession(url);
  });

  afterAll(async () => {
    await steady.close();
  });

  /** Other clients are still served: the steady session, the raw session, a fresh one, REST. */
  async function expectStillServing() {
    const result = await steady.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.structuredContent)).toContain('Movies');
    const listed = await send(`${url}/mcp`, { headers: session, body: TOOLS_LIST });
    expect(listed.status).toBe(200);
    expect(listed.json.result.tools.length).toBeGreaterThan(10);
    const fresh = await rawSession(url);
    const closed = await send(`${url}/mcp`, { method: 'DELETE', headers: fresh });
    expect(closed.status).toBe(200);
    const rest = await send(`${url}/tools/call`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'media_search', arguments: { query: 'charade' } }),
    });
    expect(rest.status).toBe(200);
    expect(rest.json.success).toBe(true);
  }

  it('answers a body that is not JSON with a -32700 parse error, with or without a session', async () => {
    for (const headers of [JSON_AND_SSE, session]) {
      for (const body of ['{"jsonrpc":', 'not json', '\u0000\u0001', '{"a":1}}']) {
        expectRpcError(await send(`${url}/mcp`, { headers, body }), 400, [-32700], /Parse error/);
      }
    }
    await expectStillServing();
  });

  it('refuses JSON that is not JSON-RPC 2.0: wrong version, no method, scalars', async () => {
    const bad = [
      { jsonrpc: '1.0', id: 2, method: 'tools/list' },
      { id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 2 },
      { jsonrpc: '2.0', id: 2, method: 42 },
      { jsonrpc: '2.0', id: { nested: true }, method: 'tools/list' },
      42,
      'tools/list',
      null,
    ];
    for (const message of bad) {
      const answer = await send(`${url}/mcp`, { headers: session, body: JSON.stringify(message) });
      // The SDK calls these parse errors (-32700); JSON-RPC 2.0 says invalid request (-32600).
      expectRpcError(answer, 400, [-32600, -32700]);
    }
    const oldInit = INITIALIZE.replace('"2.0"', '"1.0"');
    expectRpcError(
      await send(`${url}/mcp`, { headers: JSON_AND_SSE, body: oldInit }),
      400,
      [-32600, -32700],
    );
    await expectStillServing();
  });

  it('refuses batches of garbage and the empty batch', async () => {
    for (const batch of [
      '[1,"x",null]',
      '[{}]',
      '[[]]',
      JSON.stringify([{ jsonrpc: '2.0', id: 3, method: 'ping' }, { x: 1 }]),
    ]) {
      expectRpcError(
        await send(`${url}/mcp`, { headers: session, body: batch }),
        400,
        [-32600, -32700],
      );
    }
    expectRpcError(
      await send(`${url}/mcp`, { headers: session, body: '[]' }),
      400,
      [-32600],
      /empty/,
    );
    await expectStillServing();
  });

  it('answers an unknown method with -32601 in the session', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'plex/detonate', params: {} });
    const answer = await send(`${url}/mcp`, { headers: session, body });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32601 } });
    await expectStillServing();
  });

  it('answers 413 with a JSON-RPC error past the body cap, declared or streamed', async () => {
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      id: 8,
      method: 'tools/call',
      params: { name: 'media_search', arguments: { query: 'x'.repeat(CAP) } },
    });
    for (const headers of [JSON_AND_SSE, session]) {
      const answer = await send(`${url}/mcp`, { headers, body: huge });
      expectRpcError(answer, 413, [-32600], new RegExp(`larger than ${CAP} bytes`));
    }
    // No Content-Length: only counting while reading can catch it. 4 MiB, 256 times the cap.
    const streamed = await streamBody(`${url}/mcp`, session, 4 * 1024 * 1024);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text)).toMatchObject({ error: { code: -32600 }, id: null });
    const rest = await streamBody(
      `${url}/tools/call`,
      { 'content-type': 'application/json' },
      4 * 1024 * 1024,
    );
    expect(rest.status).toBe(413);
    expect(JSON.parse(rest.text).error.code).toBe('PAYLOAD_TOO_LARGE');
    await expectStillServing();
  });

  it('survives JSON nested 4000 deep under the cap', async () => {
    const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const body = `{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"media_search","arguments":{"query":${deep}}}}`;
    const answer = await send(`${url}/mcp`, { headers: session, body });
    expect(answer.status).toBe(200);
    expect(answer.json.result).toMatchObject({ isError: true });
    expect(answer.json.result.content[0].text).toMatch(/^INVALID_INPUT: .*query/);
    const rest = await send(`${url}/tools/call`, {
      headers: { 'content-type': 'application/json' },
      body: `{"tool_name":"media_search","arguments":{"query":${deep}}}`,
    });
    expectRestError(rest, 400, 'INVALID_INPUT');
    await expectStillServing();
  });

  it('answers 404 to unknown session ids on POST, GET and DELETE', async () => {
    for (const id of [
      'nope',
      '00000000-0000-0000-0000-000000000000',
      'x'.repeat(2000),
      "' OR 1=1",
    ]) {
      const headers = { ...session, 'mcp-session-id': id };
      const notFound = /Session not found/;
      expectRpcError(
        await send(`${url}/mcp`, { headers, body: TOOLS_LIST }),
        404,
        [-32001],
        notFound,
      );
      expectRpcError(
        await send(`${url}/mcp`, {
          method: 'GET',
          headers: { ...headers, accept: 'text/event-stream' },
        }),
        404,
        [-32001],
        notFound,
      );
      expectRpcError(
        await send(`${url}/mcp`, { method: 'DELETE', headers }),
        404,
        [-32001],
        notFound,
      );
    }
    await expectStillServing();
  });

  it('answers 400 to a wrong MCP-Protocol-Version header', async () => {
    for (const version of ['1999-01-01', '2030-01-01', 'latest', '']) {
      const headers = { ...session, 'mcp-protocol-version': version };
      const answer = await send(`${url}/mcp`, { headers, body: TOOLS_LIST });
      expectRpcError(answer, 400, [-32000], /Unsupported protocol version/);
    }
    await expectStillServing();
  });

  it('answers 415 to a wrong Content-Type and 406 to a wrong Accept, opening no session', async () => {
    const before = server.sessionCount();
    for (const headers of [JSON_AND_SSE, session]) {
      const body = headers === session ? TOOLS_LIST : INITIALIZE;
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const answer = await send(`${url}/mcp`, {
          headers: { ...headers, 'content-type': type },
          body,
        });
        expectRpcError(answer, 415, [-32000], /Content-Type must be application\/json/);
      }
      for (const accept of ['application/json', 'text/event-stream', 'text/html', '*/*; q=0']) {
        const answer = await send(`${url}/mcp`, { headers: { ...headers, accept }, body });
        expectRpcError(answer, 406, [-32000], /Not Acceptable/);
      }
    }
    const get = await send(`${url}/mcp`, {
      method: 'GET',
      headers: { ...session, accept: 'application/json' },
    });
    expectRpcError(get, 406, [-32000], /text\/event-stream/);
    expect(server.sessionCount()).toBe(before);
    await expectStillServing();
  });

  it('answers GET and DELETE misuse and other methods plainly', async () => {
    const noSession = /send initialize first/;
    const getNoSession = await send(`${url}/mcp`, {
      method: 'GET',
      headers: { accept: 'text/event-stream' },
    });
    expectRpcError(getNoSession, 400, [-32000], noSession);
    expectRpcError(await send(`${url}/mcp`, { method: 'DELETE' }), 400, [-32000], noSession);
    for (const method of ['PUT', 'PATCH', 'OPTIONS']) {
      for (const headers of [{}, session]) {
        const answer = await send(`${url}/mcp`, {
          method,
          headers,
          body: method === 'OPTIONS' ? undefined : '{}',
        } as never);
        expectRpcError(answer, 405, [-32000], /Method not allowed/);
      }
    }
    // One standalone stream per session: a second GET is a conflict, not a second stream.
    const first = await openStream(`${url}/mcp`, session, { firstEvent: false });
    expect(first.status).toBe(200);
    const second = await send(`${url}/mcp`, {
      method: 'GET',
      headers: { ...session, accept: 'text/event-stream' },
    });
    expectRpcError(second, 409, [-32000], /Only one SSE stream/);
    first.close();
    // DELETE ends a session once; after that it is unknown.
    const doomed = await rawSession(url);
    expect((await send(`${url}/mcp`, { method: 'DELETE', headers: doomed })).status).toBe(200);
    expectRpcError(await send(`${url}/mcp`, { method: 'DELETE', headers: doomed }), 404, [-32001]);
    expectRpcError(await send(`${url}/mcp`, { headers: doomed, body: TOOLS_LIST }), 404, [-32001]);
    await expectStillServing();
  });

  it('guards legacy SSE messages: unknown sessions, wrong methods, garbage to a live session', async () => {
    const json = { 'content-type': 'application/json' };
    for (const query of ['?sessionId=nope', '', '?sessionId=', '?sessionId=a&sessionId=b']) {
      expectRpcError(
        await send(`${url}/messages/${query}`, { headers: json, body: TOOLS_LIST }),
        404,
        [-32001],
        /Session not found/,
      );
    }
    expectRpcError(await send(`${url}/messages/?sessionId=nope`, { method: 'GET' }), 405, [-32000]);
    expectRpcError(await send(`${url}/sse`, { headers: json, body: '{}' }), 405, [-32000]);
    const stream = await openStream(`${url}/sse`);
    expect(stream.status).toBe(200);
    const endpoint = new URL(stream.firstData, `${url}/sse`).href;
    expectRpcError(await send(endpoint, { headers: json, body: '{"jsonrpc":' }), 400, [-32700]);
    expectRpcError(
      await send(endpoint, { headers: json, body: '{"jsonrpc":"1.0","id":1}' }),
      400,
      [-32600],
    );
    expectRpcError(await send(endpoint, { headers: json, body: '[1,2]' }), 400, [-32600]);
    expectRpcError(
      await send(endpoint, { headers: { 'content-type': 'text/plain' }, body: TOOLS_LIST }),
      415,
      [-32000],
    );
    expectRpcError(
      await send(endpoint, { headers: json, body: 'x'.repeat(CAP + 1) }),
      413,
      [-32600],
    );
    // The live session still takes a well-formed message.
    expect((await send(endpoint, { headers: json, body: TOOLS_LIST })).status).toBe(202);
    stream.close();
    await expectStillServing();
  });

  it('answers REST /tools/call garbage with 4xx envelopes', async () => {
    const json = { 'content-type': 'application/json' };
    const call = (body: string) => send(`${url}/tools/call`, { headers: json, body });
    expectRestError(await call('{{{{'), 400, 'INVALID_INPUT');
    expectRestError(await call(''), 400, 'INVALID_INPUT');
    for (const body of ['[]', 'null', '"library_list"', '5', 'true']) {
      expectRestError(await call(body), 400, 'INVALID_INPUT');
    }
    for (const name of [5, '', null, {}, ['library_list']]) {
      expectRestError(
        await call(JSON.stringify({ tool_name: name, arguments: {} })),
        400,
        'INVALID_INPUT',
      );
    }
    for (const args of ['x', [], 5, null, true]) {
      const answer = await call(JSON.stringify({ tool_name: 'library_list', arguments: args }));
      expectRestError(answer, 400, 'INVALID_INPUT');
    }
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      '../health',
      'library_list\u0000',
    ]) {
      expectRestError(
        await call(JSON.stringify({ tool_name: name, arguments: {} })),
        404,
        'NOT_FOUND',
      );
    }
    const invalid = await call(
      JSON.stringify({ tool_name: 'media_search', arguments: { query: 7 } }),
    );
    expectRestError(invalid, 400, 'INVALID_INPUT');
    expect(invalid.json.error.details.issues[0].field).toBe('query');
    const wrongMethod = await send(`${url}/tools/call`, { method: 'GET' });
    expectRestError(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    // A name that does not decode names no tool.
    expectRestError(await send(`${url}/tools/%E0%A4%A`, { method: 'GET' }), 404, 'NOT_FOUND');
    expectRestError(await send(`${url}/tools/a/b/c`, { method: 'GET' }), 404, 'NOT_FOUND');
    await expectStillServing();
  });
});

describe('sessions opened and abandoned', () => {
  it('holds the cap by closing the oldest sessions, even all at once, and serves REST meanwhile', async () => {
    const server = await serve({ limits: { sessions: 3 } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        send(`${server.url}/mcp`, { headers: JSON_AND_SSE, body: INITIALIZE }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(server.sessionCount()).toBe(3);
    const ping = (id: string) =>
      send(`${server.url}/mcp`, {
        headers: { ...JSON_AND_SSE, 'mcp-session-id': id, 'mcp-protocol-version': VERSION },
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
      });
    const statuses = await Promise.all(
      answers.map((answer) =>
        ping(answer.headers.get('mcp-session-id') ?? '').then((a) => a.status),
      ),
    );
    // Exactly the three newest survive; the others answer 404 and a client starts afresh.
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 404)).toHaveLength(17);
    const rest = await send(`${server.url}/tools/call`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'library_list', arguments: {} }),
    });
    expect(rest.status).toBe(200);
    // Closing one frees its place.
    const live = answers[statuses.indexOf(200)];
    const closed = await send(`${server.url}/mcp`, {
      method: 'DELETE',
      headers: {
        'mcp-session-id': live?.headers.get('mcp-session-id') ?? '',
        'mcp-protocol-version': VERSION,
      },
    });
    expect(closed.status).toBe(200);
    expect(server.sessionCount()).toBe(2);
    await rawSession(server.url);
    expect(server.sessionCount()).toBe(3);
  });

  it('frees abandoned sessions once they idle out, and dropped SSE streams at once', async () => {
    const server = await serve({ limits: { sessions: 3, 'session-idle-seconds': 1 } });
    for (let i = 0; i < 3; i++) await rawSession(server.url);
    expect(await until(() => server.sessionCount() === 0)).toBe(true);
    const streams = await Promise.all([1, 2, 3].map(() => openStream(`${server.url}/sse`)));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200]);
    expect(server.sessionCount()).toBe(3);
    for (const stream of streams) stream.close();
    expect(await until(() => server.sessionCount() === 0)).toBe(true);
    const client = new Client({ name: 'after', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    await client.close();
  });
});

describe('protocol abuse in stateless mode', () => {
  it('answers malformed, oversized and misdirected requests, then serves a client', async () => {
    const server = await serve({ stateless: true, limits: { 'body-bytes': CAP } });
    const mcp = `${server.url}/mcp`;
    expectRpcError(await send(mcp, { headers: JSON_AND_SSE, body: '{"jsonrpc":' }), 400, [-32700]);
    expectRpcError(await send(mcp, { headers: JSON_AND_SSE, body: '[]' }), 400, [-32600]);
    expectRpcError(
      await send(mcp, { headers: JSON_AND_SSE, body: JSON.stringify({ id: 1, method: 'ping' }) }),
      400,
      [-32600, -32700],
    );
    const huge = JSON.stringify({ pad: 'x'.repeat(CAP) });
    expectRpcError(await send(mcp, { headers: JSON_AND_SSE, body: huge }), 413, [-32600]);
    for (const method of ['GET', 'DELETE', 'PUT']) {
      expectRpcError(await send(mcp, { method, headers: JSON_AND_SSE }), 405, [-32000]);
    }
    const wrongType = { ...JSON_AND_SSE, 'content-type': 'text/plain' };
    expectRpcError(await send(mcp, { headers: wrongType, body: INITIALIZE }), 415, [-32000]);
    expect(server.sessionCount()).toBe(0);
    const client = new Client({ name: 'after', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcp)));
    const result = await client.callTool({ name: 'media_search', arguments: { query: 'charade' } });
    expect(JSON.stringify(result.structuredContent)).toContain('Charade');
    await client.close();
  });
});
