// Plans' rate limits through the server: a platform caller (managed key, or configured key in
// the default organization) spends its organization's plan per key on every door; callers the
// platform does not know keep the server's own bucket; `rateLimit: false` turns both off.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  changePlan,
  createApiKey,
  createOrganization,
  migrateToLatest,
  openStorage,
  type Storage,
  startPlatformHost,
  staticCaller,
} from '@plexmcp/platform';
import { afterEach, expect, it } from 'vitest';
import { parseApiKeys } from '../config/config.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import type { ServerPlatform } from './platform.js';
import { type HttpServerOptions, startHttpServer } from './server.js';

const STATIC_KEY = 'static-admin-0123456789-abcdefghijk';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server with the platform on a SQLite file of its own, and a second handle on that file. */
async function serve(options: Partial<HttpServerOptions> = {}, staticKeys = false) {
  const file = join(mkdtempSync(join(tmpdir(), 'plexmcp-plans-')), 'plexmcp.db');
  const platform: ServerPlatform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: join(file, '..') },
    database: file,
    staticKeys,
  });
  cleanups.push(() => platform.close());
  const storage = await openStorage({ file });
  await migrateToLatest(storage);
  cleanups.push(() => storage.close());
  const server = await startHttpServer({
    plex: emulatedPlex().plex,
    port: 0,
    config: { defaultUsername: 'demo_owner' },
    platform,
    ...options,
  });
  cleanups.push(() => server.close());
  return { url: server.url, storage, platform };
}

/** An organization (free, as a new one is) with its owner's admin key. */
async function organization(storage: Storage, name: string) {
  const created = await createOrganization(storage, {
    name,
    owner: { email: `owner@${name.toLowerCase()}.example`, name: 'Owner' },
    adminKey: { name: 'admin' },
  });
  if (!created.key) throw new Error('no key');
  const caller = staticCaller(created.organization.id, ['read', 'write', 'delete', 'admin']);
  return {
    id: created.organization.id,
    ownerId: created.owner.id,
    secret: created.key.secret,
    caller,
  };
}

const get = (url: string, key: string) =>
  fetch(url, { headers: { authorization: `Bearer ${key}` } });

/** `count` requests at once; answers their statuses and the limit they were told. */
async function burst(url: string, key: string, count: number) {
  const responses = await Promise.all(Array.from({ length: count }, () => get(url, key)));
  await Promise.all(responses.map((response) => response.arrayBuffer()));
  return {
    statuses: responses.map((response) => response.status),
    limits: new Set(responses.map((response) => response.headers.get('x-ratelimit-limit'))),
  };
}

it("answers 429 to a free organization's key after 10 quick requests, on /tools and on /v1", async () => {
  const { url, storage } = await serve();
  const free = await organization(storage, 'Free');
  const second = await createApiKey(storage, free.caller, {
    name: 'second',
    scopes: ['read'],
    member_id: free.ownerId,
  });

  const tools = await burst(`${url}/tools`, free.secret, 10);
  expect(tools).toEqual({ statuses: Array(10).fill(200), limits: new Set(['10']) });
  const refused = await get(`${url}/tools`, free.secret);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('x-ratelimit-limit')).toBe('10');
  expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const reset = Number(refused.headers.get('x-ratelimit-reset'));
  expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
  expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2);
  expect(await refused.json()).toMatchObject({
    success: false,
    error: {
      code: 'RATE_LIMITED',
      message: expect.stringContaining('10 per second per API key on the free plan'),
      details: { plan: 'free', per_second: 10 },
    },
  });

  // Another key of the same organization has a budget of its own, spent here on /v1.
  const v1 = await burst(`${url}/v1/organization`, second.secret, 10);
  expect(v1).toEqual({ statuses: Array(10).fill(200), limits: new Set(['10']) });
  const envelope = await get(`${url}/v1/organization`, second.secret);
  expect(envelope.status).toBe(429);
  expect(envelope.headers.get('x-ratelimit-limit')).toBe('10');
  expect(Number(envelope.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await envelope.json()).toMatchObject({
    success: false,
    error: {
      code: 'rate_limited',
      details: { plan: 'free', retry_after_seconds: expect.any(Number) },
    },
  });

  // The next window lets the first key in again.
  await sleep(reset * 1000 - Date.now() + 100);
  expect((await get(`${url}/tools`, free.secret)).status).toBe(200);
});

it("lets a team organization's key far past that, whatever the server's own --rate-limit", async () => {
  const { url, storage } = await serve({ rateLimit: { perSecond: 1, burst: 2 } });
  const team = await organization(storage, 'Team');
  await changePlan(storage, team.caller, 'team');
  const answered = await burst(`${url}/tools`, team.secret, 40);
  expect(answered).toEqual({ statuses: Array(40).fill(200), limits: new Set(['1000']) });
});

it('charges a JSON-RPC batch one per message, and refuses one larger than the plan allows at once', async () => {
  const { url, storage } = await serve();
  const free = await organization(storage, 'Batches');
  const batch = (size: number) =>
    fetch(`${url}/api/v1/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${free.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: size }, (_, id) => ({ jsonrpc: '2.0', id, method: 'tools/list' })),
      ),
    });
  const tooLarge = await batch(11);
  expect(tooLarge.status).toBe(400);
  expect(JSON.stringify(await tooLarge.json())).toContain(
    'more than the 10 per second the free plan allows',
  );
  // That refusal still cost its first message: 9 are left. A batch of 9 spends them all (this
  // door then answers one message per POST, but the batch was paid for before it was read).
  const nine = await batch(9);
  expect(nine.headers.get('x-ratelimit-limit')).toBe('10');
  expect(nine.headers.get('x-ratelimit-remaining')).toBe('0');
  expect((await batch(1)).status).toBe(429);
});

it('limits configured keys by the default organization plan, and sees a plan change', async () => {
  const { url, storage, platform } = await serve({ apiKeys: parseApiKeys([STATIC_KEY]) }, true);
  const home = platform.defaultOrganizationId as string;
  expect((await get(`${url}/tools`, STATIC_KEY)).headers.get('x-ratelimit-limit')).toBe('1000');
  // `admin plan free` from the CLI: another handle on the database.
  await changePlan(storage, staticCaller(home, ['admin']), 'free');
  let limit: string | null = '1000';
  const deadline = Date.now() + 3000;
  while (limit !== '10' && Date.now() < deadline) {
    await sleep(100);
    limit = (await get(`${url}/tools`, STATIC_KEY)).headers.get('x-ratelimit-limit');
  }
  expect(limit).toBe('10');
});

it('without keys, the local user keeps the server bucket; rateLimit: false turns every limit off', async () => {
  const local = await serve({ rateLimit: { perSecond: 1, burst: 3 } });
  const open = await fetch(`${local.url}/tools`);
  expect(open.headers.get('x-ratelimit-limit')).toBe('3');

  const off = await serve({ rateLimit: false });
  const free = await organization(off.storage, 'Unlimited');
  const answered = await burst(`${off.url}/tools`, free.secret, 15);
  expect(answered).toEqual({ statuses: Array(15).fill(200), limits: new Set([null]) });
});
