import { spawn } from 'node:child_process';

/** A finished child process. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `run`. */
export interface RunOptions {
  cwd: string;
  /** Added to a minimal environment (PATH and HOME only), so no developer setting leaks in. */
  env?: Record<string, string>;
  /** Kills the process after this long; the result then says so in `stderr`. */
  timeoutMs?: number;
}

/** Runs a command to completion and collects its output; never rejects for a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like `run`, but rejects with the output when the command fails. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<Finished> {
  const finished = await run(command, args, options);
  if (finished.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${finished.code}:\n${finished.stderr}${finished.stdout}`,
    );
  }
  return finished;
}
