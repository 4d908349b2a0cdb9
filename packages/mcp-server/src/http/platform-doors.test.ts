// The platform inside the server: managed keys on every door, static keys in the default
// organization, /v1 mounted behind the same guards, revocation seen by open sessions and by
// other processes' writes, and a server that stays open only while no key exists.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  changePlan,
  createOrganization,
  migrateToLatest,
  openStorage,
  revokeApiKey,
  type Storage,
  startPlatformHost,
  staticCaller,
} from '@plexmcp/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../config/config.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { connectLegacySse, connectStreamableHttp } from '../testing/http-clients.js';
import type { ServerPlatform } from './platform.js';
import { type HttpServerOptions, startHttpServer } from './server.js';

const STATIC_ADMIN = 'static-admin-0123456789-abcdefghijk';
const STATIC_TOOLS = 'static-tools-0123456789-lmnopqrstuv';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A SQLite file of its own per test, and a second handle on it (another process, the CLI). */
function databaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'plexmcp-doors-')), 'plexmcp.db');
}

async function otherHandle(file: string): Promise<Storage> {
  const storage = await openStorage({ file });
  await migrateToLatest(storage);
  cleanups.push(() => storage.close());
  return storage;
}

async function platformOn(file: string, staticKeys = false): Promise<ServerPlatform> {
  const platform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: join(file, '..') },
    database: file,
    staticKeys,
  });
  cleanups.push(() => platform.close());
  return platform;
}

async function serve(options: Partial<HttpServerOptions> & { platform?: ServerPlatform }) {
  const { plex } = emulatedPlex();
  const server = await startHttpServer({
    plex,
    port: 0,
    config: { defaultUsername: 'demo_owner' },
    ...options,
  });
  cleanups.push(() => server.close());
  return server;
}

/** An organization with an owner and an admin key, made as `admin init` makes it. */
async function organization(storage: Storage, name: string) {
  const created = await createOrganization(storage, {
    name,
    // `admin init`'s default: the team plan, whose rate limit these tests never reach.
    plan: 'team',
    owner: { email: `owner@${name.toLowerCase()}.example`, name: 'Owner' },
    adminKey: { name: 'admin' },
  });
  const key = created.key;
  if (!key) throw new Error('no key');
  return { ...created, secret: key.secret, keyId: key.id };
}

