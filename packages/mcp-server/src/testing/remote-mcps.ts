// Remote MCP servers for tests: the real third-party everything server
// (@modelcontextprotocol/server-everything) in Streamable HTTP mode as a child process on a
// loopback port, and tiny local HTTP servers that misbehave on purpose (hang, answer garbage,
// check a header).

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pipeline, Readable } from 'node:stream';

/** A port nothing listens on (free when asked). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The everything server's entry, as its package's bin names it. */
function everythingEntry(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')),
    'dist/index.js',
  );
}

/** The everything server, running; `restart` starts it again on the same port (sessions lost). */
export interface EverythingServer {
  url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

async function spawnEverything(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [everythingEntry(), 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`everything server silent: ${said}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('listening on port')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`everything server exited ${code}: ${said}`));
    });
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Starts the everything server on a free loopback port. */
export async function startEverythingServer(): Promise<EverythingServer> {
  const port = await freePort();
  let child = await spawnEverything(port);
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child);
      child = await spawnEverything(port);
    },
  };
}

/** A tiny HTTP server on loopback answering with `handler`. */
export async function tinyServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The request body, read whole. */
async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A server in front of `target` that answers 401 unless the request carries `authorization`,
 * and otherwise forwards it (the MCP headers, the body, the answer streamed back). Records every
 * Authorization header it saw.
 */
export async function guardedProxy(target: string, authorization: string) {
  const seen: (string | undefined)[] = [];
  const forwarded = [
    'content-type',
    'accept',
    'mcp-session-id',
    'mcp-protocol-version',
    'last-event-id',
  ];
  const server = await tinyServer((request, response) => {
    seen.push(request.headers.authorization);
    if (request.headers.authorization !== authorization) {
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"error":"unauthorized"}');
      return;
    }
    void (async () => {
      const headers = new Headers();
      for (const name of forwarded) {
        const value = request.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const method = request.method ?? 'GET';
      const body = method === 'POST' ? await bodyOf(request) : undefined;
      const answer = await fetch(target, { method, headers, ...(body ? { body } : {}) });
      const back: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (name === 'content-type' || name.startsWith('mcp-')) back[name] = value;
      });
      response.writeHead(answer.status, back);
      // A stream cut when the remote stops is the test ending, not a failure to report.
      if (answer.body) pipeline(Readable.fromWeb(answer.body as never), response, () => undefined);
      else response.end();
    })().catch(() => response.destroy());
  });
  return { ...server, seen };
}
