// Usage is exact: callers on every door for a bounded time, the server and its platform closed
// gracefully in the middle and started again on the same database, and then /v1/usage and
// /v1/usage/history count exactly the calls that were made — per key and per tool. On SQLite
// always, on PostgreSQL when PLEXMCP_TEST_DATABASE_URL names a server.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  createOrganization,
  ensureBuiltinMcp,
  migrateToLatest,
  openStorage,
  startPlatformHost,
} from '@plexmcp/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { connectLegacySse, connectStreamableHttp } from '../testing/http-clients.js';
import { startHttpServer } from './server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PG_URL = process.env.PLEXMCP_TEST_DATABASE_URL;
const TOOLS = ['library_list', 'media_search'] as const;
const ARGS: Record<(typeof TOOLS)[number], Record<string, unknown>> = {
  library_list: {},
  media_search: { query: 'the' },
};
const DOORS = ['mcp', 'sse', 'tools', 'moviepilot', 'invoke'] as const;
type Door = (typeof DOORS)[number];

/** One run: a server and its platform on `database`, until closed. */
async function serverOn(database: string, dataDir: string) {
  const platform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dataDir },
    database,
    staticKeys: false,
    // Flushes during the run, not only at close, so both paths are exercised.
    usage: { flushIntervalMs: 200 },
  });
  const { plex } = emulatedPlex();
  const server = await startHttpServer({
    plex,
    port: 0,
    platform,
    rateLimit: false,
    config: { defaultUsername: 'demo_owner' },
  });
  return {
    url: server.url,
    async close() {
      // What SIGTERM does (cli.ts): the server stops, then the platform writes what it counted.
      await server.close();
      await platform.close();
    },
  };
}

/** Callers of one key, one per door, calling in turn until `until`; counts what succeeded. */
async function callers(url: string, key: string, mcpId: string, durationMs: number) {
  const made = new Map<string, number>();
  const count = (tool: string, door: Door) =>
    made.set(`${door} ${tool}`, (made.get(`${door} ${tool}`) ?? 0) + 1);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const clients: Client[] = [];
  const call: Record<Door, (tool: (typeof TOOLS)[number]) => Promise<void>> = {
    mcp: async () => undefined,
    sse: async () => undefined,
    async tools(tool) {
      const res = await fetch(`${url}/tools/call`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ tool_name: tool, arguments: ARGS[tool] }),
      });
      expect(res.status).toBe(200);
      await res.text();
    },
    async moviepilot(tool) {
      const res = await fetch(`${url}/api/v1/mcp/tools/call`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ tool_name: tool, arguments: ARGS[tool] }),
      });
      expect(res.status).toBe(200);
      await res.text();
    },
    async invoke(tool) {
      const res = await fetch(`${url}/v1/mcp/invoke`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ mcp_id: mcpId, tool, arguments: ARGS[tool] }),
      });
      expect(res.status).toBe(200);
      await res.text();
    },
  };
  const mcp = await connectStreamableHttp({ baseUrl: url, apiKey: key });
  const sse = await connectLegacySse({ baseUrl: url, apiKey: key });
  clients.push(mcp, sse);
  for (const [door, client] of [
    ['mcp', mcp],
    ['sse', sse],
  ] as const) {
    call[door] = async (tool) => {
      const result = await client.callTool({ name: tool, arguments: ARGS[tool] });
      expect(result.isError).not.toBe(true);
    };
  }
  // The time starts once the clients are connected.
  const until = Date.now() + durationMs;
  await Promise.all(
    DOORS.map(async (door) => {
      for (let i = 0; Date.now() < until; i += 1) {
        const tool = TOOLS[i % TOOLS.length]!;
        await call[door](tool);
        count(tool, door);
      }
    }),
  );
  await Promise.all(clients.map((client) => client.close()));
  return made;
}

/** Adds `more` into `into`. */
function addAll(into: Map<string, number>, more: Map<string, number>) {
  for (const [k, n] of more) into.set(k, (into.get(k) ?? 0) + n);
}

