// Remote MCPs through /v1: the real third-party everything server
// (@modelcontextprotocol/server-everything) in Streamable HTTP mode on a loopback port,
// registered through POST /v1/mcps, its tools listed and called, its resources listed and read;
// and remotes that are down, hang, answer garbage or want a header, each a clear error in
// PLATFORM's table within the bound, never the remote's URL or headers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, platformScene } from '../testing/platform-scene.js';
import {
  type EverythingServer,
  freePort,
  guardedProxy,
  startEverythingServer,
  tinyServer,
} from '../testing/remote-mcps.js';

/** The bound on each remote call in these tests (the server's plexTimeoutMs). */
const BOUND_MS = 1500;

const cleanups: Cleanups = [];
let everything: EverythingServer;
let scene: Awaited<ReturnType<typeof platformScene>>;

beforeAll(async () => {
  everything = await startEverythingServer();
  cleanups.push(() => everything.stop());
  scene = await platformScene(cleanups, BOUND_MS);
}, 30_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a remote MCP (the everything server)', () => {
  it('lists its tools in the /tools shape, access from annotations, capped by the MCP', async () => {
    const readId = await scene.addMcp({ kind: 'remote', name: 'Everything', url: everything.url });
    const listed = await scene.v1('GET', `/mcps/${readId}/tools`);
    expect(listed.status).toBe(200);
    const echo = listed.body.data.find((tool: { name: string }) => tool.name === 'echo');
    expect(echo).toMatchObject({
      name: 'echo',
      title: 'Echo Tool',
      description: 'Echoes back the input string',
      parameters: { type: 'object', properties: { message: { type: 'string' } } },
      annotations: { readOnlyHint: true },
      access: 'read',
    });
    const structured = listed.body.data.find(
      (tool: { name: string }) => tool.name === 'get-structured-content',
    );
    expect(structured.output_schema).toMatchObject({ properties: { temperature: {} } });
    // A read-only MCP serves read tools only; the same server with delete access serves more.
    const readNames = listed.body.data.map((tool: { access: string }) => tool.access);
    expect(new Set(readNames)).toEqual(new Set(['read']));
    const allId = await scene.addMcp({
      kind: 'remote',
      name: 'Everything, all of it',
      url: everything.url,
      access: 'delete',
    });
    const all = await scene.v1('GET', `/mcps/${allId}/tools`);
    expect(all.body.data.length).toBeGreaterThan(listed.body.data.length);
    expect(all.body.data.some((tool: { access: string }) => tool.access !== 'read')).toBe(true);
  });

  it('invokes its tools: text as content, structured content as data, bad arguments 400', async () => {
    const id = await scene.addMcp({ kind: 'remote', name: 'Echoes', url: everything.url });
    const echoed = await scene.v1('POST', '/mcp/invoke', {
      mcp_id: id,
      tool: 'echo',
      arguments: { message: 'hello remote' },
    });
    expect(echoed).toMatchObject({
      status: 200,
      body: { success: true, data: { content: [{ type: 'text', text: 'Echo: hello remote' }] } },
    });
    const weather = await scene.v1('POST', '/mcp/invoke', {
      mcp_id: id,
      tool: 'get-structured-content',
      arguments: { location: 'Chicago' },
    });
    expect(weather.status).toBe(200);
    expect(weather.body.data).toMatchObject({ temperature: expect.any(Number) });
    const bad = await scene.v1('POST', '/mcp/invoke', {
      mcp_id: id,
      tool: 'echo',
      arguments: { message: 42 },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const missing = await scene.v1('POST', '/mcp/invoke', { mcp_id: id, tool: 'no-such-tool' });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('lists and reads its resources', async () => {
    const id = await scene.addMcp({ kind: 'remote', name: 'Documents', url: everything.url });
    const listed = await scene.v1('POST', '/mcp/resources', { mcp_id: id });
    expect(listed.status).toBe(200);
    const { resources, templates } = listed.body.data;
    expect(resources.length).toBeGreaterThan(0);
    expect(templates.map((t: { uri: string }) => t.uri)).toContain(
      'demo://resource/dynamic/text/{resourceId}',
    );
    const first = resources[0] as { uri: string };
    const read = await scene.v1('POST', '/mcp/resources', { mcp_id: id, uri: first.uri });
    expect(read.status).toBe(200);
    expect(read.body.data.contents[0]).toMatchObject({ uri: first.uri });
    const dynamic = await scene.v1('POST', '/mcp/resources', {
      mcp_id: id,
      uri: 'demo://resource/dynamic/text/7',
    });
    expect(dynamic.status).toBe(200);
    expect(dynamic.body.data.contents[0].text).toEqual(expect.any(String));
  });

  it('reconnects when the remote forgot the session (it restarted)', async () => {
    const id = await scene.addMcp({ kind: 'remote', name: 'Restarts', url: everything.url });
    const call = () =>
      scene.v1('POST', '/mcp/invoke', { mcp_id: id, tool: 'echo', arguments: { message: 'x' } });
    expect((await call()).status).toBe(200);
    await everything.restart();
    expect(await call()).toMatchObject({
      status: 200,
      body: { data: { content: [{ text: 'Echo: x' }] } },
    });
  }, 30_000);
});

describe('a remote MCP that fails', () => {
  it('is down: 503 upstream_unavailable on tools, invoke and resources', async () => {
    const port = await freePort();
    const id = await scene.addMcp({
      kind: 'remote',
      name: 'Down',
      url: `http://127.0.0.1:${port}/mcp`,
    });
    const tools = await scene.v1('GET', `/mcps/${id}/tools`);
    expect(tools).toMatchObject({ status: 503, body: { error: { code: 'upstream_unavailable' } } });
    const invoked = await scene.v1('POST', '/mcp/invoke', { mcp_id: id, tool: 'echo' });
    expect(invoked.status).toBe(503);
    const resources = await scene.v1('POST', '/mcp/resources', { mcp_id: id });
    expect(resources.status).toBe(503);
    expect(tools.text).not.toContain(String(port));
  });

  it('hangs: 504 upstream_timeout within the bound, never holding the caller', async () => {
    const hanging = await tinyServer(() => {
      // Never answers.
    });
    cleanups.push(() => hanging.close());
    const id = await scene.addMcp({ kind: 'remote', name: 'Hangs', url: hanging.url });
    const started = Date.now();
    const answer = await scene.v1('POST', '/mcp/invoke', { mcp_id: id, tool: 'echo' });
    const took = Date.now() - started;
    expect(answer).toMatchObject({ status: 504, body: { error: { code: 'upstream_timeout' } } });
    expect(took).toBeGreaterThanOrEqual(BOUND_MS - 100);
    expect(took).toBeLessThan(BOUND_MS + 1500);
  });

  it.each([
    ['JSON that does not parse', 'application/json', '{"jsonrpc": "2.0", '],
    ['JSON that is not MCP', 'application/json', '{"hello": "world"}'],
    ['a web page', 'text/html', '<html>Welcome to nginx</html>'],
  ])('answers garbage (%s): 502 upstream_error, no stack', async (_what, type, body) => {
    const garbage = await tinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': type }).end(body);
    });
    cleanups.push(() => garbage.close());
    const id = await scene.addMcp({
      kind: 'remote',
      name: `Garbage ${type} ${body.length}`,
      url: garbage.url,
    });
    const answer = await scene.v1('GET', `/mcps/${id}/tools`);
    expect(answer).toMatchObject({
      status: 502,
      body: { success: false, error: { code: 'upstream_error' } },
    });
    expect(answer.body.error.message).toMatch(/remote MCP/);
    expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+|127\.0\.0\.1/);
  });

  it('sends its stored headers; a refusal of them is 502 upstream_unauthorized', async () => {
    const guarded = await guardedProxy(everything.url, 'Bearer remote-secret-1');
    cleanups.push(() => guarded.close());
    const good = await scene.addMcp({
      kind: 'remote',
      name: 'Guarded',
      url: guarded.url,
      headers: { Authorization: 'Bearer remote-secret-1' },
    });
    const echoed = await scene.v1('POST', '/mcp/invoke', {
      mcp_id: good,
      tool: 'echo',
      arguments: { message: 'with headers' },
    });
    expect(echoed).toMatchObject({
      status: 200,
      body: { data: { content: [{ text: 'Echo: with headers' }] } },
    });
    expect(guarded.seen.length).toBeGreaterThan(0);
    expect(new Set(guarded.seen)).toEqual(new Set(['Bearer remote-secret-1']));

    const wrong = await scene.addMcp({
      kind: 'remote',
      name: 'Wrong headers',
      url: guarded.url,
      headers: { Authorization: 'Bearer wrong-secret-2' },
    });
    const refused = await scene.v1('GET', `/mcps/${wrong}/tools`);
    expect(refused).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_unauthorized' } },
    });
    expect(refused.body.error.message).toMatch(/stored headers/);
    expect(refused.text).not.toContain('wrong-secret-2');
    expect(guarded.seen).toContain('Bearer wrong-secret-2');
  });
});
