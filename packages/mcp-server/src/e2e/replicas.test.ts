// Several replicas of the built server on one PostgreSQL, as a balancer that does not stick
// sessions would use them: keys, plan limits, usage and migrations are shared through the
// database, MCP sessions are not. Clients spread their requests across the replicas.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuilt } from '../testing/built-bin.js';
import { connectStreamableHttp } from '../testing/http-clients.js';
import { startBuiltHttpServer } from '../testing/http-server.js';
import { type ReplicaScene, startReplicaScene } from '../testing/replica-scene.js';
import { type Replica, request, spreadingClient, startReplicas } from '../testing/replicas.js';
import { CALL_TIMEOUT, SPAWN_TIMEOUT } from './scene.js';

let scene: ReplicaScene;
let replicas: Replica[];
let admin: string;

const libraryList = { tool_name: 'library_list', arguments: {} };

beforeAll(async () => {
  scene = await startReplicaScene(['a', 'b']);
  ({ replicas, admin } = scene);
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await scene?.close();
}, SPAWN_TIMEOUT);

// Processes start and load runs for seconds on a busy machine: more than vitest's 5-s default.
describe('replicas on one PostgreSQL', { timeout: CALL_TIMEOUT }, () => {
  it('migrate a fresh database once when started together', async () => {
    const names = (await scene.postgres.psql('select name from plexmcp_migration')).map(([n]) => n);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    for (const replica of replicas) {
      expect((await request(replica.url, '/ready')).body).toEqual({
        status: 'ready',
        database: 'ok',
        plex: 'ok',
      });
    }
  });

  it('refuse to start, saying why, on a database a newer version migrated', async () => {
    await scene.postgres.psql('create database newer');
    const newer = scene.postgres.urlOf('newer');
    // Migrated by this version first (the command refuses to list keys without an organization).
    await runBuilt(['keys', 'list', '--json'], scene.env(newer));
    await scene.postgres.psql(
      `insert into plexmcp_migration (name, timestamp) values ('9999_from_the_future', '${new Date().toISOString()}')`,
      'newer',
    );
    const started = await startBuiltHttpServer({ env: scene.env(newer) }).then(
      () => expect.fail('an older replica started on a newer schema'),
      (error: Error) => error.message,
    );
    expect(started).toContain('exited with 1');
    expect(started).toContain(
      "cannot open the platform's database: The database was migrated by a newer plex-mcp-server: it has 1 migration this version does not know (9999_from_the_future;",
    );
  });

  it('honour a key made on one replica on every other at once, and refuse it everywhere within a second of its revocation', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const key = await scene.createKey(a, 'spread');
    // Never seen by b before: unknown keys are not cached, so it is honoured on first sight.
    expect(
      (await request(b.url, '/tools/call', { key: key.secret, body: libraryList })).status,
    ).toBe(200);
    // b now holds the key's answer for up to 0.9 s.
    const revoked = await request(a.url, `/v1/api-keys/${key.id}`, {
      key: admin,
      method: 'DELETE',
    });
    expect(revoked.status).toBe(200);
    const at = Date.now();
    // The replica that revoked forgets at once.
    expect((await request(a.url, '/tools', { key: key.secret })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at + 1000 - Date.now())));
    // One second on, the first request to the other replica is refused.
    const late = await request(b.url, '/tools', { key: key.secret });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toMatch(/revoked/);
  });

  it('answer a session opened on another replica with "session not found", and a new session on this one works', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const opened = await connectStreamableHttp({ baseUrl: a.url, apiKey: admin });
    const sessionId = (opened.transport as { sessionId?: string }).sessionId as string;
    expect(sessionId).toBeTruthy();
    const elsewhere = await fetch(`${b.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32001, message: 'Session not found: initialize a new session.' },
      id: null,
    });
    // What a client does on that answer: initialize again, here on the replica it reached.
    const again = await connectStreamableHttp({ baseUrl: b.url, apiKey: admin });
    expect((await again.listTools()).tools.length).toBeGreaterThan(0);
    await Promise.all([opened.close(), again.close()]);
  });

  it('serve a stateless MCP client on any replica, request by request', async () => {
    const stateless = await startReplicas(['c', 'd'], { env: scene.env(), args: ['--stateless'] });
    try {
      const served: string[] = [];
      let turn = 0;
      // A balancer without stickiness: every request of the one client goes to the next replica.
      const roundRobin = (url: string | URL, init?: RequestInit) => {
        const target = stateless[turn++ % stateless.length] as Replica;
        served.push(target.name);
        return fetch(String(url).replace(stateless[0]!.url, target.url), init);
      };
      const client = await connectStreamableHttp({
        baseUrl: stateless[0]!.url,
        apiKey: admin,
        fetch: roundRobin,
      });
      for (let i = 0; i < 4; i += 1) {
        const result = await client.callTool({ name: 'library_list', arguments: {} });
        expect(result.isError).not.toBe(true);
      }
      expect(new Set(served)).toEqual(new Set(['c', 'd']));
      await client.close();
    } finally {
      for (const replica of stateless) expect(await replica.server.stop()).toBe(0);
    }
  });

  it("keep one plan budget per key across replicas: a free key's flood gets 10 a second in all", async () => {
    const flood = await scene.command<{ key: { secret: string } }>([
      'admin',
      'init',
      '--another',
      '--org',
      'Flood',
      '--email',
      'flood@example.com',
      '--plan',
      'free',
    ]);
    const send = spreadingClient(() => replicas);
    const allowed = new Map<string, number>();
    const allowedBy = new Set<string>();
    const refusedBy = new Set<string>();
    const until = Date.now() + 3200;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (Date.now() < until) {
          const answer = await send('/tools', { key: flood.key.secret });
          expect(answer.headers.get('x-ratelimit-limit')).toBe('10');
          if (answer.status === 200) {
            const window = answer.headers.get('x-ratelimit-reset') as string;
            allowed.set(window, (allowed.get(window) ?? 0) + 1);
            allowedBy.add(answer.replica);
          } else {
            expect(answer.status).toBe(429);
            refusedBy.add(answer.replica);
          }
        }
      }),
    );
    // Each one-second window let through at most the plan's 10, whichever replica answered,
    // and every window but the last (cut short by the end of the flood) at least 9 of them.
    const windows = [...allowed.entries()].sort(([x], [y]) => Number(x) - Number(y));
    expect(windows.length).toBeGreaterThanOrEqual(3);
    for (const [, count] of windows) expect(count).toBeLessThanOrEqual(10);
    for (const [, count] of windows.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(9);
    expect(allowedBy).toEqual(new Set(['a', 'b']));
    expect(refusedBy).toEqual(new Set(['a', 'b']));
  });

  it('count usage exactly once, and show the same totals on every replica', async () => {
    const key = await scene.createKey(replicas[0]!, 'usage');
    const send = spreadingClient(() => replicas);
    const calls = 40;
    await Promise.all(
      Array.from({ length: calls }, async (_, i) => {
        const answer =
          i % 2 === 0
            ? await send('/tools/call', { key: key.secret, body: libraryList })
            : await send('/v1/mcp/invoke', {
                key: key.secret,
                body: { mcp_id: scene.mcpId, tool: 'library_list', arguments: {} },
              });
        expect(answer.status).toBe(200);
      }),
    );
    const usageOn = async (replica: Replica) => {
      const answer = await request(replica.url, '/v1/usage', { key: admin });
      expect(answer.status).toBe(200);
      const data = answer.body.data;
      return {
        tool_calls: data.tool_calls,
        key: data.by_key.find((k: { key_id: string }) => k.key_id === key.id),
      };
    };
    // Each replica writes its counts within 0.2 s; then both show the same, exact, totals.
    await expect
      .poll(async () => Promise.all(replicas.map(usageOn)), { timeout: 10_000, interval: 250 })
      .toSatisfy(
        ([a, b]) => JSON.stringify(a) === JSON.stringify(b) && a.key?.tool_calls === calls,
      );
    const [a] = await Promise.all(replicas.map(usageOn));
    expect(a?.key).toEqual({ key_id: key.id, requests: calls, tool_calls: calls, errors: 0 });
  });
});
