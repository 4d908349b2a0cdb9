import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { SERVER_BIN } from './paths.js';
import { procMiB } from './scale-proc.js';
import { INITIALIZE_PARAMS } from './stdio-server.js';

/** The built server in HTTP mode, in its own process. */
export interface HttpServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The child's resident set size in bytes, from /proc (Linux). */
  rss(): number;
  /** SIGTERM (the server closes its sessions) and wait for the exit. */
  close(): Promise<void>;
}

/**
 * Spawns `node bin/plex-mcp-server.js --transport http --port 0 <args>` and resolves with the
 * base URL the server logs once it listens.
 */
export function spawnHttpServer(
  args: string[],
  env: Record<string, string> = {},
  bin: string = SERVER_BIN,
): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [bin, '--transport', 'http', '--port', '0', ...args], {
    cwd: tmpdir(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const onData = (chunk: string) => {
      stderr += chunk;
      const match = /over HTTP at (http:\/\/[^\s/]+)\/mcp/.exec(stderr);
      if (!match?.[1]) return;
      child.stderr.off('data', onData);
      // Keep draining stderr so a chatty server never blocks on a full pipe.
      child.stderr.resume();
      const url = match[1];
      resolve({
        child,
        url,
        rss: () => procMiB(child.pid ?? 0, 'VmRSS') * 2 ** 20,
        async close() {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    };
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${stderr.trim()}`)),
    );
  });
}

/** JSON-RPC over Streamable HTTP with raw fetch: one session, SSE or JSON answers. */
export interface McpHttpSession {
  request(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Reads a POST answer that may be JSON or a short SSE stream carrying one JSON-RPC message. */
async function readRpc(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const data = text
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .find((line) => line.includes('"id"'));
    if (!data) throw new Error('SSE answer without a JSON-RPC message');
    return JSON.parse(data) as Record<string, unknown>;
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** Opens an MCP session on `${base}/mcp` (initialize + initialized). */
export async function openMcpSession(base: string): Promise<McpHttpSession> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  let nextId = 1;
  const post = (body: Record<string, unknown>) =>
    fetch(`${base}/mcp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', ...body }),
    });
  const init = await post({
    id: nextId++,
    method: 'initialize',
    params: INITIALIZE_PARAMS,
  });
  const sessionId = init.headers.get('mcp-session-id');
  await readRpc(init);
  if (sessionId) headers['mcp-session-id'] = sessionId;
  headers['mcp-protocol-version'] = '2025-06-18';
  const initialized = await post({ method: 'notifications/initialized' });
  await initialized.text();
  return {
    async request(method, params) {
      const message = await readRpc(
        await post({ id: nextId++, method, ...(params ? { params } : {}) }),
      );
      if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
      const result = message.result as Record<string, unknown>;
      if (result.isError === true) throw new Error(`${method}: ${JSON.stringify(result.content)}`);
      return result;
    },
    async close() {
      if (sessionId) await (await fetch(`${base}/mcp`, { method: 'DELETE', headers })).text();
    },
  };
}

/** `POST /tools/call` on the REST surface; throws unless `success`. */
export async function restCall(
  base: string,
  tool: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(`${base}/tools/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tool_name: tool, arguments: args }),
  });
  const body = (await response.json()) as { success: boolean; result: unknown; error: unknown };
  if (!body.success)
    throw new Error(`${tool}: HTTP ${response.status} ${JSON.stringify(body.error)}`);
  return body.result;
}
