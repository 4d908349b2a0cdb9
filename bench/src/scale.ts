import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fixed,
  median,
  REPO_ROOT,
  RssSampler,
  spawnBin,
  stopProcess,
  waitForLine,
} from './scale-proc.js';
import type { BenchSection } from './section.js';

/** What the first runs showed and what changed (the same bench, 2 shared cores under other load). */
const BEFORE_AFTER = [
  'Before: library_get_stats Movies at 100k took 1.19 s median (1.79 s first), 0.30 s at 10k: with no counts in PMS tag lists the tool asks one count per genre and decade (29 queries) and the emulator scanned all 60,000 movies for each, its count cache (16 entries) too small to keep them. media_search "harbor" took 354 ms at 100k, 133 ms at 10k: every search normalized every title and every credit (600,000+ strings) again.',
  'Fix (emulator): a single field=value count (genre, decade, year, content rating, …) reads a per-field tally built in one pass and kept per revision (library/facets.ts); search reads a per-section index of normalized titles and distinct credited people, kept per revision (library/search-index.ts). Emulator alone, in-process, 100k: /hubs/search 277 → 15–20 ms warm; the stats queries 1.18 s → 0.11 s warm.',
  'After (bench above, 100k): stats Movies 1.19 s → 0.16 s median; media_search 354 → 92 ms median. Pages were already cached per sort and revision: a warm page costs the same at 100k as at 1k; only the first page after a start or a write pays for sorting (≈0.2–0.4 s at 100k, once per sort order).',
  'Memory: the tools process stays flat across sizes (library_get_stats counts with container-size-0 queries and never loads items); the emulator itself holds the library (see its idle RSS above).',
];

/** Library sizes (leaf items: 60 % films, 30 % episodes, 10 % tracks). */
const SIZES = [1_000, 10_000, 100_000];
/** Calls per measurement: the first (cold caches) is reported apart from the median of the rest. */
const RUNS = 6;

interface Call {
  label: string;
  tool: string;
  args: (items: number) => Record<string, unknown>;
}

const movies = (items: number) => Math.round(items * 0.6);

/** The calls measured at each size, in this order (later calls may reuse orders earlier ones built). */
const CALLS: Call[] = [
  {
    label: 'contents, page 1 (limit 50)',
    tool: 'library_get_contents',
    args: () => ({ library: 'Movies', limit: 50 }),
  },
  {
    label: 'contents, deep page (offset 90 %)',
    tool: 'library_get_contents',
    args: (items) => ({
      library: 'Movies',
      limit: 50,
      offset: Math.floor(movies(items) * 0.9),
    }),
  },
  {
    label: 'contents, newest first',
    tool: 'library_get_contents',
    args: () => ({ library: 'Movies', limit: 50, sort: 'added_at:desc' }),
  },
  {
    label: 'contents, unwatched dramas',
    tool: 'library_get_contents',
    args: () => ({ library: 'Movies', limit: 50, genre: 'Drama', unwatched: true }),
  },
  {
    label: 'media_search "harbor" (limit 20)',
    tool: 'media_search',
    args: () => ({ query: 'harbor', limit: 20 }),
  },
  {
    label: 'library_get_stats Movies',
    tool: 'library_get_stats',
    args: () => ({ library: 'Movies' }),
  },
  {
    label: 'library_get_stats TV Shows',
    tool: 'library_get_stats',
    args: () => ({ library: 'TV Shows' }),
  },
];

interface ChildResult {
  firstMs: number;
  ms: number[];
  peakMiB: number;
  summary: string;
}

/** The child script beside this file, whether the bench runs from .ts sources or built .js. */
const CHILD = fileURLToPath(
  new URL(`./scale-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/** Runs one call RUNS times in a fresh process (so its peak RSS is its own). */
async function measure(
  url: string,
  token: string,
  call: Call,
  items: number,
): Promise<ChildResult> {
  const child = spawn(process.execPath, [...process.execArgv, CHILD], {
    cwd: REPO_ROOT.pathname,
    env: {
      PATH: process.env.PATH ?? '',
      PLEX_URL: url,
      PLEX_TOKEN: token,
      TOOL: call.tool,
      TOOL_ARGS: JSON.stringify(call.args(items)),
      RUNS: String(RUNS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const line = await waitForLine(child, 'stdout', /^\{.*\}$/m, 90_000).catch((error: Error) => {
    throw new Error(`${call.label} at ${items}: ${error.message} ${stderr.slice(-1000)}`);
  });
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return JSON.parse(line[0]) as ChildResult;
}

/** Measures each call at one library size against a fresh emulator process. */
async function benchSize(items: number): Promise<{ rows: (string | number)[][]; note: string }> {
  const token = randomBytes(12).toString('hex');
  const started = performance.now();
  const emulator = spawnBin('packages/plex-emulator/bin/plex-emulator.js', [
    '--port',
    '0',
    '--library',
    `synthetic:${items}`,
    '--seed',
    '7',
    '--token',
    token,
  ]);
  try {
    const [, url = ''] = await waitForLine(emulator, 'stdout', /^(http:\/\/\S+)$/m, 90_000);
    const readyMs = performance.now() - started;
    const pid = emulator.pid ?? 0;
    const sampler = new RssSampler(pid);
    const idleMiB = sampler.sample();
    const rows: (string | number)[][] = [];
    for (const call of CALLS) {
      sampler.reset();
      const result = await measure(url, token, call, items);
      sampler.sample();
      rows.push([
        items.toLocaleString('en-US'),
        call.label,
        fixed(result.firstMs),
        fixed(median(result.ms)),
        fixed(result.peakMiB, 0),
        fixed(sampler.peak, 0),
        result.summary,
      ]);
    }
    sampler.stop();
    const note = `${items.toLocaleString('en-US')} items: emulator ready in ${fixed(readyMs / 1000, 2)} s, ${fixed(idleMiB, 0)} MiB RSS idle.`;
    return { rows, note };
  } finally {
    await stopProcess(emulator);
  }
}

/**
 * Benchmark 5: large synthetic libraries. Each size gets its own emulator process (the built
 * plex-emulator bin on a loopback socket); each call runs in a fresh process through the built
 * plex-tools `callTool` and plex-client, so both processes' RSS are reported apart.
 */
export async function benchScale(): Promise<BenchSection> {
  const loadAtStart = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const items of SIZES) {
    const result = await benchSize(items);
    rows.push(...result.rows);
    notes.push(result.note);
  }
  return {
    id: 'scale',
    title: 'Large libraries',
    goal: 'A page costs the same at 100k items as at 1k (within 2×); library_get_stats at 100k under 200 MB RSS.',
    columns: [
      'items',
      'call',
      'first ms',
      `median ms (${RUNS - 1} more)`,
      'tools RSS peak MiB',
      'emulator RSS peak MiB',
      'result',
    ],
    rows,
    notes: [
      'Tools: plex-tools callTool → plex-client over a loopback socket to the built plex-emulator bin (--library synthetic:N --seed 7), one fresh process per call row (peak = its VmHWM). Emulator RSS is sampled from /proc every 10 ms during the row.',
      '"first" is the first call of the row (the emulator may still have to sort or filter); the median is over the calls after it.',
      `Load average when the rows started: ${loadAtStart}.`,
      ...notes,
      ...BEFORE_AFTER,
    ],
  };
}
