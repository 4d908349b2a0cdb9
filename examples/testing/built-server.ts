// Test helper shared by the examples' tests (not part of any example): starts the BUILT
// plex-mcp-server binary, as a user would run it, and hands back its URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The launcher `npx @plexmcp/mcp-server` runs; it imports ../dist/cli.js. */
export const SERVER_BIN = fileURLToPath(
  new URL('../../packages/mcp-server/bin/plex-mcp-server.js', import.meta.url),
);

const BUILT_CLI = fileURLToPath(new URL('../../packages/mcp-server/dist/cli.js', import.meta.url));

/**
 * Waits for a build output: `pnpm test` builds first, but another `pnpm build` in the same
 * checkout empties dist/ for a few seconds while it runs.
 */
export async function waitForFile(path: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} is missing: run \`pnpm build\` first.`);
    await sleep(500);
  }
}

/** Waits for the server's build output (see waitForFile). */
export const waitForBuild = (): Promise<void> => waitForFile(BUILT_CLI);

/** A running HTTP server process. */
export interface BuiltServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (the MCP endpoint is `${url}/mcp`). */
  url: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `plex-mcp-server <args>` with only PATH and `env` in its environment, and resolves once
 * it logs the URL it serves HTTP on (pass `--port 0` or `PLEX_MCP_PORT=0` for a free port). It
 * runs in the temp folder, where no developer's `.env` adds settings.
 */
export async function startBuiltServer(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<BuiltServer> {
  await waitForBuild();
  const child = spawn(process.execPath, [SERVER_BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: tmpdir(),
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /over HTTP at (http:\/\/\S+?)\/mcp/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`plex-mcp-server exited ${code}: ${stderr}`)));
  });
  return { url, stderr: () => stderr, stop: () => stopProcess(child, exited) };
}

/** The built server with the demo library over HTTP on a free port, guarded by `apiKey`. */
export function startDemoHttpServer(apiKey: string): Promise<BuiltServer> {
  return startBuiltServer(['--demo', '--transport', 'http', '--port', '0', '--api-key', apiKey]);
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited;
}
