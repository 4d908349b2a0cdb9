import { readFileSync } from 'node:fs';
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
} from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32, deflateSync } from 'node:zlib';
import {
  createPlexEmulator,
  type ListeningEmulator,
  type PlexEmulator,
} from '@plexmcp/plex-emulator';
import { type BuiltHttpServer, startBuiltHttpServer } from '../testing/http-server.js';
import { Transcript } from '../testing/transcript.js';
import { type RawAnswer, send } from './raw-http.js';

/**
 * The attacker's kit for the `attacks-*` suites: an emulated Plex behind a tap that sees every
 * request the server makes, the built server started against it, and raw HTTP, MCP and TCP
 * moves. Everything listens on 127.0.0.1 only.
 */

/**
 * The Plex token: distinctive, and with `/`, `+` and `=` so that its URL-encoded form differs
 * from the plain one and a leak in either encoding is caught.
 */
export const PLEX_TOKEN = 'plex-tok/ATK+q7Vx29Lm=Rk';

/** API keys of at least 32 characters with enough different ones; each distinctive in logs. */
export const KEYS = {
  admin: 'atk-admin-K9x2Qm7Lp4Vr8Tz1Nc6Wb3Yd',
  read: 'atk-read-H5j8Rw2Kc9Mv4Xb7Pq1Zt6Ln',
  write: 'atk-write-D3f6Gs9Ua2Ye5Ti8Oo1Pp4Qr',
  other: 'atk-other-B7n4Mc1Xz8Lk5Jh2Gf9Ds6Aq',
} as const;

/** `--api-key` flags for keys with scopes, e.g. `apiKeyArgs([KEYS.read, 'read'])`. */
export function apiKeyArgs(...keys: [key: string, scopes?: string][]): string[] {
  return keys.flatMap(([key, scopes]) => ['--api-key', scopes ? `${key}:${scopes}` : key]);
}

/** Long enough for a cold spawn of the built server on a busy 2-core machine. */
export const SPAWN_TIMEOUT = 60_000;

/** One request the server made to Plex, as the tap saw it. */
export interface PlexRequest {
  method: string;
  /** Path and query. */
  path: string;
  body: Buffer;
}

/** A counting HTTP proxy in front of the emulator's socket. */
export interface PlexTap {
  /** Where the server is pointed instead of the emulator. */
  url: string;
  /** Every request that reached Plex through the tap, in arrival order. */
  requests: PlexRequest[];
  /** Requests in flight at Plex right now. */
  inFlight(): number;
  /** The most requests in flight at once since the last `resetMax()`. */
  maxInFlight(): number;
  resetMax(): void;
  close(): Promise<void>;
}

function hopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...rest } = headers;
  return rest;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Starts a proxy to `target` that records each request (method, path, body) and counts how
 * many are in flight: from the moment its headers arrive until Plex's whole answer is back at
 * the tap, which is before the server can see the answer end and send its next request. Event
 * streams are passed through and not counted (they stay open).
 */
