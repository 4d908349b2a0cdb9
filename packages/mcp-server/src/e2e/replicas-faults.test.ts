// Replicas under faults: one killed mid-load, PostgreSQL restarted under them, and the drain a
// SIGTERM does. Clients spread their calls and retry on the next replica, as behind a balancer.

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReplicaScene, startReplicaScene } from '../testing/replica-scene.js';
import { type Replica, request, spreadingClient, startReplicas } from '../testing/replicas.js';
import { CALL_TIMEOUT, SPAWN_TIMEOUT } from './scene.js';

let scene: ReplicaScene;

const libraryList = { tool_name: 'library_list', arguments: {} };

beforeAll(async () => {
  // Three: when one is killed, the others (plural) must keep serving.
  scene = await startReplicaScene(['a', 'b', 'c']);
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await scene?.close();
}, SPAWN_TIMEOUT);

/** The usage entry of `keyId` as `replica` reports it (admin key). */
async function usageOf(replica: Replica, keyId: string) {
  const answer = await request(replica.url, '/v1/usage', { key: scene.admin });
  expect(answer.status).toBe(200);
  const entry = answer.body.data.by_key.find((k: { key_id: string }) => k.key_id === keyId);
  return entry ?? { key_id: keyId, requests: 0, tool_calls: 0, errors: 0 };
}

/**
 * Starts `loops` callers of `call`, each calling again as soon as it has its answer, until
 * `stop()`, which rethrows the first failure (kept until then, so it is never unhandled).
 */
function load(loops: number, call: () => Promise<void>) {
  let done = false;
  let failure: unknown;
  const running = Promise.all(
    Array.from({ length: loops }, async () => {
      while (!done && failure === undefined) {
        await call().catch((error: unknown) => {
          failure ??= error;
        });
      }
    }),
  );
  return {
    async stop() {
      done = true;
      await running;
      if (failure !== undefined) throw failure;
    },
  };
}

