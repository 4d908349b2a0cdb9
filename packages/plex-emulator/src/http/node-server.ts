import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { IncomingRequest } from './context.js';
import { bufferedBody } from './responses.js';

/** Answers one request; throwing a `DropConnection` destroys the socket without an answer. */
export type FetchHandler = (request: IncomingRequest) => Promise<Response>;

/** Thrown by a handler to make the socket server hang up without answering. */
export class DropConnection extends Error {
  constructor() {
    super('connection dropped by fault injection');
    this.name = 'DropConnection';
  }
}

/** A running socket server. */
export interface SocketServer {
  readonly port: number;
  readonly host: string;
  /** Stops accepting connections (clients get ECONNREFUSED) until `resume()`. */
  suspend(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Serves a fetch-style handler on a real socket, streaming response bodies (SSE included). */
export async function serveFetch(
  handler: FetchHandler,
  options: { port: number; host: string },
): Promise<SocketServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void answer(handler, req, res, options.host);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server, options.port, options.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let listening = true;

  const stop = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port,
    host: options.host,
    suspend: stop,
    resume: async () => {
      if (listening) return;
      await listen(server, port, options.host);
      listening = true;
    },
    close: stop,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function answer(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
): Promise<void> {
  // The abort signal is made only when a handler builds the full Request (SSE streams, bodies).
  let aborter: AbortController | undefined;
  let hungUp = false;
  const signal = () => {
    aborter ??= new AbortController();
    if (hungUp) aborter.abort();
    return aborter.signal;
  };
  // Only a hang-up before the answer is complete aborts: aborting every finished request would
  // build a DOMException and run the abort listeners for nothing.
  res.on('close', () => {
    if (res.writableFinished) return;
    hungUp = true;
    aborter?.abort();
  });
  try {
    const response = await handler(incoming(req, host, signal));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    const buffered = bufferedBody(response);
    if (buffered !== undefined) {
      res.end(buffered);
      return;
    }
    if (!response.body) {
      res.end();
      return;
    }
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('error', () => res.destroy());
    res.on('close', () => body.destroy());
    body.pipe(res);
  } catch (error) {
    if (error instanceof DropConnection || hungUp) {
      req.socket.destroy();
      return;
    }
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  }
}

/** The request as the dispatcher reads it: headers straight from Node, the Request on demand. */
function incoming(req: IncomingMessage, host: string, signal: () => AbortSignal): IncomingRequest {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
  let built: Request | undefined;
  return {
    method: req.method ?? 'GET',
    url: url.href,
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    toRequest: () => {
      built ??= toRequest(req, url, signal());
      return built;
    },
  };
}

function toRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}