export async function tapPlex(target: string): Promise<PlexTap> {
  const upstream = new URL(target);
  const requests: PlexRequest[] = [];
  // Kept-alive connections to the emulator: a 500-request call should not pay 500 handshakes.
  const agent = new Agent({ keepAlive: true });
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    void readAll(req).then((body) => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body });
      const forward = request(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...hopByHop(req.headers), 'content-length': String(body.length) },
        },
        (answer) => {
          const headers = hopByHop(answer.headers);
          if (String(answer.headers['content-type']).includes('text/event-stream')) {
            done();
            res.writeHead(answer.statusCode ?? 502, headers);
            answer.pipe(res);
            return;
          }
          void readAll(answer).then(
            (text) => {
              done();
              res.writeHead(answer.statusCode ?? 502, {
                ...headers,
                'content-length': String(text.length),
              });
              res.end(text);
            },
            () => {
              done();
              res.destroy();
            },
          );
        },
      );
      forward.on('error', () => {
        done();
        res.destroy();
      });
      res.on('close', () => {
        done();
        forward.destroy();
      });
      forward.end(body);
    }, done);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    resetMax: () => {
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An emulated Plex (demo library) on a socket, behind a tap. */
export interface PlexTarget {
  emulator: PlexEmulator;
  /** The emulator's own socket (not tapped). */
  served: ListeningEmulator;
  tap: PlexTap;
  /** PLEX_URL (the tap), PLEX_TOKEN and PLEX_TV_URL, plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the emulator that only {@link PLEX_TOKEN} opens, and a tap in front of it. */
export async function plexTarget(): Promise<PlexTarget> {
  const emulator = createPlexEmulator({ token: PLEX_TOKEN, activityStepMs: 2 });
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  const tap = await tapPlex(served.url);
  return {
    emulator,
    served,
    tap,
    env: (extra = {}) => ({
      PLEX_URL: tap.url,
      PLEX_TOKEN,
      PLEX_TV_URL: `${tap.url}${emulator.plexTvPath}`,
      ...extra,
    }),
    close: async () => {
      await tap.close();
      await emulator.close();
    },
  };
}

/** The built server under attack, with everything it wrote. */
export interface Victim extends BuiltHttpServer {
  /** The server process id (the launcher imports the CLI in-process). */
  pid: number;
  transcript: Transcript;
  port: number;
}

/** Starts the built server in HTTP mode with `args` and exactly `env`. */
export async function startVictim(
  args: readonly string[],
  env: Record<string, string>,
): Promise<Victim> {
  const transcript = new Transcript();
  const server = await startBuiltHttpServer({ args, env, transcript });
  // The server checks Plex once at start: let that request land before a test counts Plex's.
  const checked =
    /Plex reachable|Plex at .* (refused|answered)|Plex is not answering|could not check Plex/;
  for (let i = 0; i < 100 && !checked.test(server.output.stderr); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    ...server,
    pid: server.child.pid as number,
    transcript,
    port: Number(new URL(server.url).port),
  };
}

/** The server's resident set size in KiB, from /proc/<pid>/status. */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** `Authorization: Bearer` for a key, or nothing. */
export function bearer(key: string | undefined): Record<string, string> {
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}

/** `POST /tools/call` with a JSON body. */
export function callTool(
  url: string,
  tool: string,
  args: Record<string, unknown>,
  key?: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return send(`${url}/tools/call`, {
    headers: { 'content-type': 'application/json', ...bearer(key), ...headers },
    body: JSON.stringify({ tool_name: tool, arguments: args }),
  });
}

/** The Streamable HTTP headers of a POST. */
export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** initialize, as a raw body. */
export function initializeBody(version = '2025-06-18', id = 1): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: version,
      capabilities: {},
      clientInfo: { name: 'attacker', version: '1' },
    },
  });
}

/** A raw Streamable HTTP session: its id and the headers that address it. */
export interface RawSession {
  id: string;
  headers: Record<string, string>;
}

/**
 * Opens a session with raw POSTs (initialize, then notifications/initialized unless `notify` is
 * false, as a flooding attacker would skip it); throws with the answer when the server refuses.
 */
export async function openSession(
  url: string,
  key?: string,
  { version = '2025-06-18', notify = true } = {},
): Promise<RawSession> {
  const init = await send(`${url}/mcp`, {
    headers: { ...MCP_HEADERS, ...bearer(key) },
    body: initializeBody(version),
  });
  const id = init.headers.get('mcp-session-id');
  if (init.status !== 200 || !id) {
    throw new Error(`initialize answered ${init.status}: ${init.text}`);
  }
  const headers = {
    ...MCP_HEADERS,
    ...bearer(key),
    'mcp-session-id': id,
    'mcp-protocol-version': version,
  };
  if (!notify) return { id, headers };
  const ready = await send(`${url}/mcp`, {
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  if (ready.status !== 202) throw new Error(`initialized answered ${ready.status}: ${ready.text}`);
  return { id, headers };
}

let nextId = 100;

/** One JSON-RPC request on a session; the answer's `json` is the JSON-RPC response. */
export function rpc(
  url: string,
  session: RawSession,
  method: string,
  params?: Record<string, unknown>,
): Promise<RawAnswer> {
  return send(`${url}/mcp`, {
    headers: session.headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: nextId++,
      method,
      ...(params ? { params } : {}),
    }),
  });
}

