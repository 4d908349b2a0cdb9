// The platform's MCPs, run by this server: the server's own Plex (the builtin MCP) and another
// Plex server an admin adds, each a real emulator on a loopback port; invoke, tools and
// resources through /v1 the way a PlexMCP client calls them, with PLATFORM.md's error table.

import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  initDefaultOrganization,
  migrateToLatest,
  openStorage,
  startPlatformHost,
} from '@plexmcp/platform';
import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer } from './server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Plex emulator listening on loopback, as a stored MCP reaches it. */
async function listeningPlex(friendlyName: string) {
  const emulator = createPlexEmulator({ friendlyName });
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => emulator.close());
  return { emulator, url: served.url };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The server over its own Plex ("Home Plex"), with the platform on a fresh SQLite file. */
async function scene() {
  const home = await listeningPlex('Home Plex');
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-invoke-'));
  const file = join(dir, 'plexmcp.db');
  // `admin init`, as the CLI runs it: the organization, its owner, a key and the builtin MCP.
  const storage = await openStorage({ file });
  await migrateToLatest(storage);
  const init = await initDefaultOrganization(storage, {
    name: 'Home',
    // The CLI's default: the team plan, whose rate limit these tests never reach.
    plan: 'team',
    owner: { email: 'me@home.example', name: 'Me' },
    adminKey: { name: 'admin' },
  });
  await storage.close();
  if (init.outcome === 'initialized') throw new Error('not a fresh database');
  const platform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dir },
    database: file,
    staticKeys: false,
  });
  cleanups.push(() => platform.close());
  const server = await startHttpServer({
    plex: createPlexClient({ baseUrl: home.url, token: home.emulator.token, retry: false }),
    port: 0,
    platform,
    plexTimeoutMs: 2000,
    tools: { access: 'delete' },
    rateLimit: false,
  });
  cleanups.push(() => server.close());
  const admin = init.key.secret;
  const v1 = async (method: string, path: string, body?: unknown, key = admin) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the tests read many JSON shapes; expect() checks them.
    return { status: response.status, body: (await response.json()) as any };
  };
  const mcps = (await v1('GET', '/mcps')).body.data as { id: string; builtin: boolean }[];
  const builtin = mcps.find((mcp) => mcp.builtin);
  if (!builtin) throw new Error('no builtin MCP');
  return { v1, builtinId: builtin.id, owner: init.owner, home };
}

async function addPlexMcp(
  v1: Awaited<ReturnType<typeof scene>>['v1'],
  body: Record<string, unknown>,
): Promise<string> {
  const created = await v1('POST', '/mcps', { kind: 'plex', ...body });
  expect(created.status).toBe(201);
  return created.body.data.id;
}

