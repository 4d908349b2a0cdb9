import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Transcript } from './transcript.js';

/** The launcher `pnpm test` runs against: bin/plex-mcp-server.js → dist/cli.js. */
export const BUILT_BIN = fileURLToPath(new URL('../../bin/plex-mcp-server.js', import.meta.url));

/** A working directory without a .env, so the developer's own settings never reach a test. */
export const WORK_DIR = mkdtempSync(join(tmpdir(), 'plexmcp-e2e-'));

/**
 * The environment of a spawned server: PATH, a data directory of its own (a platform database
 * never lands in the developer's real one, nor is shared between tests), then the test's own.
 */
export function spawnEnv(env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    PLEXMCP_DATA_DIR: mkdtempSync(join(WORK_DIR, 'data-')),
    ...env,
  };
}

const MODULE_MISSING = /ERR_MODULE_NOT_FOUND|Cannot find module/;

/** How to start the built server. */
export interface BinOptions {
  args: readonly string[];
  /** The whole environment besides PATH: nothing is inherited from the test process. */
  env?: Record<string, string>;
  /** The stderr line that says the server is ready; its first group is handed back. */
  ready: RegExp;
  /** Receives the child's stdout and stderr as they arrive. */
  transcript?: Transcript;
}

/** A running built server. */
export interface RunningBin {
  child: ChildProcessWithoutNullStreams;
  /** The `ready` match. */
  match: RegExpExecArray;
  /** Everything written so far. */
  output: { stdout: string; stderr: string };
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Sends SIGTERM (unless already gone) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns the built binary and resolves once `ready` shows on stderr. Another helper's
 * `pnpm build` may have emptied dist/ for a moment, so a start that dies for a missing module is
 * retried for up to half a minute.
 */
export async function startBuiltServer(options: BinOptions): Promise<RunningBin> {
  for (let attempt = 0; ; attempt++) {
    const started = await startOnce(options);
    if (started !== 'module-missing') return started;
    if (attempt >= 15) throw new Error('dist/ stayed incomplete: run `pnpm build` first');
    await sleep(2000);
  }
}

function startOnce(options: BinOptions): Promise<RunningBin | 'module-missing'> {
  const child = spawn(process.execPath, [BUILT_BIN, ...options.args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: spawnEnv(options.env),
    cwd: WORK_DIR,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
    options.transcript?.add('stdout', chunk.toString());
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
    options.transcript?.add('stderr', chunk.toString());
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = options.ready.exec(output.stderr);
      if (match) {
        child.stderr.off('data', check);
        resolve({ child, match, output, exited, stop });
      }
    };
    child.stderr.on('data', check);
    void exited.then((code) => {
      if (MODULE_MISSING.test(output.stderr)) resolve('module-missing');
      else
        reject(new Error(`the server exited with ${code} before it was ready:\n${output.stderr}`));
    });
  });
}

/** A finished run of the built binary. */
export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary to completion with no stdin (retrying while dist/ is being rebuilt). */
export async function runBuilt(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<BinRun> {
  for (let attempt = 0; ; attempt++) {
    const child = spawn(process.execPath, [BUILT_BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: spawnEnv(env),
      cwd: WORK_DIR,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (!MODULE_MISSING.test(stderr) || attempt >= 15) return { code, stdout, stderr };
    await sleep(2000);
  }
}

/** Waits until the built binary loads (`--help` exits 0); fails with a hint when it never does. */
export async function ensureBuilt(): Promise<void> {
  const { code, stderr } = await runBuilt(['--help']);
  if (code !== 0)
    throw new Error(`the built server does not start; run \`pnpm build\`:\n${stderr}`);
}
