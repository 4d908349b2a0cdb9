import { spawn } from 'node:child_process';
import { startEmulator } from './emulator.js';
import { SERVER_BIN } from './paths.js';
import type { BenchSection } from './section.js';
import { mib, ms, now, summarize } from './stats.js';
import { expectOk, INITIALIZE_PARAMS, spawnStdioServer } from './stdio-server.js';

const RUNS = 20;
const CALLS_FOR_RSS = 200;

/**
 * Another build to interleave with this one (e.g. the commit before a change): its rows come
 * from the same rounds, so a before/after is not two runs at different moments.
 */
const BASELINE_BIN = process.env.PLEXMCP_BENCH_BASELINE_BIN?.trim() || undefined;
const BASELINE_LABEL = process.env.PLEXMCP_BENCH_BASELINE_LABEL?.trim() || 'baseline build';

/** Spawn → `node -e 0` exits: the floor any Node CLI pays. */
async function nodeBaseline(): Promise<number> {
  const started = now();
  const child = spawn(process.execPath, ['-e', '0'], { env: {}, stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return now() - started;
}

/**
 * Spawn → `tools/list` answered. initialize, initialized and tools/list are written at once,
 * as clients do; the pipe holds them until the server reads stdin.
 */
async function coldStart(
  args: string[],
  env: Record<string, string>,
  bin: string,
): Promise<{ wall: number; init: number; cpu: number }> {
  const started = now();
  const server = spawnStdioServer(args, env, bin);
  const init = server.request('initialize', INITIALIZE_PARAMS);
  const initAnswered = init.then(() => now() - started);
  server.notify('notifications/initialized');
  const list = await server.request('tools/list');
  const wall = now() - started;
  // CPU time barely moves when other work shares the machine, unlike wall time.
  const cpu = server.cpuMs();
  expectOk(await init, 'initialize');
  const tools = expectOk(list, 'tools/list').tools as unknown[];
  if (tools.length === 0) throw new Error('tools/list answered no tools');
  await server.close();
  return { wall, init: await initAnswered, cpu };
}

/** RSS once started (tools listed) and after `CALLS_FOR_RSS` library_list calls. */
async function memory(
  args: string[],
  env: Record<string, string>,
  bin: string,
): Promise<[number, number]> {
  const server = spawnStdioServer(args, env, bin);
  expectOk(await server.request('initialize', INITIALIZE_PARAMS), 'initialize');
  server.notify('notifications/initialized');
  expectOk(await server.request('tools/list'), 'tools/list');
  const afterStart = server.rss();
  for (let i = 0; i < CALLS_FOR_RSS; i++) {
    const params = { name: 'library_list', arguments: {} };
    expectOk(await server.request('tools/call', params), 'library_list');
  }
  const afterCalls = server.rss();
  await server.close();
  return [afterStart, afterCalls];
}

/** Benchmark 1: cold start of the built stdio server, next to `node -e 0`. */
export async function benchColdStart(): Promise<BenchSection> {
  const plex = await startEmulator();
  try {
    const builds = [
      { suffix: '', bin: SERVER_BIN, current: true },
      ...(BASELINE_BIN
        ? [{ suffix: ` — ${BASELINE_LABEL}`, bin: BASELINE_BIN, current: false }]
        : []),
    ];
    const variants = [
      { label: 'stdio `--demo` (emulator in-process)', args: ['--demo'], env: {}, headline: false },
      // The peers were timed against a Plex of their own, as this variant is.
      { label: 'stdio, `PLEX_URL` → running emulator', args: [], env: plex.env, headline: true },
    ].flatMap((variant) =>
      builds.map((build) => ({
        ...variant,
        label: `${variant.label}${build.suffix}`,
        bin: build.bin,
        headline: variant.headline && build.current,
      })),
    );
    const samples = {
      node: [] as number[],
      variants: variants.map(() => [] as number[]),
      init: variants.map(() => [] as number[]),
      cpu: variants.map(() => [] as number[]),
    };
    // One warm-up round fills the OS file cache; then rounds interleave so drift hits all alike.
    await nodeBaseline();
    for (const variant of variants) await coldStart(variant.args, variant.env, variant.bin);
    for (let run = 0; run < RUNS; run++) {
      samples.node.push(await nodeBaseline());
      // Every other round backwards: neither build always runs right after the other.
      const order = [...variants.entries()];
      if (run % 2 === 1) order.reverse();
      for (const [index, variant] of order) {
        const { wall, init, cpu } = await coldStart(variant.args, variant.env, variant.bin);
        samples.variants[index]?.push(wall);
        samples.init[index]?.push(init);
        samples.cpu[index]?.push(cpu);
      }
    }
    const rows: (string | number)[][] = [];
    const headlines: BenchSection['headlines'] = {};
    const base = summarize(samples.node);
    rows.push(['`node -e 0`', base.n, ms(base.min), ms(base.p50), ms(base.p90), '', '', '', '']);
    for (const [index, variant] of variants.entries()) {
      const summary = summarize(samples.variants[index] ?? []);
      const init = summarize(samples.init[index] ?? []);
      const cpu = summarize(samples.cpu[index] ?? []);
      const [afterStart, afterCalls] = await memory(variant.args, variant.env, variant.bin);
      if (variant.headline) {
        Object.assign(headlines, {
          coldStartMs: summary.p50,
          rssAfterStartMiB: afterStart / 2 ** 20,
          rssAfterCallsMiB: afterCalls / 2 ** 20,
        });
      }
      rows.push([
        variant.label,
        summary.n,
        ms(summary.min),
        ms(summary.p50),
        ms(summary.p90),
        ms(init.p50),
        ms(cpu.p50),
        mib(afterStart),
        mib(afterCalls),
      ]);
    }
    return {
      id: 'cold-start',
      title: 'Cold start (stdio): spawn → tools/list answered',
      goal: 'p50 under 250 ms on a 2-core machine (issue #7; DESIGN.md wants ≈150 ms, half the faster peer); RSS ≤ 60 MiB after start and ≤ 70 MiB after 200 calls.',
      columns: [
        'variant',
        'runs',
        'min ms',
        'p50 ms',
        'p90 ms',
        'initialize answered p50 ms',
        'CPU p50 ms',
        'RSS after start MiB',
        `RSS after ${CALLS_FOR_RSS} calls MiB`,
      ],
      rows,
      headlines,
      notes: [
        'The built binary `node packages/mcp-server/bin/plex-mcp-server.js` with an empty environment, in a directory without `.env`; initialize, initialized and tools/list are written at once.',
        `Rounds interleave \`node -e 0\` and every variant (${RUNS} rounds after one warm-up round, every other round in reverse order)${BASELINE_BIN ? `; rows marked “${BASELINE_LABEL}” are another build (\`PLEXMCP_BENCH_BASELINE_BIN\`) timed in the same rounds` : ''}. “initialize answered” is spawn → the initialize answer, written together with tools/list. CPU = the server's user + system time when tools/list arrived (/proc/<pid>/stat, 10 ms steps): a steadier figure than wall time on a shared machine. RSS from /proc/<pid>/status; the \`--demo\` figure includes the emulator and its library.`,
      ],
    };
  } finally {
    await plex.close();
  }
}