/** Whether a session still answers a ping (a closed one answers 404). */
export async function pings(url: string, session: RawSession): Promise<boolean> {
  const answer = await rpc(url, session, 'ping');
  if (answer.status === 200 && answer.json?.result !== undefined) return true;
  if (answer.status === 404) return false;
  throw new Error(`ping answered ${answer.status}: ${answer.text}`);
}

/** A 1×1 RGB PNG of one colour, built from bytes (the first pixel is what the emulator keeps). */
export function tinyPng([red, green, blue]: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, red, green, blue]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A raw TCP connection and when the server ended it. */
export interface WatchedSocket {
  socket: Socket;
  /** When the connection was made (ms since the epoch). */
  openedAt: number;
  /** Everything the server wrote. */
  received(): string;
  /** Whether the socket is closed (by either side). */
  closed(): boolean;
  /** Resolves with ms from `openedAt` to the close, or undefined if still open after `ms`. */
  closedWithin(ms: number): Promise<number | undefined>;
}

/** Connects to 127.0.0.1:`port` and watches for the server closing the connection. */
export function openSocket(port: number): Promise<WatchedSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let text = '';
    let closedAt: number | undefined;
    const closed = new Promise<number>((done) => {
      socket.on('close', () => {
        closedAt = Date.now();
        done(closedAt);
      });
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    // A reset by the server counts as closed; the error itself is expected.
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.off('error', reject);
      const openedAt = Date.now();
      resolve({
        socket,
        openedAt,
        received: () => text,
        closed: () => closedAt !== undefined,
        closedWithin: async (ms) => {
          const at = await Promise.race([closed, sleep(ms).then(() => undefined)]);
          return at === undefined ? undefined : at - openedAt;
        },
      });
    });
    socket.once('error', reject);
  });
}

/**
 * Writes `text` one byte every `everyMs` until it is all sent or the socket closes; resolves
 * with the bytes written.
 */
export async function trickle(socket: WatchedSocket, text: string, everyMs: number) {
  let written = 0;
  for (const byte of text) {
    if (socket.closed()) break;
    socket.socket.write(byte);
    written++;
    await sleep(everyMs);
  }
  return written;
}

/** GET over a fresh connection (no keep-alive pool), answering status and body, or the error. */
export function freshGet(
  url: string,
): Promise<{ status: number; text: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', (error) => resolve({ error: error.message }));
    });
    req.on('error', (error) =>
      resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
    );
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** An open event stream and when it ended. */
export interface WatchedStream {
  status: number;
  /** The data of the first event (for `/sse`, the endpoint). */
  firstData: string;
  /** Resolves with ms from open to the end, or undefined if still open after `ms`. */
  endedWithin(ms: number): Promise<number | undefined>;
  close(): void;
}

/** Opens a GET event stream and waits for its first event (or just its headers). */
export function watchStream(
  url: string,
  headers: Record<string, string>,
  { firstEvent = true } = {},
): Promise<WatchedStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent: false, headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        const openedAt = Date.now();
        let text = '';
        const ended = new Promise<number>((done) => {
          res.on('close', () => done(Date.now()));
          res.on('end', () => done(Date.now()));
        });
        let resolved = false;
        const ready = () => {
          if (resolved) return;
          resolved = true;
          resolve({
            status: res.statusCode ?? 0,
            firstData: /^data: ?(.*)$/m.exec(text)?.[1] ?? text,
            endedWithin: async (ms) => {
              const at = await Promise.race([ended, sleep(ms).then(() => undefined)]);
              return at === undefined ? undefined : at - openedAt;
            },
            close: () => req.destroy(),
          });
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\n\n')) ready();
        });
        res.on('end', ready);
        if (res.statusCode !== 200 || !firstEvent) ready();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` every 25 ms for up to `ms`; answers whether it came true. */
export async function eventually(check: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
}
