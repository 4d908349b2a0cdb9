import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The repository root, from this file's place in bench/src (or a built bench/dist). */
export const REPO_ROOT = new URL('../../', import.meta.url);

/** A `/proc/<pid>/status` memory figure (`VmRSS`, `VmHWM`) in MiB; NaN once the process is gone. */
export function procMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS on a timer and keeps the highest value seen. */
export class RssSampler {
  /** Highest RSS seen since the last `reset()`, in MiB. */
  peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 10,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }

  /** Takes one sample now. */
  sample(): number {
    const rss = procMiB(this.pid, 'VmRSS');
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  /** Starts a new peak from the current RSS. */
  reset(): void {
    this.peak = 0;
    this.sample();
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.timer);
  }
}

/** Resolves with the first stream line that matches, rejecting if the process exits or it takes too long. */
export function waitForLine(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const source = child[stream];
    if (!source) {
      reject(new Error(`${stream} is not piped`));
      return;
    }
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) {
        cleanup();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`process exited (${code}) before printing ${pattern}: ${seen.slice(-500)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${seen.slice(-500)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      source.off('data', onData);
      child.off('exit', onExit);
    };
    source.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Sends SIGTERM and waits for the exit (SIGKILL after a grace period). */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Spawns a built bin from the repository with node, stdout and stderr piped. */
export function spawnBin(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [new URL(bin, REPO_ROOT).pathname, ...args], {
    cwd: REPO_ROOT.pathname,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of some numbers (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** A figure rounded for a table: `digits` decimals, `–` for NaN. */
export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}
