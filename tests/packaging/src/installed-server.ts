import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/** The installed binary serving HTTP on a free port. */
export interface InstalledServer {
  /** `http://127.0.0.1:<port>`, without a path. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `<project>/node_modules/.bin/plex-mcp-server --demo --transport http --port 0` and
 * resolves once its start-up line names the address it took.
 */
export async function startInstalledServer(
  project: string,
  env: Record<string, string> = {},
): Promise<InstalledServer> {
  const server: ChildProcess = spawn(
    join(project, 'node_modules/.bin/plex-mcp-server'),
    ['--demo', '--transport', 'http', '--port', '0'],
    {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    server.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const ready = /over HTTP at (http:\/\/\S+)\/mcp/.exec(stderr);
      if (ready?.[1]) resolve(ready[1]);
    });
    server.on('exit', (code) => reject(new Error(`exited with ${code}:\n${stderr}`)));
  });
  return {
    url,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      server.kill('SIGTERM');
      await once(server, 'exit');
    },
  };
}