async function json(response: Response) {
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: the tests read many JSON shapes; expect() checks them.
    body: (await response.json()) as any,
  };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function v1(base: string, path: string, key?: string, init: RequestInit = {}) {
  return fetch(`${base}/v1${path}`, {
    ...init,
    headers: { ...(key ? bearer(key) : {}), ...(init.headers as Record<string, string>) },
  }).then(json);
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function createKey(base: string, adminKey: string, body: Record<string, unknown>) {
  const created = await v1(base, '/api-keys', adminKey, postJson(body));
  expect(created.status).toBe(201);
  return created.body.data as { id: string; secret: string; scopes: string[] };
}

describe('managed keys on every door', () => {
  it('authenticate /mcp, /sse, /tools, /api/v1/mcp, ?apikey= and /v1 alike', async () => {
    const file = databaseFile();
    const home = await organization(await otherHandle(file), 'Home');
    const { url } = await serve({ platform: await platformOn(file) });

    const mcp = await connectStreamableHttp({ baseUrl: url, apiKey: home.secret });
    cleanups.push(() => mcp.close());
    expect((await mcp.listTools()).tools.map((tool) => tool.name)).toContain('media_search');

    const sse = await connectLegacySse({ baseUrl: url, apiKey: home.secret });
    cleanups.push(() => sse.close());
    const searched = await sse.callTool({ name: 'library_list', arguments: {} });
    expect(searched.isError).not.toBe(true);

    const rest = await fetch(`${url}/tools`, { headers: bearer(home.secret) });
    expect(rest.status).toBe(200);
    expect((await fetch(`${url}/tools?apikey=${home.secret}`)).status).toBe(200);
    const moviePilot = await fetch(`${url}/api/v1/mcp/tools`, {
      headers: { 'x-api-key': home.secret },
    });
    expect(moviePilot.status).toBe(200);

    const org = await v1(url, '/organization', home.secret);
    expect(org).toMatchObject({
      status: 200,
      body: { success: true, data: { id: home.organization.id, name: 'Home' } },
    });
    // The rate-limit headers PLATFORM.md promises, on /v1 as on every door.
    expect(org.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    expect(org.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(Number(org.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);

    // Without a key, every door refuses in its own shape.
    expect(await v1(url, '/organization')).toMatchObject({
      status: 401,
      body: { success: false, error: { code: 'unauthorized' } },
    });
    expect((await fetch(`${url}/tools`)).status).toBe(401);
  });

  it('narrows tools to the key’s scopes on every door', async () => {
    const file = databaseFile();
    const home = await organization(await otherHandle(file), 'Home');
    const { url } = await serve({ platform: await platformOn(file) });
    const reader = await createKey(url, home.secret, {
      name: 'reader',
      scopes: ['read'],
      member_id: home.owner.id,
    });

    const mcp = await connectStreamableHttp({ baseUrl: url, apiKey: reader.secret });
    cleanups.push(() => mcp.close());
    const names = (await mcp.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('media_search');
    expect(names).not.toContain('playlist_create');

    const call = await fetch(`${url}/tools/call`, {
      ...postJson({ tool_name: 'playlist_create', arguments: { title: 'x', items: ['1'] } }),
      headers: { 'content-type': 'application/json', ...bearer(reader.secret) },
    }).then(json);
    expect(call).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('write') } },
    });
    // A read key may not manage the organization.
    expect(
      await v1(url, '/api-keys', reader.secret, postJson({ name: 'more', scopes: ['read'] })),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', details: { required_scope: 'admin' } } },
    });
  });

  it('keeps another organization’s keys and members out of sight', async () => {
    const file = databaseFile();
    const storage = await otherHandle(file);
    const home = await organization(storage, 'Home');
    const club = await organization(storage, 'Club');
    const { url } = await serve({ platform: await platformOn(file) });

    const listed = await v1(url, '/api-keys', club.secret);
    expect(listed.body.data.map((key: { id: string }) => key.id)).toEqual([club.keyId]);
    expect(JSON.stringify(listed.body)).not.toContain(home.organization.id);
    expect(
      await v1(url, `/api-keys/${home.keyId}`, club.secret, { method: 'DELETE' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    // Home's key still works: the foreign DELETE touched nothing.
    expect((await v1(url, '/organization', home.secret)).status).toBe(200);
  });
});

describe('guessing managed keys', () => {
  it('gets the same 401 for any wrong key, then 429 per address, while real keys pass', async () => {
    const file = databaseFile();
    const home = await organization(await otherHandle(file), 'Home');
    const { url } = await serve({
      platform: await platformOn(file),
      limits: { 'auth-failures': 3 },
    });
    // A damaged real key (checksum fails), a well-formed stranger, and something else entirely.
    const damaged = `${home.secret.slice(0, -1)}${home.secret.endsWith('A') ? 'B' : 'A'}`;
    const answers = [];
    for (const guess of [damaged, 'plexmcp_not-a-key', 'x'.repeat(40)]) {
      answers.push(await fetch(`${url}/tools`, { headers: bearer(guess) }).then(json));
    }
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((answer) => answer.body.error.message)).size).toBe(1);
    const blocked = await fetch(`${url}/tools`, { headers: bearer(damaged) });
    expect(blocked.status).toBe(429);
    expect((await fetch(`${url}/tools`, { headers: bearer(home.secret) })).status).toBe(200);
  });
});

describe('static keys (PLEX_MCP_API_KEYS)', () => {
  it('act in the default organization, with admin only when named', async () => {
    const file = databaseFile();
    const platform = await platformOn(file, true);
    const { url } = await serve({
      platform,
      apiKeys: parseApiKeys([`${STATIC_ADMIN}:read+write+delete+admin`, STATIC_TOOLS]),
    });

    const org = await v1(url, '/organization', STATIC_ADMIN);
    expect(org).toMatchObject({
      status: 200,
      body: { data: { id: platform.defaultOrganizationId, name: 'Default organization' } },
    });
    // An organization needs people: the operator's admin key adds the first one.
    const added = await v1(
      url,
      '/organization/members',
      STATIC_ADMIN,
      postJson({ email: 'me@home.example', name: 'Me', role: 'owner' }),
    );
    expect(added.status).toBe(201);
    const minted = await createKey(url, STATIC_ADMIN, {
      name: 'laptop',
      scopes: ['read', 'write'],
      member_id: added.body.data.id,
    });
    expect((await fetch(`${url}/tools`, { headers: bearer(minted.secret) })).status).toBe(200);

    // A key configured without scopes has the tools, not the organization.
    expect((await fetch(`${url}/tools`, { headers: bearer(STATIC_TOOLS) })).status).toBe(200);
    expect(
      await v1(url, '/api-keys', STATIC_TOOLS, postJson({ name: 'more', scopes: ['read'] })),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
  });
});

describe('revocation', () => {
  it('ends a revoked key’s open sessions and refuses its next request', async () => {
    const file = databaseFile();
    const home = await organization(await otherHandle(file), 'Home');
    const server = await serve({ platform: await platformOn(file) });
    const laptop = await createKey(server.url, home.secret, {
      name: 'laptop',
      scopes: ['read'],
      member_id: home.owner.id,
    });
    const mcp = await connectStreamableHttp({ baseUrl: server.url, apiKey: laptop.secret });
    cleanups.push(() => mcp.close());
    await mcp.listTools();
    expect(server.sessionCount()).toBe(1);

    const revoked = await v1(server.url, `/api-keys/${laptop.id}`, home.secret, {
      method: 'DELETE',
    });
    expect(revoked).toMatchObject({
      status: 200,
      body: { data: { revoked_at: expect.any(String) } },
    });
    await expect.poll(() => server.sessionCount()).toBe(0);
    await expect(mcp.listTools()).rejects.toThrow();
    const refused = await fetch(`${server.url}/tools`, { headers: bearer(laptop.secret) }).then(
      json,
    );
    expect(refused).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/revoked/) } },
    });
  });

  it('sees a revocation made by another process within a second', async () => {
    const file = databaseFile();
    const storage = await otherHandle(file);
    const home = await organization(storage, 'Home');
    const { url } = await serve({ platform: await platformOn(file) });
    const headers = bearer(home.secret);
    expect((await fetch(`${url}/tools`, { headers })).status).toBe(200);

    await revokeApiKey(storage, staticCaller(home.organization.id, ['admin']), home.keyId);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 3000) {
      status = (await fetch(`${url}/tools`, { headers })).status;
      if (status === 200) await sleep(50);
    }
    expect(status).toBe(401);
    // The cache keeps an answer for a second; allow the poll's own step and a loaded machine.
    expect(Date.now() - revokedAt).toBeLessThan(1500);
  });
});

