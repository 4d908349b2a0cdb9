// The PlexMCP REST API's own walk-through, step by step with plain fetch, as a client written
// from that document would make it: list MCPs, get one, invoke a tool, read resources, list,
// create and revoke keys, the organization and its members, usage and its history. Then every
// status code of the document's table, each produced by a request that earns it.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createOrganization,
  initDefaultOrganization,
  migrateToLatest,
  openStorage,
  type Storage,
  startPlatformHost,
} from '@plexmcp/platform';
import { createPlexClient } from '@plexmcp/plex-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, listeningPlex } from '../testing/platform-scene.js';
import { startHttpServer } from './server.js';

const cleanups: Cleanups = [];
let base: string;
let admin: string;
let storage: Storage;

beforeAll(async () => {
  const home = await listeningPlex(cleanups, 'Home Plex');
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-walkthrough-'));
  const file = join(dir, 'plexmcp.db');
  storage = await openStorage({ file });
  await migrateToLatest(storage);
  cleanups.push(() => storage.close());
  const init = await initDefaultOrganization(storage, {
    name: 'Home',
    plan: 'team',
    owner: { email: 'me@home.example', name: 'Me' },
    adminKey: { name: 'admin' },
  });
  if (init.outcome === 'initialized') throw new Error('not a fresh database');
  admin = init.key.secret;
  const platform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dir },
    database: file,
    staticKeys: false,
    log: { error: () => {} },
  });
  cleanups.push(() => platform.close());
  // Rate limits on, as deployed: the plan decides (team: 1000 per second per key).
  const server = await startHttpServer({
    plex: createPlexClient({ baseUrl: home.url, token: home.emulator.token, retry: false }),
    port: 0,
    platform,
  });
  cleanups.push(() => server.close());
  base = `${server.url}/v1`;
}, 30_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One request the way the document shows it: Bearer key, JSON in and out. */
async function call(method: string, path: string, body?: unknown, key: string | null = admin) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: the document's shapes, checked by expect().
    body: (await response.json()) as any,
  };
}

describe('the documented walk-through', () => {
  let mcpId: string;

  it('lists the organization’s MCPs, paginated', async () => {
    const listed = await call('GET', '/mcps?page=1&per_page=20');
    expect(listed).toMatchObject({
      status: 200,
      body: {
        success: true,
        data: [{ id: expect.stringMatching(/^mcp_/), name: 'Plex', kind: 'plex' }],
        pagination: { page: 1, per_page: 20, total: 1, total_pages: 1 },
      },
    });
    mcpId = listed.body.data[0].id;
    expect(listed.headers.get('x-ratelimit-limit')).toBe('1000');
  });

  it('gets one MCP', async () => {
    expect(await call('GET', `/mcps/${mcpId}`)).toMatchObject({
      status: 200,
      body: { success: true, data: { id: mcpId, status: 'ok' } },
    });
  });

  it('invokes a tool', async () => {
    const invoked = await call('POST', '/mcp/invoke', {
      mcp_id: mcpId,
      tool: 'server_get_info',
      arguments: {},
    });
    expect(invoked).toMatchObject({
      status: 200,
      body: { success: true, data: { name: 'Home Plex' } },
    });
  });

  it('reads resources', async () => {
    const listed = await call('POST', '/mcp/resources', { mcp_id: mcpId });
    expect(listed.status).toBe(200);
    const [library] = listed.body.data.resources;
    const read = await call('POST', '/mcp/resources', { mcp_id: mcpId, uri: library.uri });
    expect(read).toMatchObject({
      status: 200,
      body: { success: true, data: { contents: [{ uri: library.uri }] } },
    });
  });

  it('lists, creates and revokes API keys', async () => {
    const before = await call('GET', '/api-keys');
    expect(before).toMatchObject({
      status: 200,
      body: { success: true, pagination: { total: 1 } },
    });
    const created = await call('POST', '/api-keys', { name: 'laptop', scopes: ['read'] });
    expect(created).toMatchObject({
      status: 201,
      body: { success: true, data: { name: 'laptop', secret: expect.stringMatching(/^plexmcp_/) } },
    });
    const { id, secret } = created.body.data;
    expect((await call('GET', '/organization', undefined, secret)).status).toBe(200);
    expect(await call('DELETE', `/api-keys/${id}`)).toMatchObject({
      status: 200,
      body: { success: true, data: { id, revoked_at: expect.any(String) } },
    });
    expect((await call('GET', '/organization', undefined, secret)).status).toBe(401);
    const after = await call('GET', '/api-keys');
    expect(JSON.stringify(after.body)).not.toContain(secret);
  });

  it('reads the organization and its members', async () => {
    expect(await call('GET', '/organization')).toMatchObject({
      status: 200,
      body: { success: true, data: { name: 'Home', plan: 'team' } },
    });
    expect(await call('GET', '/organization/members')).toMatchObject({
      status: 200,
      body: { success: true, data: [{ email: 'me@home.example', role: 'owner' }] },
    });
  });

  it('reads usage and its history', async () => {
    const usage = await call('GET', '/usage');
    expect(usage).toMatchObject({ status: 200, body: { success: true, data: { plan: 'team' } } });
    expect(usage.body.data.tool_calls).toBeGreaterThanOrEqual(1);
    const history = await call('GET', '/usage/history?granularity=day');
    expect(history).toMatchObject({
      status: 200,
      body: { success: true, pagination: { page: 1 } },
    });
  });
});

