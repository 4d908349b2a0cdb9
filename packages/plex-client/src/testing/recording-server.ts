import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { PlexEmulator } from '@plexmcp/plex-emulator';

/**
 * One loopback server per test worker in front of any number of emulators, so a client can reach
 * an emulator over a real socket (the node:http engine production uses) and a test can read what
 * was sent. Emulator `n` answers below `/e<n>`; each request is recorded and handed to it with
 * the origin `http://plex.test:32400`, exactly as a client wired through `fetch` sends it, so the
 * same assertions hold for both engines.
 */
export interface Recorder {
  /** The server's origin, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** Mounts an emulator; its requests are pushed to `sent`. Returns its base URL. */
  mount(emulator: PlexEmulator, sent: Request[]): string;
}

/** The origin the emulator sees, whichever engine sent the request. */
export const RECORDED_ORIGIN = 'http://plex.test:32400';

/** Headers the socket adds that a `fetch`-wired client does not send. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

let started: Promise<Recorder> | undefined;

/** The worker's recorder, started on first use. */
export function recorder(): Promise<Recorder> {
  started ??= start();
  return started;
}

async function start(): Promise<Recorder> {
  const mounted: { emulator: PlexEmulator; sent: Request[] }[] = [];
  const server = createServer((req, res) => {
    answer(req, res, mounted).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  // Never keeps a test worker alive.
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    mount(emulator, sent) {
      mounted.push({ emulator, sent });
      return `${origin}/e${mounted.length - 1}`;
    },
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  mounted: readonly { emulator: PlexEmulator; sent: Request[] }[],
): Promise<void> {
  const match = /^\/e(\d+)(\/.*)?$/.exec(req.url ?? '');
  const target = match ? mounted[Number(match[1])] : undefined;
  if (!match || !target) {
    res.writeHead(502).end('no emulator mounted here');
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = new Request(`${RECORDED_ORIGIN}${match[2] ?? '/'}`, {
    method,
    headers,
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
  });
  target.sent.push(request.clone());
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const response = await target.emulator.fetch(new Request(request, { signal: controller.signal }));
  res.writeHead(response.status, [...response.headers].flat());
  if (!response.body) {
    res.end();
    return;
  }
  // Piped, not buffered: event streams never end.
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
}
