// The server the browser tests drive: the built plex-mcp-server binary in its demo (the Plex
// emulator in process, the "Demo" organization and its admin key in a throwaway database),
// serving this package's built console.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built console (`pnpm build` makes it). */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));
/** The server's launcher, from this package's dev dependency on it. */
const SERVER_BIN = fileURLToPath(
  new URL('../../node_modules/@plexmcp/mcp-server/bin/plex-mcp-server.js', import.meta.url),
);

/** A running demo server. */
export interface DemoServer {
  url: string;
  /** The Demo organization's admin key, as the demo prints it. */
  adminKey: string;
  /** The console's address, as the demo prints it. */
  consoleUrl: string | undefined;
  /** The emulated plex.tv the demo signs in to, as the demo prints it. */
  plexTvUrl: string | undefined;
  /** Everything the server has written to stderr (its log) so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts the demo on a free loopback port and waits for its URL and key. */
export async function startDemoServer(): Promise<DemoServer> {
  const work = mkdtempSync(join(tmpdir(), 'plexmcp-console-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVER_BIN, '--demo', '--demo-organization', '--transport', 'http', '--port', '0'],
    {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', PLEXMCP_CONSOLE_DIR: CONSOLE_DIR },
    },
  );
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<{ url: string; adminKey: string }>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /over HTTP at (http:\/\/127\.0\.0\.1:\d+)\/mcp/.exec(stderr)?.[1];
      const adminKey = /Admin key: +(plexmcp_\S+)/.exec(stderr)?.[1];
      if (url && adminKey && stderr.includes('Stop with Ctrl-C')) resolve({ url, adminKey });
    });
    void exited.then(() =>
      reject(new Error(`the demo server exited before it was ready:\n${stderr}`)),
    );
  });
  const { url, adminKey } = await ready;
  return {
    url,
    adminKey,
    consoleUrl: /Console: +(http\S+)/.exec(stderr)?.[1],
    plexTvUrl: /plex\.tv: +(http\S+)/.exec(stderr)?.[1],
    log: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
