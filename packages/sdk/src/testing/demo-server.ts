import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server's launcher; `pnpm test` builds before testing. */
const SERVER_BIN = fileURLToPath(
  new URL('../../../mcp-server/bin/plex-mcp-server.js', import.meta.url),
);
/** The built codegen launcher. */
export const CODEGEN_BIN = fileURLToPath(new URL('../../bin/plexmcp-codegen.js', import.meta.url));

// No .env here, so a developer's own settings never reach a test server.
export const WORK_DIR = mkdtempSync(join(tmpdir(), 'plexmcp-sdk-'));

/** A built plexmcp server serving the demo library over HTTP on a free loopback port. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Starts `plex-mcp-server --demo --transport http --port 0 …extraArgs` and waits until it serves. */
export function startDemoServer(extraArgs: string[] = []): Promise<DemoServer> {
  return startBuiltServer([
    '--demo',
    '--transport',
    'http',
    '--port',
    '0',
    '--rate-limit',
    'off',
    ...extraArgs,
  ]);
}

/**
 * Starts the built `plex-mcp-server <args>` with only PATH and `env` in its environment, and
 * resolves once it says where it serves HTTP.
 */
export function startBuiltServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<DemoServer> {
  const child = spawn(process.execPath, [SERVER_BIN, ...args], {
    cwd: WORK_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /over HTTP at (http:\/\/[^\s]+)\/mcp/.exec(stderr);
      if (match?.[1]) {
        resolve({
          url: match[1],
          stderr: () => stderr,
          close: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before serving:\n${stderr}`)),
    );
  });
}

/** Runs the built `plex-mcp-server <args>` to completion (operator commands such as `admin`). */
export function runServerBin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runToEnd(SERVER_BIN, args, env);
}

/** Runs the built codegen bin to completion. */
export function runCodegenBin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runToEnd(CODEGEN_BIN, args, env);
}

function runToEnd(
  bin: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: WORK_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
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
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
