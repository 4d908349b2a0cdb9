import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchAuth } from './auth.js';
import { benchCallOverhead } from './call-overhead.js';
import { benchColdStart } from './cold-start.js';
import { HISTORY } from './history.js';
import { benchLoad } from './load.js';
import { describeMachine } from './machine.js';
import { REPO_ROOT, RESULTS_FILE, RESULTS_JSON } from './paths.js';
import { benchPlatformHttp } from './platform-http.js';
import { benchPlatformInvoke } from './platform-invoke.js';
import { benchReplicas } from './replicas.js';
import { benchReplicasLimiter } from './replicas-limiter.js';
import { renderResults, type StoredSection } from './report.js';
import { benchScale } from './scale.js';
import type { BenchSection } from './section.js';
import { benchToolsListSize } from './tools-list-size.js';

/** Every benchmark in report order, by the id `--only` takes. */
const BENCHMARKS: { id: string; run: () => Promise<BenchSection> }[] = [
  { id: 'cold-start', run: benchColdStart },
  { id: 'tools-list', run: benchToolsListSize },
  { id: 'call-overhead', run: benchCallOverhead },
  { id: 'load', run: benchLoad },
  { id: 'scale', run: benchScale },
  { id: 'auth', run: benchAuth },
  { id: 'platform-http', run: benchPlatformHttp },
  { id: 'platform-invoke', run: benchPlatformInvoke },
  { id: 'replicas', run: benchReplicas },
  { id: 'replicas-limiter', run: benchReplicasLimiter },
];

function readStored(): Record<string, StoredSection> {
  if (!existsSync(RESULTS_JSON)) return {};
  return JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Record<string, StoredSection>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !BENCHMARKS.some((bench) => bench.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id).join(', ')}`,
    );
  }
  const machine = describeMachine();
  const fresh: Record<string, StoredSection> = {};
  for (const bench of BENCHMARKS) {
    if (only && !only.includes(bench.id)) continue;
    process.stderr.write(`bench: ${bench.id}…\n`);
    const started = performance.now();
    const section = await bench.run();
    fresh[bench.id] = { section, machine };
    process.stderr.write(
      `bench: ${bench.id} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  // A partial run replaces only its own sections; the others keep their earlier figures. Read
  // late, so a run that finished meanwhile is not overwritten.
  const stored = only ? { ...readStored(), ...fresh } : fresh;
  const ordered = BENCHMARKS.flatMap((bench) =>
    stored[bench.id] ? [stored[bench.id] as StoredSection] : [],
  );
  writeFileSync(RESULTS_JSON, `${JSON.stringify(stored, null, 2)}\n`);
  writeFileSync(RESULTS_FILE, renderResults(machine, ordered, HISTORY));
  // `pnpm lint` checks Markdown too: lay the tables out the way Biome does.
  const format = spawnSync('pnpm', ['exec', 'biome', 'format', '--write', RESULTS_FILE], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  if (format.status !== 0) process.stderr.write('bench: could not format RESULTS.md with Biome\n');
  process.stderr.write(`bench: wrote ${RESULTS_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
