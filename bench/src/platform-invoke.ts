// Issue 16's benchmark: one cheap tool through /v1/mcp/invoke, /tools/call and MCP on the built
// server with the platform (SQLite) and a managed key, and 32 concurrent clients with metering on
// and off (PLEXMCP_METERING=off, the platform's benchmarking switch) on the same build.

import type { HttpServerProcess } from './http-server.js';
import { type Door, invokeDoor, mcpDoor, toolsCallDoor } from './platform-invoke-doors.js';
import { type LoadRun, runLoad } from './platform-invoke-load.js';
import {
  builtinMcpId,
  createKeys,
  type InvokeScene,
  openScene,
  startServer,
  toolCallsCounted,
} from './platform-invoke-setup.js';
import type { BenchSection } from './section.js';
import { ms, now, summarize } from './stats.js';

const TOOL = 'library_list';
/** Server starts: metering on, off, off, on (ABBA), so drift over the run hits both alike. */
const STARTS: readonly boolean[] = [true, false, false, true];
const WARM_UP = 100;
/** Sequential calls per door and start, interleaved call by call. */
const CALLS = 1_000;
const CLIENTS = 32;
const LOAD_MS = 5_000;
const GOAL_MS = 0.3;

type DoorId = 'invoke' | 'tools' | 'mcp';
const DOOR_IDS: readonly DoorId[] = ['invoke', 'tools', 'mcp'];
/** The doors under load: the two REST ones (MCP sessions per client are load.ts's business). */
const LOAD_DOORS: readonly DoorId[] = ['invoke', 'tools'];

interface Start {
  metering: boolean;
  latency: Record<DoorId, number[]>;
  /** invoke − tools/call of the same iteration, call by call. */
  paired: number[];
  load: Partial<Record<DoorId, LoadRun>>;
  /** Tool calls the server counted during this start, against the calls made. */
  counted: number;
  made: number;
}

interface Context {
  scene: InvokeScene;
  mcpId: string;
  /** One read key per load client; the first one also runs the sequential calls. */
  keys: string[];
}

function door(id: DoorId, base: string, key: string, mcpId: string): Door | Promise<Door> {
  if (id === 'invoke') return invokeDoor(base, key, mcpId, TOOL);
  return id === 'tools' ? toolsCallDoor(base, key, TOOL) : mcpDoor(base, key, TOOL);
}

/** Sequential calls, the three doors in turn (the order rotating), then the load rounds. */
async function measure(server: HttpServerProcess, ctx: Context, start: Start, index: number) {
  const base = server.url;
  const key = ctx.keys[0] as string;
  const doors = {} as Record<DoorId, Door>;
  for (const id of DOOR_IDS) doors[id] = await door(id, base, key, ctx.mcpId);
  const before = await toolCallsCounted(base, ctx.scene.adminKey);
  try {
    for (let i = 0; i < WARM_UP; i++) for (const id of DOOR_IDS) await doors[id].call();
    start.made += WARM_UP * DOOR_IDS.length;
    for (let i = 0; i < CALLS; i++) {
      const taken: Partial<Record<DoorId, number>> = {};
      for (let j = 0; j < DOOR_IDS.length; j++) {
        const id = DOOR_IDS[(i + j) % DOOR_IDS.length] as DoorId;
        const started = now();
        await doors[id].call();
        taken[id] = now() - started;
        start.latency[id].push(taken[id]);
      }
      start.paired.push((taken.invoke as number) - (taken.tools as number));
    }
    start.made += CALLS * DOOR_IDS.length;
  } finally {
    for (const id of DOOR_IDS) await doors[id].close();
  }
  // Which door goes first under load alternates from start to start.
  const order = index % 2 === 0 ? LOAD_DOORS : [...LOAD_DOORS].reverse();
  for (const id of order) {
    const clients = await Promise.all(
      ctx.keys.map((clientKey) => door(id, base, clientKey, ctx.mcpId)),
    );
    const run = await runLoad(clients, LOAD_MS);
    start.load[id] = run;
    start.made += run.calls;
  }
  start.counted = (await toolCallsCounted(base, ctx.scene.adminKey)) - before;
}

const LABELS: Record<DoorId, string> = {
  invoke: '`POST /v1/mcp/invoke`',
  tools: '`POST /tools/call`',
  mcp: 'MCP `tools/call` on `/mcp` (SDK `Client`)',
};

/** Benchmark 8: the three doors one call at a time, then 32 clients, metering on and off. */
export async function benchPlatformInvoke(): Promise<BenchSection> {
  const scene = await openScene();
  const starts: Start[] = [];
  try {
    let ctx: Context | undefined;
    for (const [index, metering] of STARTS.entries()) {
      const server = await startServer(scene, metering);
      try {
        if (!ctx) {
          const mcpId = await builtinMcpId(server.url, scene.adminKey);
          ctx = { scene, mcpId, keys: await createKeys(server.url, scene.adminKey, CLIENTS) };
        }
        const start: Start = {
          metering,
          latency: { invoke: [], tools: [], mcp: [] },
          paired: [],
          load: {},
          counted: 0,
          made: 0,
        };
        await measure(server, ctx, start, index);
        starts.push(start);
        process.stderr.write(
          `bench: platform-invoke start ${index + 1}/${STARTS.length} (metering ${metering ? 'on' : 'off'}) done\n`,
        );
      } finally {
        await server.close();
      }
    }
  } finally {
    await scene.close();
  }
  return report(starts);
}