describe('every status code of the document’s table', () => {
  it('400 bad request', async () => {
    expect(await call('POST', '/api-keys', '{"name": ')).toMatchObject({
      status: 400,
      body: { success: false, error: { code: 'invalid_request' } },
    });
  });

  it('401 unauthorized', async () => {
    expect(await call('GET', '/organization', undefined, null)).toMatchObject({
      status: 401,
      body: { success: false, error: { code: 'unauthorized' } },
    });
  });

  it('403 forbidden', async () => {
    const reader = await call('POST', '/api-keys', { name: 'reader', scopes: ['read'] });
    expect(
      await call('POST', '/api-keys', { name: 'more', scopes: ['read'] }, reader.body.data.secret),
    ).toMatchObject({ status: 403, body: { success: false, error: { code: 'forbidden' } } });
  });

  it('404 not found', async () => {
    expect(await call('GET', '/mcps/mcp_00000000000000000000')).toMatchObject({
      status: 404,
      body: { success: false, error: { code: 'not_found' } },
    });
  });

  it('429 rate limited, on the free plan', async () => {
    const free = await createOrganization(storage, {
      name: 'Free',
      plan: 'free',
      owner: { email: 'free@example.com', name: 'Free' },
      adminKey: { name: 'admin' },
    });
    const key = free.key?.secret ?? '';
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await call('GET', '/organization', undefined, key));
    const limited = answers.find((answer) => answer.status === 429);
    expect(limited).toMatchObject({ body: { success: false, error: { code: 'rate_limited' } } });
    expect(limited?.headers.get('x-ratelimit-limit')).toBe('10');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('500 server error, without a word of the cause', async () => {
    // Our own failure: the usage table gone from under the server.
    await storage.db.schema.alterTable('usage_minutes').renameTo('usage_minutes_away').execute();
    try {
      const failed = await call('GET', '/usage');
      expect(failed).toMatchObject({
        status: 500,
        body: {
          success: false,
          error: { code: 'internal_error', message: expect.stringContaining('server log') },
        },
      });
      expect(JSON.stringify(failed.body)).not.toMatch(/usage_minutes|sqlite|SQL/i);
    } finally {
      await storage.db.schema.alterTable('usage_minutes_away').renameTo('usage_minutes').execute();
      // Let the meter's next flush find its table before the server closes.
      await sleep(10);
    }
  });
});
