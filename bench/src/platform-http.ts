// HTTP mode with the platform loaded: what it costs in memory, and what a managed key adds to a
// request at the front door, against the same binary unable to find @plexmcp/platform.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type HttpServerProcess, spawnHttpServer } from './http-server.js';
import { SERVER_BIN } from './paths.js';
import { procMiB } from './scale-proc.js';
import type { BenchSection } from './section.js';
import { mib, ms, now, summarize } from './stats.js';

/** Server starts per build, alternating, so drift hits both alike. */
const STARTS = 3;
/** GET /tools per key and start, after the warm-up. */
const REQUESTS = 1_000;
const WARM_UP = 20;
const GOAL_RSS_MIB = 100;
/** A configured key (PLEX_MCP_API_KEYS wants 32 characters or more). */
const CONFIGURED_KEY = 'bench-configured-key-0123456789abcdef';

/** The built package (bin, dist) copied where `@plexmcp/platform` cannot be resolved. */
function copyWithoutPlatform(): { bin: string; remove(): void } {
  const from = path.dirname(path.dirname(SERVER_BIN));
  // os.tmpdir() has no node_modules above it: the lazy import fails as on an install without it.
  const dir = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-noplatform-'));
  for (const entry of ['bin', 'dist', 'package.json']) {
    cpSync(path.join(from, entry), path.join(dir, entry), { recursive: true });
  }
  return {
    bin: path.join(dir, 'bin', path.basename(SERVER_BIN)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `admin init` on the data directory, as an operator would: the managed key's secret. */
function issueManagedKey(dataDir: string): string {
  const init = spawnSync(
    process.execPath,
    [SERVER_BIN, 'admin', 'init', '--org', 'Bench', '--email', 'b@x.example', '--json'],
    { cwd: tmpdir(), env: { PLEXMCP_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`admin init failed: ${init.stderr || init.stdout}`);
  return (JSON.parse(init.stdout) as { key: { secret: string } }).key.secret;
}

/** One GET with the key over fetch's keep-alive pool, body read; its time in ms. */
async function getTools(base: string, key: string): Promise<number> {
  const started = now();
  const response = await fetch(`${base}/tools`, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  const elapsed = now() - started;
  if (response.status !== 200) throw new Error(`GET /tools answered ${response.status}`);
  return elapsed;
}

/** Whether the server mounted the platform: /v1 answers the key instead of "not installed". */
async function hasPlatform(base: string, key: string): Promise<boolean> {
  const response = await fetch(`${base}/v1/organization`, {
    headers: { authorization: `Bearer ${key}` },
  });
  await response.arrayBuffer();
  return response.status === 200;
}

interface Run {
  rssStart: number;
  rssAfter: number;
  hwm: number;
  /** Timings per key label. */
  samples: Record<string, number[]>;
}

/**
 * One server start: RSS once it listens, then `REQUESTS` rounds of GET /tools, one per key in
 * each round (the order alternating), then RSS again.
 */
async function run(server: HttpServerProcess, keys: Record<string, string>): Promise<Run> {
  try {
    const rssStart = server.rss();
    const labels = Object.keys(keys);
    for (let i = 0; i < WARM_UP; i++) {
      for (const label of labels) await getTools(server.url, keys[label] as string);
    }
    const samples: Record<string, number[]> = Object.fromEntries(labels.map((l) => [l, []]));
    for (let i = 0; i < REQUESTS; i++) {
      const order = i % 2 === 0 ? labels : [...labels].reverse();
      for (const label of order) {
        samples[label]?.push(await getTools(server.url, keys[label] as string));
      }
    }
    const pid = server.child.pid ?? 0;
    return { rssStart, rssAfter: server.rss(), hwm: procMiB(pid, 'VmHWM') * 2 ** 20, samples };
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => summarize(values).p50;

/** Benchmark 7: the built server over HTTP with and without the platform. */
export async function benchPlatformHttp(): Promise<BenchSection> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-platform-'));
  const copy = copyWithoutPlatform();
  const args = ['--demo', '--rate-limit', 'off'];
  const env = { PLEX_MCP_API_KEYS: CONFIGURED_KEY };
  try {
    const managed = issueManagedKey(dataDir);
    const withPlatform: Run[] = [];
    const without: Run[] = [];
    for (let start = 0; start < STARTS; start++) {
      const a = await spawnHttpServer(args, { ...env, PLEXMCP_DATA_DIR: dataDir });
      if (!(await hasPlatform(a.url, managed))) throw new Error('the platform did not load');
      withPlatform.push(await run(a, { managed, configured: CONFIGURED_KEY }));
      const b = await spawnHttpServer(args, env, copy.bin);
      if (await hasPlatform(b.url, CONFIGURED_KEY)) throw new Error('the copy loaded the platform');
      // Two configured-key requests per round, so both servers answer as many requests.
      without.push(await run(b, { configured: CONFIGURED_KEY, again: CONFIGURED_KEY }));
    }
    const pooled = (runs: Run[], ...labels: string[]) =>
      runs.flatMap((r) => labels.flatMap((label) => r.samples[label] ?? []));
    const row = (server: string, key: string, runs: Run[], samples: number[]) => {
      const summary = summarize(samples);
      return [
        server,
        key,
        summary.n,
        ms(summary.p50),
        ms(summary.p90),
        ms(summary.p99),
        mib(median(runs.map((r) => r.rssStart))),
        mib(median(runs.map((r) => r.rssAfter))),
        mib(Math.max(...runs.map((r) => r.hwm))),
      ];
    };
    const rows = [
      row('platform (SQLite file)', 'managed', withPlatform, pooled(withPlatform, 'managed')),
      row('platform (SQLite file)', 'configured', withPlatform, pooled(withPlatform, 'configured')),
      row('without the platform', 'configured', without, pooled(without, 'configured', 'again')),
    ];
    const startMiB = median(withPlatform.map((r) => r.rssStart)) / 2 ** 20;
    const managedP50 = summarize(pooled(withPlatform, 'managed')).p50;
    const configuredP50 = summarize(pooled(withPlatform, 'configured')).p50;
    return {
      id: 'platform-http',
      title: 'HTTP mode with the platform: memory and the managed-key front door',
      goal: `RSS under ${GOAL_RSS_MIB} MiB after start on SQLite; a managed key adds next to nothing per request.`,
      columns: [
        'server',
        'key',
        'GET /tools',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'RSS after start MiB',
        `RSS after ${(2 * REQUESTS).toLocaleString('en')} requests MiB`,
        'VmHWM MiB',
      ],
      rows,
      notes: [
        `The built binary \`plex-mcp-server --demo --transport http --port 0 --rate-limit off\` with PLEX_MCP_API_KEYS set to one configured key. With the platform: PLEXMCP_DATA_DIR names a temp directory (SQLite file), and \`plex-mcp-server admin init --org Bench --email b@x.example --json\` on it issued the managed key first. Without: the same bin and dist copied to a temp directory where \`@plexmcp/platform\` cannot be resolved (the server says /v1 is off; checked through GET /v1/organization).`,
        `${STARTS} starts of each, alternating. Per start: RSS (VmRSS) once the server logs that it listens, ${WARM_UP} warm-up rounds, then ${REQUESTS.toLocaleString('en')} rounds of GET /tools (79 KB of JSON) with fetch over keep-alive, one request per key each round in alternating order (the server without the platform gets its configured key twice), then RSS again. RSS columns are medians over the starts, VmHWM the highest.`,
        `With the platform, RSS after start ${startMiB.toFixed(1)} MiB: goal ${startMiB < GOAL_RSS_MIB ? 'met' : 'missed'}. GET /tools p50 ${ms(managedP50)} ms with the managed key against ${ms(configuredP50)} ms with the configured key on the same server: the managed key adds ${ms(managedP50 - configuredP50)} ms at p50 (its answer is reused for 1 s, so a steady client pays a SHA-256 and a map look-up).`,
      ],
    };
  } finally {
    copy.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