// Processes start and load runs for seconds on a busy machine: more than vitest's 5-s default.
describe('replicas under faults', { timeout: CALL_TIMEOUT }, () => {
  it('keep serving when one is killed mid-load: retries succeed, the survivors count exactly', async () => {
    const [a, b, c] = scene.replicas as [Replica, Replica, Replica];
    // A key per replica, so each one's usage can be told apart.
    const keys = {
      a: await scene.createKey(a, 'to-a'),
      b: await scene.createKey(a, 'to-b'),
      c: await scene.createKey(a, 'to-c'),
    };
    type Name = keyof typeof keys;
    const send = spreadingClient(() => scene.replicas);
    const ok: Record<Name, number> = { a: 0, b: 0, c: 0 };
    let retried = 0;
    const running = load(6, async () => {
      const answer = await send('/tools/call', {
        key: (replica) => keys[replica as Name].secret,
        body: libraryList,
      });
      expect(answer.status).toBe(200);
      ok[answer.replica as Name] += 1;
      if (answer.retried.length > 0) retried += 1;
    });
    await sleep(1000);
    c.server.child.kill('SIGKILL');
    await c.server.exited;
    const atKill = { ...ok };
    await sleep(1000);
    await running.stop();
    // Every call succeeded (the loop asserts 200); some only on a retry after the kill.
    expect(atKill.c).toBeGreaterThan(0);
    expect(retried).toBeGreaterThan(0);
    expect(ok.a + ok.b).toBeGreaterThan(atKill.a + atKill.b);
    scene.replicas = [a, b];
    // The survivors' counts are exact, on either of them.
    for (const name of ['a', 'b'] as const) {
      await expect
        .poll(async () => (await usageOf(name === 'a' ? b : a, keys[name].id)).tool_calls, {
          timeout: 10_000,
        })
        .toBe(ok[name]);
    }
    // The killed replica lost at most what it had not written yet.
    expect((await usageOf(a, keys.c.id)).tool_calls).toBeLessThanOrEqual(ok.c);
  });

  it('answer 503 while PostgreSQL restarts, and serve again without a restart of their own', async () => {
    const [a] = scene.replicas as [Replica];
    const key = await scene.createKey(a, 'through-restart');
    const send = spreadingClient(() => scene.replicas);
    const seen = { ok: 0, unavailable: 0 };
    let unavailableBody: unknown;
    const running = load(2, async () => {
      const answer = await send('/tools/call', { key: key.secret, body: libraryList });
      if (answer.status === 200) seen.ok += 1;
      else {
        // Never a 500: an outage is 503 with Retry-After, in the door's own shape.
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('2');
        seen.unavailable += 1;
        unavailableBody = answer.body;
      }
      await sleep(20);
    });
    await sleep(300);
    await scene.postgres.stop();
    try {
      // Cached answers about the key run out within a second; then requests need the database.
      await expect.poll(() => seen.unavailable, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(unavailableBody).toEqual({
        success: false,
        result: null,
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: "The server's database is not answering: retry in a few seconds.",
          details: null,
        },
      });
      // A balancer takes the replicas out while the database is away.
      await expect
        .poll(async () => (await request(a.url, '/ready')).body, { timeout: 5000 })
        .toEqual({ status: 'not_ready', database: 'unreachable', plex: 'ok' });
      const v1 = await request(a.url, '/v1/usage', { key: scene.admin });
      expect(v1.status).toBe(503);
      expect(v1.body.error.code).toBe('service_unavailable');
    } finally {
      await scene.postgres.start();
    }
    const okBefore = seen.ok;
    await expect.poll(() => seen.ok, { timeout: 15_000 }).toBeGreaterThan(okBefore + 5);
    await running.stop();
    for (const replica of scene.replicas) {
      await expect.poll(async () => (await request(replica.url, '/ready')).status).toBe(200);
    }
    // The counts made while the database was down were kept and written once it was back.
    await expect
      .poll(async () => (await usageOf(a, key.id)).tool_calls, { timeout: 10_000 })
      .toBe(seen.ok);
  });

  it('finish a call in flight on SIGTERM, refuse new ones, write its usage and exit 0', async () => {
    const [a, b] = scene.replicas as [Replica, Replica];
    const key = await scene.createKey(a, 'drained');
    // Plex slows down, so the call is still running when the signal comes.
    scene.plex.emulator.faults.set({ latencyMs: 600 });
    try {
      const started = Date.now();
      const inFlight = request(b.url, '/tools/call', { key: key.secret, body: libraryList });
      await sleep(250);
      b.server.child.kill('SIGTERM');
      await sleep(100);
      // Meanwhile b takes nothing new: the balancer's retry lands on a.
      const meanwhile = await spreadingClient(() => [b, a])('/tools', { key: key.secret });
      expect(meanwhile).toMatchObject({ status: 200, replica: 'a', retried: ['b'] });
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.success).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(await b.server.exited).toBe(0);
      expect(b.server.output.stderr).toContain('stopping: finishing the requests in flight');
      expect(b.server.output.stderr).not.toContain('cut off');
      await expect(request(b.url, '/health')).rejects.toThrow();
    } finally {
      scene.plex.emulator.faults.set({ latencyMs: 0 });
    }
    scene.replicas = [a];
    // The call b finished was counted and written before b exited.
    expect(await usageOf(a, key.id)).toEqual({
      key_id: key.id,
      requests: 1,
      tool_calls: 1,
      errors: 0,
    });
  });

  it('cut off what runs past the drain bound, and still exit 0', async () => {
    const [bounded] = (await startReplicas(['bounded'], {
      env: { ...scene.env(), PLEX_MCP_DRAIN_SECONDS: '1' },
    })) as [Replica];
    const key = await scene.createKey(bounded, 'bounded');
    scene.plex.emulator.faults.set({ latencyMs: 4000 });
    try {
      const inFlight = request(bounded.url, '/tools/call', {
        key: key.secret,
        body: libraryList,
      }).then(
        () => 'answered',
        () => 'cut off',
      );
      await sleep(250);
      const signalled = Date.now();
      bounded.server.child.kill('SIGTERM');
      expect(await bounded.server.exited).toBe(0);
      // Gone after the bound, long before Plex would have answered.
      expect(Date.now() - signalled).toBeLessThan(3500);
      expect(bounded.server.output.stderr).toContain(
        'stopping: 1 request(s) still running were cut off',
      );
      expect(await inFlight).toBe('cut off');
    } finally {
      scene.plex.emulator.faults.set({ latencyMs: 0 });
    }
  });
});