const on = (metering: boolean) => (metering ? 'on' : 'off (`PLEXMCP_METERING=off`)');

function report(starts: Start[]): BenchSection {
  const of = (metering: boolean) => starts.filter((s) => s.metering === metering);
  const pooled = (metering: boolean, id: DoorId) => of(metering).flatMap((s) => s.latency[id]);
  const p50 = (metering: boolean, id: DoorId) => summarize(pooled(metering, id)).p50;
  const rows: (string | number)[][] = [];
  for (const metering of [true, false]) {
    for (const id of DOOR_IDS) {
      const summary = summarize(pooled(metering, id));
      const added = id === 'tools' ? '' : ms(summary.p50 - p50(metering, 'tools'));
      rows.push([
        `1 client, sequential`,
        LABELS[id],
        on(metering),
        summary.n,
        '–',
        ms(summary.p50),
        ms(summary.p99),
        added,
        0,
      ]);
    }
  }
  const loads = (metering: boolean, id: DoorId) =>
    of(metering).flatMap((s) => (s.load[id] ? [s.load[id]] : []));
  const rate = (runs: LoadRun[]) =>
    runs.reduce((n, r) => n + r.calls, 0) / (runs.reduce((t, r) => t + r.elapsedMs, 0) / 1000);
  for (const id of LOAD_DOORS) {
    for (const metering of [true, false]) {
      const runs = loads(metering, id);
      const summary = summarize(runs.flatMap((r) => r.latencies));
      rows.push([
        `${CLIENTS} clients, ${LOAD_MS / 1000} s × ${runs.length}`,
        LABELS[id],
        on(metering),
        summary.n,
        rate(runs).toFixed(0),
        ms(summary.p50),
        ms(summary.p99),
        '',
        runs.reduce((n, r) => n + r.errors, 0),
      ]);
    }
  }
  const added = p50(true, 'invoke') - p50(true, 'tools');
  const pairedOn = summarize(of(true).flatMap((s) => s.paired)).p50;
  const firstErrors = starts.flatMap((s) =>
    Object.values(s.load).flatMap((r) => (r?.firstError ? [r.firstError] : [])),
  );
  const perStart = (id: DoorId) =>
    starts
      .map((s) => {
        const run = s.load[id];
        return `${s.metering ? 'on' : 'off'} ${run ? (run.calls / (run.elapsedMs / 1000)).toFixed(0) : '–'}`;
      })
      .join(', ');
  return {
    id: 'platform-invoke',
    title: `Invoke over /v1 against /tools/call and MCP, metering on and off: \`${TOOL}\``,
    goal: `/v1 adds under ${GOAL_MS} ms p50 over /tools/call, metering included (issue 16); throughput at ${CLIENTS} clients with metering on vs off.`,
    columns: [
      'measure',
      'door',
      'metering',
      'calls',
      'calls/s',
      'p50 ms',
      'p99 ms',
      '+p50 vs /tools/call ms',
      'errors',
    ],
    rows,
    notes: [
      `The built binary \`plex-mcp-server --transport http --port 0\` (plan rate limits on: team, 1,000 requests/s per key) on a SQLite data directory where \`admin init\` made the organization, against the built plex-emulator bin (demo library, no latency) in a process of its own; ${CLIENTS} read keys made through POST /v1/api-keys. ${STARTS.length} server starts, metering ${STARTS.map((m) => (m ? 'on' : 'off')).join(', ')}; "off" is the same build with \`PLEXMCP_METERING=off\` (the platform’s benchmarking switch: nothing is recorded, invoke is not wrapped; the server’s per-request metering middleware still runs, so "off" measures what the meter itself adds).`,
      `Sequential rows: per start ${WARM_UP} warm-up calls per door, then ${CALLS.toLocaleString('en')} iterations, each calling the three doors once in rotating order with one key (fetch keep-alive; one SDK Client session for MCP), timed at the caller. Load rows: per start, ${CLIENTS} clients with a key each, one call at a time, for ${LOAD_MS / 1000} s on each REST door (which goes first alternating). Client and server share the machine’s 2 cores, so calls/s is the pair’s, not the server’s alone.`,
      `Goal: /v1 adds ${ms(added)} ms p50 over /tools/call with metering on (median of the call-by-call difference: ${ms(pairedOn)} ms): ${added < GOAL_MS ? 'met' : 'missed'}.`,
      `Tool calls the server counted (GET /v1/usage, before and after each start) against those made: ${starts.map((s) => `${s.metering ? 'on' : 'off'} ${s.counted.toLocaleString('en')}/${s.made.toLocaleString('en')}`).join(', ')}.`,
      `Calls/s per start: invoke ${perStart('invoke')}; /tools/call ${perStart('tools')}.`,
      ...(firstErrors.length > 0 ? [`First load error: ${firstErrors[0]}`] : []),
    ],
  };
}
