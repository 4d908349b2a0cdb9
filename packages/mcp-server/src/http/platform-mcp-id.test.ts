// Each MCP of the platform as a Streamable HTTP endpoint at /mcp/{mcp_id}, reached with the
// official SDK client: a stored Plex MCP (a second emulator) served by our own MCP server, and
// a remote MCP (the real everything server) proxied; another organization's MCP, one outside
// the key's mcp_ids, or none at all is 404 in the JSON-RPC shape; a session lives on its endpoint.

import { createOrganization, openStorage } from '@plexmcp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { connectStreamableHttp } from '../testing/http-clients.js';
import { type Cleanups, listeningPlex, platformScene } from '../testing/platform-scene.js';
import { type EverythingServer, startEverythingServer } from '../testing/remote-mcps.js';
import { startHttpServer } from './server.js';

const cleanups: Cleanups = [];
let everything: EverythingServer;
let scene: Awaited<ReturnType<typeof platformScene>>;
let cabinId: string;
let remoteId: string;

beforeAll(async () => {
  everything = await startEverythingServer();
  cleanups.push(() => everything.stop());
  scene = await platformScene(cleanups);
  const cabin = await listeningPlex(cleanups, 'Cabin Plex');
  cabinId = await scene.addMcp({
    kind: 'plex',
    name: 'Cabin',
    url: cabin.url,
    token: cabin.emulator.token,
  });
  remoteId = await scene.addMcp({ kind: 'remote', name: 'Everything', url: everything.url });
}, 30_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An SDK client on `/mcp/{id}` (or `/mcp`), closed after the file. */
async function connect(path: string, apiKey = scene.admin) {
  const client = await connectStreamableHttp({ baseUrl: scene.server.url, apiKey, path });
  cleanups.push(() => client.close());
  return client;
}

/** A raw initialize on `path`, as a client that is refused sees it. */
async function initialize(path: string, key: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${scene.server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A JSON-RPC message POSTed on `path` within a session, as a client in that session sends it. */
function postInSession(
  path: string,
  session: string,
  message: Record<string, unknown>,
  key = scene.admin,
) {
  return fetch(`${scene.server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': session,
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({ jsonrpc: '2.0', ...message }),
  });
}

const textOf = (result: unknown) =>
  ((result as { content: { type: string; text?: string }[] }).content[0]?.text ?? '') as string;

describe('/mcp/{mcp_id}', () => {
  it('serves a stored Plex MCP with its own Plex, and /mcp stays the server’s own', async () => {
    const cabin = await connect(`/mcp/${cabinId}`);
    const tools = (await cabin.listTools()).tools.map((tool) => tool.name);
    expect(tools).toContain('server_get_info');
    // A stored MCP added without access serves read tools only.
    expect(tools).not.toContain('playlist_create');
    const info = await cabin.callTool({ name: 'server_get_info', arguments: {} });
    expect(JSON.stringify(info.structuredContent ?? textOf(info))).toContain('Cabin Plex');
    const home = await connect('/mcp');
    const own = await home.callTool({ name: 'server_get_info', arguments: {} });
    expect(JSON.stringify(own.structuredContent ?? textOf(own))).toContain('Home Plex');
  });

  it('proxies a remote MCP: its tools, calls and resources', async () => {
    const remote = await connect(`/mcp/${remoteId}`);
    const tools = (await remote.listTools()).tools;
    expect(tools.map((tool) => tool.name)).toContain('echo');
    // Only read tools: the MCP was added with read access.
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    const echoed = await remote.callTool({ name: 'echo', arguments: { message: 'via proxy' } });
    expect(textOf(echoed)).toBe('Echo: via proxy');
    const { resources } = await remote.listResources();
    expect(resources.length).toBeGreaterThan(0);
    const first = resources[0];
    if (!first) throw new Error('no resource');
    const read = await remote.readResource({ uri: first.uri });
    expect(read.contents[0]?.uri).toBe(first.uri);
    const { resourceTemplates } = await remote.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain(
      'demo://resource/dynamic/text/{resourceId}',
    );
    await expect(
      remote.callTool({ name: 'toggle-simulated-logging', arguments: {} }),
    ).rejects.toThrow(/Unknown tool/);
    // The proxied call is metered like any other: on the mcp door, against this MCP.
    const usage = await fetch(`${scene.server.url}/v1/usage`, {
      headers: { authorization: `Bearer ${scene.admin}` },
    }).then((response) => response.json() as Promise<{ data: { by_mcp: unknown[] } }>);
    expect(usage.data.by_mcp).toEqual(
      expect.arrayContaining([expect.objectContaining({ mcp_id: remoteId, tool_calls: 1 })]),
    );
  });

  it('is 404 for another organization, a key outside its mcp_ids, and an MCP that is not', async () => {
    const storage = await openStorage({ file: scene.file });
    const away = await createOrganization(storage, {
      name: 'Away',
      owner: { email: 'owner@away.example', name: 'Owner' },
      adminKey: { name: 'admin' },
    });
    await storage.close();
    const awayKey = away.key?.secret ?? '';
    const confined = await scene.v1('POST', '/api-keys', {
      name: 'cabin only',
      scopes: ['read'],
      mcp_ids: [cabinId],
    });
    expect(confined.status).toBe(201);
    const cabinKey = confined.body.data.secret as string;

    for (const [path, key] of [
      [`/mcp/${remoteId}`, awayKey],
      [`/mcp/${cabinId}`, awayKey],
      [`/mcp/${remoteId}`, cabinKey],
      ['/mcp/mcp_doesnotexist00000000', scene.admin],
    ] as const) {
      const refused = await initialize(path, key);
      expect(refused.status, path).toBe(404);
      expect(JSON.parse(refused.text)).toMatchObject({
        jsonrpc: '2.0',
        error: { code: -32000, message: expect.stringMatching(/^No MCP /) },
        id: null,
      });
    }
    // Another organization's key sending a live session's id to that MCP is refused and leaves
    // the session alone.
    const opened = await initialize(`/mcp/${cabinId}`, scene.admin);
    const session = opened.headers.get('mcp-session-id') ?? '';
    const list = { id: 9, method: 'tools/list' };
    expect((await postInSession(`/mcp/${cabinId}`, session, list, awayKey)).status).toBe(404);
    expect((await postInSession(`/mcp/${cabinId}`, session, list)).status).toBe(200);
    // The confined key reaches its own MCP.
    const cabin = await connect(`/mcp/${cabinId}`, cabinKey);
    expect((await cabin.listTools()).tools.length).toBeGreaterThan(0);
    // No key at all is still 401, as on /mcp.
    const anonymous = await fetch(`${scene.server.url}/mcp/${cabinId}`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  it('keeps a session on the endpoint that opened it', async () => {
    const opened = await initialize(`/mcp/${cabinId}`, scene.admin);
    expect(opened.status).toBe(200);
    const session = opened.headers.get('mcp-session-id') ?? '';
    expect(session).not.toBe('');
    const list = (path: string) => postInSession(path, session, { id: 2, method: 'tools/list' });
    expect((await list(`/mcp/${cabinId}`)).status).toBe(200);
    expect((await list(`/mcp/${remoteId}`)).status).toBe(404);
    expect((await list('/mcp')).status).toBe(404);
  });

  it('ends a session when its MCP is changed (the next one reaches the new Plex) or removed', async () => {
    const lake = await listeningPlex(cleanups, 'Lake Plex');
    const attic = await listeningPlex(cleanups, 'Attic Plex');
    const id = await scene.addMcp({
      kind: 'plex',
      name: 'Moving',
      url: lake.url,
      token: lake.emulator.token,
    });
    const opened = await initialize(`/mcp/${id}`, scene.admin);
    const session = opened.headers.get('mcp-session-id') ?? '';
    const call = () =>
      postInSession(`/mcp/${id}`, session, {
        id: 3,
        method: 'tools/call',
        params: { name: 'server_get_info', arguments: {} },
      }).then(async (response) => ({ status: response.status, text: await response.text() }));
    const before = await call();
    expect(before.status).toBe(200);
    expect(before.text).toContain('Lake Plex');

    const moved = await scene.v1('PATCH', `/mcps/${id}`, {
      url: attic.url,
      token: attic.emulator.token,
    });
    expect(moved.status).toBe(200);
    const after = await call();
    expect(after.status).toBe(404);
    expect(JSON.parse(after.text)).toMatchObject({
      error: { code: -32001, message: expect.stringMatching(/MCP was changed.*initialize/) },
    });
    // Ended, not merely refused once; a new session reaches the Plex the MCP now names.
    expect((await call()).text).toMatch(/Session not found: initialize/);
    const again = await connect(`/mcp/${id}`);
    const info = await again.callTool({ name: 'server_get_info', arguments: {} });
    expect(JSON.stringify(info.structuredContent ?? textOf(info))).toContain('Attic Plex');

    const kept = await initialize(`/mcp/${id}`, scene.admin);
    const keptSession = kept.headers.get('mcp-session-id') ?? '';
    expect((await scene.v1('DELETE', `/mcps/${id}`)).status).toBe(200);
    const gone = await postInSession(`/mcp/${id}`, keptSession, { id: 4, method: 'tools/list' });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/No MCP /);
  });
});

it('is 404 without the platform, as any unknown path', async () => {
  const { plex } = emulatedPlex();
  const server = await startHttpServer({ plex, port: 0 });
  try {
    const answer = await fetch(`${server.url}/mcp/mcp_anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  } finally {
    await server.close();
  }
});
