// What the shared plan limiter costs a request: one replica on PostgreSQL, one client sending
// GET /tools/library_list one after another, with plan limits on (rate-limiter-flexible's
// PostgreSQL store: one upsert per request) and off (`--rate-limit off`), starts alternating.
// PostgreSQL's own transaction counter says how many round trips each request made.

import { setTimeout as sleep } from 'node:timers/promises';
import { openReplicaScene, type ReplicaBenchScene, startReplicas } from './replicas-scene.js';
import type { BenchSection } from './section.js';
import { ms, now, summarize } from './stats.js';

const REQUESTS = 1500;
const WARM_UP = 50;
/** on, off, off, on: drift in the machine's load hits both alike. */
const STARTS: boolean[] = [true, false, false, true];

interface LimiterRun {
  latencies: number[];
  transactions: number;
}

async function getOne(base: string, key: string): Promise<number> {
  const started = now();
  const response = await fetch(`${base}/tools/library_list`, {
    headers: { authorization: `Bearer ${key}` },
  });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`GET /tools/library_list answered ${response.status}`);
  return now() - started;
}

/** PostgreSQL's committed transactions so far (its statistics lag by up to a second). */
async function transactions(scene: ReplicaBenchScene): Promise<number> {
  await sleep(1500);
  return Number(
    await scene.postgres.scalar(
      "select xact_commit from pg_stat_database where datname = 'postgres'",
    ),
  );
}

async function run(scene: ReplicaBenchScene, plans: boolean): Promise<LimiterRun> {
  const [server] = await startReplicas(scene, 1, plans ? [] : ['--rate-limit', 'off']);
  if (!server) throw new Error('no replica started');
  try {
    const key = scene.clientKeys[0] as string;
    for (let i = 0; i < WARM_UP; i++) await getOne(server.url, key);
    const before = await transactions(scene);
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) latencies.push(await getOne(server.url, key));
    const after = await transactions(scene);
    return { latencies, transactions: after - before };
  } finally {
    await server.close();
  }
}

/** Benchmark: the per-request cost of the limiter shared through PostgreSQL. */
export async function benchReplicasLimiter(): Promise<BenchSection> {
  const scene = await openReplicaScene(1);
  const runs = { on: [] as LimiterRun[], off: [] as LimiterRun[] };
  try {
    for (const plans of STARTS) runs[plans ? 'on' : 'off'].push(await run(scene, plans));
  } finally {
    await scene.close();
  }
  const row = (label: string, list: LimiterRun[]) => {
    const summary = summarize(list.flatMap((r) => r.latencies));
    const perRequest = list.reduce((n, r) => n + r.transactions, 0) / (REQUESTS * list.length);
    return {
      summary,
      cells: [
        label,
        summary.n,
        ms(summary.p50),
        ms(summary.p90),
        ms(summary.p99),
        perRequest.toFixed(2),
      ],
    };
  };
  const on = row('plan limits on (PostgreSQL store)', runs.on);
  const off = row('plan limits off (--rate-limit off)', runs.off);
  return {
    id: 'replicas-limiter',
    title: 'The shared plan limiter: its cost per request on PostgreSQL',
    goal: 'One budget per key across replicas for about one PostgreSQL round trip per request, well under a millisecond.',
    columns: [
      'server',
      'requests',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'PostgreSQL transactions / request',
    ],
    rows: [on.cells, off.cells],
    notes: [
      `One replica, one client, a managed key, GET /tools/library_list one request after another, ${REQUESTS} per start after ${WARM_UP} to warm up, starts alternating ${STARTS.map((p) => (p ? 'on' : 'off')).join(', ')}. The limiter adds ${ms(on.summary.p50 - off.summary.p50)} ms p50 and ${ms(on.summary.p99 - off.summary.p99)} ms p99. Transactions are PostgreSQL’s own count (pg_stat_database.xact_commit) over each start’s measured requests; besides the limiter’s upsert they include the key look-up (once per 0.9 s) and the usage flush (every 5 s).`,
    ],
  };
}