describe('a server without keys', () => {
  it('is open on loopback until the first managed key exists', async () => {
    const file = databaseFile();
    const { url } = await serve({ platform: await platformOn(file) });
    expect((await fetch(`${url}/tools`)).status).toBe(200);
    // /v1 has nobody to act as yet, and says how to make someone.
    expect(await v1(url, '/organization')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: expect.stringContaining('admin init') } },
    });

    const home = await organization(await otherHandle(file), 'Home');
    await expect
      .poll(async () => (await fetch(`${url}/tools`)).status, { timeout: 3000, interval: 100 })
      .toBe(401);
    expect((await fetch(`${url}/tools`, { headers: bearer(home.secret) })).status).toBe(200);
  });

  it('may listen beyond loopback with a database, refusing everything until a key exists', async () => {
    const file = databaseFile();
    const server = await serve({ platform: await platformOn(file), host: '0.0.0.0' });
    const local = server.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${local}/tools`)).status).toBe(401);
    expect(await v1(local, '/organization')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
  });
});

describe('/v1 behind the front door', () => {
  it('answers the guards’ refusals in the /v1 envelope', async () => {
    const file = databaseFile();
    const storage = await otherHandle(file);
    const home = await organization(storage, 'Home');
    // On the free plan its key gets 10 requests a second, whatever rateLimit says.
    await changePlan(storage, staticCaller(home.organization.id, ['admin']), 'free');
    const { url } = await serve({
      platform: await platformOn(file),
      rateLimit: { perSecond: 1, burst: 3 },
      limits: { 'body-bytes': 1024 },
    });

    expect(
      await v1(url, '/api-keys', home.secret, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      }),
    ).toMatchObject({
      status: 415,
      body: { success: false, error: { code: 'unsupported_media_type' } },
    });
    expect(
      await v1(
        url,
        '/api-keys',
        home.secret,
        postJson({ name: 'x'.repeat(2000), scopes: ['read'] }),
      ),
    ).toMatchObject({
      status: 413,
      body: { success: false, error: { code: 'payload_too_large' } },
    });
    let limited = await v1(url, '/organization', home.secret);
    for (let tries = 0; limited.status === 200 && tries < 15; tries++) {
      limited = await v1(url, '/organization', home.secret);
    }
    expect(limited).toMatchObject({
      status: 429,
      body: {
        success: false,
        error: { code: 'rate_limited', details: { retry_after_seconds: expect.any(Number) } },
      },
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    await sleep(1100);
    expect(await v1(url, '/no-such-thing', home.secret)).toMatchObject({
      status: 404,
      body: { success: false, error: { code: 'not_found' } },
    });
  });

  it('says how to add the platform when it is not installed', async () => {
    const { url } = await serve({});
    expect(await v1(url, '/organization')).toMatchObject({
      status: 404,
      body: {
        success: false,
        error: { code: 'not_found', message: expect.stringContaining('@plexmcp/platform') },
      },
    });
  });
});

describe('persistence', () => {
  it('keeps keys across a restart on the same database, and a revoked key stays revoked', async () => {
    const file = databaseFile();
    const home = await organization(await otherHandle(file), 'Home');
    const first = await serve({ platform: await platformOn(file) });
    const laptop = await createKey(first.url, home.secret, {
      name: 'laptop',
      scopes: ['read'],
      member_id: home.owner.id,
    });
    const phone = await createKey(first.url, home.secret, {
      name: 'phone',
      scopes: ['read'],
      member_id: home.owner.id,
    });
    await v1(first.url, `/api-keys/${phone.id}`, home.secret, { method: 'DELETE' });
    await first.close();

    const second = await serve({ platform: await platformOn(file) });
    expect((await fetch(`${second.url}/tools`, { headers: bearer(laptop.secret) })).status).toBe(
      200,
    );
    expect((await fetch(`${second.url}/tools`, { headers: bearer(phone.secret) })).status).toBe(
      401,
    );
    const keys = await v1(second.url, '/api-keys', home.secret);
    expect(keys.body.data.map((key: { name: string }) => key.name)).toEqual([
      'admin',
      'laptop',
      'phone',
    ]);
  });
});
