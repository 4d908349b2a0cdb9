// 1, 2 and 3 replicas of the built server on one PostgreSQL, with 16 clients spreading their
// calls over them round robin (a balancer without stickiness): throughput and latency of
// POST /v1/mcp/invoke, POST /tools/call and GET /v1/organization. On a 2-core machine the
// replicas, the clients, PostgreSQL and the emulator share the same two cores: this shows what
// replicas cost and that they stay correct under load, not how far they scale on real hardware.

import { loadavg } from 'node:os';
import { openReplicaScene, type ReplicaBenchScene, startReplicas } from './replicas-scene.js';
import type { BenchSection } from './section.js';
import { ms, now, summarize } from './stats.js';

const CLIENTS = 16;
const SECONDS_PER_DOOR = 4;
/** Replica counts in the order they run: up and down again, so drift in load hits all alike. */
const ROUNDS = [1, 2, 3, 3, 2, 1];

type DoorId = 'invoke' | 'tools-call' | 'v1-organization';

/** How one door is called with a key on a replica's base URL; resolves with the status. */
function caller(door: DoorId, mcpId: string) {
  return async (base: string, key: string): Promise<number> => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    let response: Response;
    if (door === 'v1-organization') {
      response = await fetch(`${base}/v1/organization`, { headers });
    } else {
      headers['content-type'] = 'application/json';
      const body =
        door === 'invoke'
          ? { mcp_id: mcpId, tool: 'library_list', arguments: {} }
          : { tool_name: 'library_list', arguments: {} };
      response = await fetch(`${base}${door === 'invoke' ? '/v1/mcp/invoke' : '/tools/call'}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    }
    await response.arrayBuffer();
    return response.status;
  };
}

interface DoorRun {
  calls: number;
  errors: number;
  latencies: number[];
  elapsedMs: number;
}

/** CLIENTS loops, each with its own key, each call to the next replica in turn. */
async function drive(
  urls: string[],
  keys: string[],
  call: (base: string, key: string) => Promise<number>,
  durationMs: number,
): Promise<DoorRun> {
  const run: DoorRun = { calls: 0, errors: 0, latencies: [], elapsedMs: 0 };
  const started = now();
  const deadline = started + durationMs;
  await Promise.all(
    keys.map(async (key, client) => {
      for (let i = client; now() < deadline; i++) {
        const callStarted = now();
        const status = await call(urls[i % urls.length] as string, key).catch(() => 0);
        run.latencies.push(now() - callStarted);
        run.calls++;
        if (status !== 200) run.errors++;
      }
    }),
  );
  run.elapsedMs = now() - started;
  return run;
}

/** Benchmark: the same load on 1, 2 and 3 replicas of one PostgreSQL. */
export async function benchReplicas(): Promise<BenchSection> {
  const scene: ReplicaBenchScene = await openReplicaScene(CLIENTS);
  const doors: DoorId[] = ['invoke', 'tools-call', 'v1-organization'];
  const results = new Map<string, DoorRun[]>();
  /** Resident memory of each replica once its load is over, by replica count. */
  const rss = new Map<number, number[]>();
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    for (const count of ROUNDS) {
      const replicas = await startReplicas(scene, count);
      try {
        const urls = replicas.map((r) => r.url);
        for (const door of doors) {
          const call = caller(door, scene.mcpId);
          // Warm-up: every replica sees every key and loads its Plex client before the clock runs.
          await Promise.all(urls.flatMap((url) => scene.clientKeys.map((key) => call(url, key))));
          const run = await drive(urls, scene.clientKeys, call, SECONDS_PER_DOOR * 1000);
          const id = `${count} ${door}`;
          results.set(id, [...(results.get(id) ?? []), run]);
        }
        rss.set(count, [...(rss.get(count) ?? []), ...replicas.map((r) => r.rss() / 2 ** 20)]);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
    }
  } finally {
    await scene.close();
  }
  const rows: (string | number)[][] = [];
  const throughput = new Map<string, number>();
  for (const count of [1, 2, 3]) {
    for (const door of doors) {
      const runs = results.get(`${count} ${door}`) ?? [];
      const calls = runs.reduce((n, r) => n + r.calls, 0);
      const seconds = runs.reduce((n, r) => n + r.elapsedMs, 0) / 1000;
      const summary = summarize(runs.flatMap((r) => r.latencies));
      const perSecond = calls / seconds;
      throughput.set(`${count} ${door}`, perSecond);
      rows.push([
        count,
        door,
        calls,
        perSecond.toFixed(0),
        ms(summary.p50),
        ms(summary.p99),
        runs.reduce((n, r) => n + r.errors, 0),
      ]);
    }
  }
  const rssOf = (count: number) => Math.max(...(rss.get(count) ?? [Number.NaN])).toFixed(0);
  const ratio = (door: DoorId, count: number) =>
    ((throughput.get(`${count} ${door}`) ?? 0) / (throughput.get(`1 ${door}`) ?? 1)).toFixed(2);
  return {
    id: 'replicas',
    title: 'Replicas on one PostgreSQL: throughput and latency with 1, 2 and 3',
    goal: 'Correct under load on any number of replicas (no errors, one budget, exact usage); throughput that grows with replicas where there are cores to grow into.',
    columns: ['replicas', 'door', 'calls', 'calls/s', 'p50 ms', 'p99 ms', 'errors'],
    rows,
    notes: [
      `${CLIENTS} clients, a managed key each (team plan), each sending its next call to the next replica in turn, ${SECONDS_PER_DOOR} s per door; replica counts run ${ROUNDS.join(', ')} and the two runs of each are pooled. \`library_list\` against the plex-emulator bin in its own process; PostgreSQL ${scene.postgres.version} (fsync off) in its own. Throughput against 1 replica: invoke ×${ratio('invoke', 2)} with 2 and ×${ratio('invoke', 3)} with 3, /tools/call ×${ratio('tools-call', 2)} / ×${ratio('tools-call', 3)}, GET /v1/organization ×${ratio('v1-organization', 2)} / ×${ratio('v1-organization', 3)}.`,
      `Load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work shares the machine). RSS of a replica after its load, the largest seen: ${rssOf(1)} MiB with 1, ${rssOf(2)} with 2, ${rssOf(3)} with 3.`,
      'Every process here — the replicas, the 16 clients, PostgreSQL and the emulator — shares the same 2 cores: a second replica can only use CPU the first left idle, so these rows show what spreading costs or saves on one small machine, not how replicas scale where each has cores of its own.',
    ],
  };
}
