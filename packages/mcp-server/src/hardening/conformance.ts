import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One check the conformance suite recorded for a scenario. */
export interface ConformanceCheck {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  errorMessage?: string;
}

/** One server scenario's outcome: it passed when none of its checks failed. */
export interface ScenarioOutcome {
  passed: boolean;
  /** Checks that succeeded: a scenario that only warns has none. */
  succeeded: number;
  failures: string[];
}

/** The CLI's entry point, found through its package.json so pnpm's layout does not matter. */
function conformanceBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@modelcontextprotocol/conformance/package.json');
  const { bin } = require(manifest) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.conformance ?? 'dist/index.js');
}

/** The CLI names each result folder `server-<scenario>-<ISO time with dashes>`. */
const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/**
 * Runs every server scenario of `@modelcontextprotocol/conformance` (suite `all`, pending ones
 * included) against `url` in a child process and reads the per-scenario checks it writes. The
 * CLI exits 1 whenever a scenario fails, so its exit code says nothing we need: the checks do.
 */
export async function runConformance(
  url: string,
  timeoutMs = 60_000,
): Promise<Map<string, ScenarioOutcome>> {
  const out = await mkdtemp(join(tmpdir(), 'plexmcp-conformance-'));
  try {
    const log = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [conformanceBin(), 'server', '--url', url, '--suite', 'all', '--output-dir', out],
        { cwd: out, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`conformance run took over ${timeoutMs} ms:\n${text.slice(-2000)}`));
      }, timeoutMs);
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const outcomes = new Map<string, ScenarioOutcome>();
    for (const entry of await readdir(out)) {
      const scenario = RESULT_DIR.exec(entry)?.[1];
      if (!scenario) continue;
      const checks = JSON.parse(
        await readFile(join(out, entry, 'checks.json'), 'utf8'),
      ) as ConformanceCheck[];
      const failed = checks.filter((check) => check.status === 'FAILURE');
      outcomes.set(scenario, {
        passed: failed.length === 0,
        succeeded: checks.filter((check) => check.status === 'SUCCESS').length,
        failures: failed.map((check) => `${check.id}: ${check.errorMessage ?? 'failed'}`),
      });
    }
    if (outcomes.size === 0) throw new Error(`conformance wrote no results:\n${log.slice(-2000)}`);
    return outcomes;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
