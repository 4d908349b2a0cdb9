import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SERVER_BIN } from './paths.js';
import { procMiB } from './scale-proc.js';

/** A JSON-RPC response as it came off the wire. */
export interface RpcResponse {
  id: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

/** The built server over stdio, driven with raw newline-delimited JSON-RPC (no client SDK cost). */
export interface StdioServer {
  child: ChildProcessWithoutNullStreams;
  request(method: string, params?: Record<string, unknown>): Promise<RpcResponse>;
  notify(method: string, params?: Record<string, unknown>): void;
  /** The child's resident set size in bytes, from /proc (Linux). */
  rss(): number;
  /** CPU time (user + system) the child has used so far, in ms (10 ms resolution on Linux). */
  cpuMs(): number;
  /** Ends stdin (the server's signal to exit) and waits for the exit. */
  close(): Promise<void>;
}

/** Linux's USER_HZ: /proc times count in hundredths of a second. */
const CLOCK_TICKS = 100;

/** The initialize request every session starts with. */
export const INITIALIZE_PARAMS = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'plexmcp-bench', version: '0.0.0' },
};

/**
 * Spawns `node bin/plex-mcp-server.js <args>` with only `env` (a minimal environment, so the
 * measurement is not coloured by this shell's variables) in a directory without a `.env`.
 */
export function spawnStdioServer(
  args: string[],
  env: Record<string, string> = {},
  bin: string = SERVER_BIN,
): StdioServer {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: tmpdir(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending = new Map<number, (response: RpcResponse) => void>();
  let nextId = 1;
  let buffer = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (!line.trim()) continue;
      const message = JSON.parse(line) as Partial<RpcResponse>;
      if (typeof message.id === 'number') {
        pending.get(message.id)?.(message as RpcResponse);
        pending.delete(message.id);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const reject of pending.values()) {
      reject({ id: -1, error: { code: -1, message: `server exited (${code}): ${stderr.trim()}` } });
    }
    pending.clear();
  });
  const send = (message: Record<string, unknown>) => {
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  };
  return {
    child,
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ id, method, ...(params ? { params } : {}) });
      });
    },
    notify(method, params) {
      send({ method, ...(params ? { params } : {}) });
    },
    rss: () => procMiB(child.pid ?? 0, 'VmRSS') * 2 ** 20,
    cpuMs() {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
    },
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Throws when a JSON-RPC call failed or a tool reported an error: a benchmark must not time failures. */
export function expectOk(response: RpcResponse, what: string): Record<string, unknown> {
  if (response.error) throw new Error(`${what}: ${response.error.message}`);
  const result = response.result ?? {};
  if (result.isError === true) throw new Error(`${what}: ${JSON.stringify(result.content)}`);
  return result;
}