describe('invoke', () => {
  it('reaches the MCP it names: the server’s own Plex or another one', async () => {
    const { v1, builtinId } = await scene();
    const cabin = await listeningPlex('Cabin Plex');
    const cabinId = await addPlexMcp(v1, {
      name: 'Cabin',
      url: cabin.url,
      token: cabin.emulator.token,
      access: 'write',
    });

    const listed = await v1('GET', '/mcps');
    expect(listed.body.data.map((mcp: { name: string }) => mcp.name)).toEqual(['Plex', 'Cabin']);
    const own = await v1('POST', '/mcp/invoke', { mcp_id: builtinId, tool: 'server_get_info' });
    expect(own).toMatchObject({
      status: 200,
      body: { success: true, data: { name: 'Home Plex' } },
    });
    const other = await v1('POST', '/mcp/invoke', {
      mcp_id: cabinId,
      tool: 'server_get_info',
      arguments: {},
    });
    expect(other).toMatchObject({ status: 200, body: { data: { name: 'Cabin Plex' } } });

    // A write lands on the MCP it was sent to, and nowhere else.
    const movie = (
      await v1('POST', '/mcp/invoke', {
        mcp_id: cabinId,
        tool: 'media_search',
        arguments: { query: 'a', type: 'movie' },
      })
    ).body.data.results[0];
    const made = await v1('POST', '/mcp/invoke', {
      mcp_id: cabinId,
      tool: 'playlist_create',
      arguments: { title: 'Cabin nights', items: [String(movie.id)] },
    });
    expect(made).toMatchObject({
      status: 200,
      body: { data: { playlist: { title: 'Cabin nights', item_count: 1 } } },
    });
    const titles = (id: string) =>
      v1('POST', '/mcp/invoke', { mcp_id: id, tool: 'playlist_list' }).then((answer) =>
        answer.body.data.playlists.map((playlist: { title: string }) => playlist.title),
      );
    expect(await titles(cabinId)).toContain('Cabin nights');
    expect(await titles(builtinId)).not.toContain('Cabin nights');
  });

  it('lists an MCP’s tools in the /tools shape, narrowed by its access and the key’s scopes', async () => {
    const { v1, owner } = await scene();
    const cabin = await listeningPlex('Cabin Plex');
    const cabinId = await addPlexMcp(v1, {
      name: 'Cabin',
      url: cabin.url,
      token: cabin.emulator.token,
      access: 'write',
      toolsets: ['library', 'playlist'],
    });
    const tools = await v1('GET', `/mcps/${cabinId}/tools`);
    expect(tools.status).toBe(200);
    const names = tools.body.data.map((tool: { name: string }) => tool.name);
    expect(names).toContain('playlist_create');
    expect(names).not.toContain('playlist_delete');
    expect(names.every((name: string) => /^(library|playlist)_/.test(name))).toBe(true);
    expect(tools.body.data[0]).toMatchObject({
      name: expect.any(String),
      parameters: { type: 'object' },
      access: expect.stringMatching(/^(read|write)$/),
    });

    const reader = await v1('POST', '/api-keys', {
      name: 'reader',
      scopes: ['read'],
      member_id: owner.id,
    });
    const readKey = reader.body.data.secret;
    const readable = await v1('GET', `/mcps/${cabinId}/tools`, undefined, readKey);
    expect(readable.body.data.every((tool: { access: string }) => tool.access === 'read')).toBe(
      true,
    );
  });

  it('checks the key’s scope before the arguments, then lets the tool judge them', async () => {
    const { v1, owner, builtinId } = await scene();
    const reader = await v1('POST', '/api-keys', {
      name: 'reader',
      scopes: ['read'],
      member_id: owner.id,
    });
    const forbidden = await v1(
      'POST',
      '/mcp/invoke',
      { mcp_id: builtinId, tool: 'playlist_create', arguments: { nonsense: true } },
      reader.body.data.secret,
    );
    expect(forbidden).toMatchObject({
      status: 403,
      body: { success: false, error: { code: 'forbidden', details: { required_scope: 'write' } } },
    });
    const invalid = await v1('POST', '/mcp/invoke', {
      mcp_id: builtinId,
      tool: 'media_search',
      arguments: { query: 42 },
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: expect.stringContaining('query') } },
    });
    expect(
      await v1('POST', '/mcp/invoke', { mcp_id: builtinId, tool: 'no_such_tool' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(
      await v1('POST', '/mcp/invoke', { mcp_id: 'mcp_00000000000000000000', tool: 'library_list' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await v1('POST', '/mcp/invoke', { tool: 'library_list' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request' } },
    });
  });

  it('answers an unreachable Plex 503 and a refused token 502, naming neither token', async () => {
    const { v1 } = await scene();
    const down = await addPlexMcp(v1, {
      name: 'Down',
      url: `http://127.0.0.1:${await closedPort()}`,
      token: 'a-token-that-never-leaves',
    });
    const unreachable = await v1('POST', '/mcp/invoke', { mcp_id: down, tool: 'library_list' });
    expect(unreachable).toMatchObject({
      status: 503,
      body: { success: false, error: { code: 'upstream_unavailable' } },
    });
    const cabin = await listeningPlex('Cabin Plex');
    const wrong = await addPlexMcp(v1, {
      name: 'Wrong token',
      url: cabin.url,
      token: 'not-the-cabin-token',
    });
    const refused = await v1('POST', '/mcp/invoke', { mcp_id: wrong, tool: 'library_list' });
    expect(refused).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_unauthorized', message: expect.stringContaining("MCP's") } },
    });
    for (const answer of [unreachable, refused]) {
      expect(JSON.stringify(answer.body)).not.toMatch(
        /a-token-that-never-leaves|not-the-cabin-token/,
      );
    }
  });

  it('refuses another organization’s MCP as not found', async () => {
    const first = await scene();
    const second = await scene();
    const foreign = await first.v1('POST', '/mcp/invoke', {
      mcp_id: second.builtinId,
      tool: 'library_list',
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    // The same words for the tools and resources of another organization's MCP.
    for (const answer of [
      await first.v1('GET', `/mcps/${second.builtinId}/tools`),
      await first.v1('POST', '/mcp/resources', { mcp_id: second.builtinId }),
      await first.v1('GET', `/mcps/${second.builtinId}`),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      expect(JSON.stringify(answer.body)).not.toContain('Home Plex');
    }
  });

  it('refuses malformed invoke and resources bodies, naming the fields', async () => {
    const { v1, builtinId } = await scene();
    const cases: [unknown, string][] = [
      [{ mcp_id: builtinId, tool: 'library_list', extra: 1 }, 'extra'],
      [{ mcp_id: builtinId, tool: 'library_list', arguments: [1, 2] }, 'arguments'],
      [{ mcp_id: 'not-an-id', tool: 'library_list' }, 'mcp_id'],
      [{ mcp_id: builtinId, tool: '' }, 'tool'],
    ];
    for (const [body, field] of cases) {
      const answer = await v1('POST', '/mcp/invoke', body);
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
      expect(answer.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(
        field,
      );
    }
    const resources = await v1('POST', '/mcp/resources', { mcp_id: builtinId, uri: 7 });
    expect(resources).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});

describe('a changed MCP', () => {
  it('is called with its new settings at once when changed here, and not at all once removed', async () => {
    const { v1 } = await scene();
    const cabin = await listeningPlex('Cabin Plex');
    const cabinId = await addPlexMcp(v1, { name: 'Cabin', url: cabin.url, token: 'wrong-token' });
    const call = () => v1('POST', '/mcp/invoke', { mcp_id: cabinId, tool: 'server_get_info' });
    expect((await call()).status).toBe(502);
    const patched = await v1('PATCH', `/mcps/${cabinId}`, { token: cabin.emulator.token });
    expect(patched.status).toBe(200);
    expect(await call()).toMatchObject({ status: 200, body: { data: { name: 'Cabin Plex' } } });
    expect((await v1('DELETE', `/mcps/${cabinId}`)).status).toBe(200);
    expect(await call()).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});

describe('one MCP', () => {
  it('answers a health probe’s status and the tool count', async () => {
    const { v1, builtinId } = await scene();
    const own = await v1('GET', `/mcps/${builtinId}`);
    expect(own).toMatchObject({
      status: 200,
      body: {
        data: { id: builtinId, builtin: true, status: 'ok', tool_count: expect.any(Number) },
      },
    });
    expect(own.body.data.tool_count).toBeGreaterThan(40);
    const down = await addPlexMcp(v1, {
      name: 'Down',
      url: `http://127.0.0.1:${await closedPort()}`,
      token: 'whatever-token',
    });
    expect((await v1('GET', `/mcps/${down}`)).body.data).toMatchObject({
      status: 'unreachable',
      tool_count: null,
    });
    const cabin = await listeningPlex('Cabin Plex');
    const wrong = await addPlexMcp(v1, { name: 'Wrong', url: cabin.url, token: 'not-this-one' });
    expect((await v1('GET', `/mcps/${wrong}`)).body.data).toMatchObject({
      status: 'unauthorized',
      tool_count: null,
    });
    // The list stays a plain read of the table: no probes for a page of MCPs.
    const listed = await v1('GET', '/mcps');
    expect(listed.body.data[0]).not.toHaveProperty('status');
  });
});

describe('resources', () => {
  it('lists the libraries and templates of an MCP and reads one', async () => {
    const { v1, builtinId } = await scene();
    const listed = await v1('POST', '/mcp/resources', { mcp_id: builtinId });
    expect(listed.status).toBe(200);
    expect(listed.body.data.templates.map((t: { uri: string }) => t.uri)).toEqual([
      'plex://library/{id}',
      'plex://item/{id}',
    ]);
    const first = listed.body.data.resources[0];
    expect(first.uri).toMatch(/^plex:\/\/library\/\d+$/);
    const read = await v1('POST', '/mcp/resources', { mcp_id: builtinId, uri: first.uri });
    expect(read.status).toBe(200);
    const [content] = read.body.data.contents;
    expect(content.mimeType).toBe('application/json');
    expect(JSON.parse(content.text)).toMatchObject({
      title: first.name,
      stats: expect.any(Object),
    });
    expect(
      await v1('POST', '/mcp/resources', { mcp_id: builtinId, uri: 'plex://nothing/1' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});

describe('the OpenAPI document', () => {
  it('documents invoke, tools and resources beside the management routes', async () => {
    const { v1 } = await scene();
    const document = await v1('GET', '/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/mcp/invoke', '/mcp/resources', '/mcps/{id}/tools']),
    );
    expect(document.body.components.schemas).toHaveProperty('Tool');
  });
});