async function exactness(database: string, dataDir: string) {
  // The organization, its builtin MCP and two keys, made as `admin init` and the API make them.
  const storage = await openStorage(
    database.startsWith('postgres') ? { url: database } : { file: database },
  );
  await migrateToLatest(storage);
  const created = await createOrganization(storage, {
    name: `Usage ${Date.now()}`,
    owner: { email: 'owner@usage.example', name: 'Owner' },
    adminKey: { name: 'admin' },
  });
  const builtin = await ensureBuiltinMcp(storage, created.organization.id, { access: 'read' });
  await storage.close();
  const admin = created.key!;

  let server = await serverOn(database, dataDir);
  const second = await fetch(`${server.url}/v1/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'second', scopes: ['read'] }),
  }).then((r) => r.json() as Promise<{ data: { id: string; secret: string } }>);
  const keys = [
    { id: admin.id, secret: admin.secret },
    { id: second.data.id, secret: second.data.secret },
  ];
  /** Calls made per key, `door tool` → count. */
  const made = new Map(keys.map((k) => [k.id, new Map<string, number>()]));
  const v1Requests = new Map(keys.map((k) => [k.id, 0]));
  v1Requests.set(admin.id, 1); // the key creation above

  for (const phase of [0, 1]) {
    const results = await Promise.all(
      keys.map((k) => callers(server.url, k.secret, builtin.id, 1500)),
    );
    keys.forEach((k, i) => {
      addAll(made.get(k.id)!, results[i]!);
    });
    if (phase === 0) {
      // A graceful restart in the middle: the platform writes its counts, a new one starts.
      await server.close();
      server = await serverOn(database, dataDir);
    }
  }
  cleanups.push(() => server.close());

  for (const k of keys) {
    const invokes = [...made.get(k.id)!]
      .filter(([name]) => name.startsWith('invoke '))
      .reduce((s, [, n]) => s + n, 0);
    v1Requests.set(k.id, v1Requests.get(k.id)! + invokes);
  }
  const get = async (path: string) => {
    const res = await fetch(`${server.url}/v1${path}`, {
      headers: { authorization: `Bearer ${admin.secret}` },
    });
    expect(res.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: the envelope is checked field by field below.
    return (await res.json()) as any;
  };
  const usage = (await get('/usage')).data;
  const toolCalls = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const totalTools = keys.reduce((s, k) => s + toolCalls(made.get(k.id)!), 0);
  const perTool = (tool: string) =>
    keys.reduce(
      (s, k) =>
        s +
        [...made.get(k.id)!]
          .filter(([name]) => name.endsWith(` ${tool}`))
          .reduce((t, [, n]) => t + n, 0),
      0,
    );
  // Every door was used, many times.
  expect(totalTools).toBeGreaterThan(20);
  expect(usage.tool_calls).toBe(totalTools);
  expect(usage.errors).toBe(0);
  for (const tool of TOOLS) {
    expect(usage.top_tools.find((t: { tool: string }) => t.tool === tool)?.calls, tool).toBe(
      perTool(tool),
    );
  }
  expect(usage.by_mcp).toEqual([{ mcp_id: builtin.id, tool_calls: totalTools, errors: 0 }]);
  for (const k of keys) {
    const calls = made.get(k.id)!;
    const invokes = v1Requests.get(k.id)!;
    const onDoors =
      toolCalls(calls) -
      [...calls].filter(([n]) => n.startsWith('invoke ')).reduce((s, [, n]) => s + n, 0);
    const row = usage.by_key.find((b: { key_id: string }) => b.key_id === k.id);
    // The admin's own /usage request is counted after it is answered, so not in this answer.
    expect(row, k.id).toEqual({
      key_id: k.id,
      requests: onDoors + invokes,
      tool_calls: toolCalls(calls),
      errors: 0,
    });
    const history = await get(`/usage/history?granularity=hour&per_page=100&key_id=${k.id}`);
    const summed = history.data.reduce(
      (s: number[], p: { requests: number; tool_calls: number }) => [
        s[0]! + p.requests,
        s[1]! + p.tool_calls,
      ],
      [0, 0],
    );
    // Each earlier GET by the admin is one more /v1 request of that key, written by now.
    const earlierGets = k.id === admin.id ? 1 + keys.indexOf(k) : 0;
    expect(summed, k.id).toEqual([onDoors + invokes + earlierGets, toolCalls(calls)]);
  }
}

describe('usage exactness across every door and a graceful restart', () => {
  it('counts exactly the calls made, per key and per tool, on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plexmcp-usage-'));
    await exactness(join(dir, 'plexmcp.db'), dir);
  }, 60_000);

  it.skipIf(!PG_URL)(
    'counts exactly the calls made on PostgreSQL (skipped: set PLEXMCP_TEST_DATABASE_URL to a PostgreSQL server to run it)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plexmcp-usage-pg-'));
      await exactness(PG_URL!, dir);
    },
    60_000,
  );
});
