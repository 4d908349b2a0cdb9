import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { HttpError, readJson, sendRpcError } from './body.js';
import type { Caller } from './security.js';

interface SseSession {
  transport: SSEServerTransport;
  server: Server;
  keyIndex: number | undefined;
}

export interface SseEndpointOptions {
  /** A fresh MCP server for one session, narrowed to the caller. */
  createServer: (caller: Caller) => Server;
  maxBodyBytes: number;
  /** Whether another session may open (the cap shared with `/mcp`). */
  canOpen: () => boolean;
}

/** The path the SDK transport is given; it always emits it root-absolute, so we rewrite it. */
const SDK_ENDPOINT = '/messages/';

/**
 * Makes the transport's `endpoint` event relative to the `/sse` URL the client opened, so that
 * behind a reverse proxy serving us under a path prefix (`/plex/sse`) the client still POSTs to
 * `/plex/messages/`. The SDK turns any endpoint into `pathname + search`, which would drop the
 * prefix; this rewrites that one event as it is written.
 */
function relativeEndpointEvent(res: ServerResponse, relative: string): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const prefix = `event: endpoint\ndata: ${SDK_ENDPOINT}`;
  const patched = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string' && chunk.startsWith(prefix)) {
      res.write = write as ServerResponse['write'];
      return write(`event: endpoint\ndata: ${relative}${chunk.slice(prefix.length)}`, ...rest);
    }
    return write(chunk, ...rest);
  };
  res.write = patched as ServerResponse['write'];
}

/**
 * Legacy HTTP+SSE (protocol 2024-11-05): `GET /sse` opens a stream whose first event names the
 * POST endpoint, `POST /messages/?sessionId=…` carries the client's messages. A session lives as
 * long as its stream and belongs to the key that opened it.
 */
export function createSseEndpoint(options: SseEndpointOptions) {
  const sessions = new Map<string, SseSession>();

  async function open(
    req: IncomingMessage,
    res: ServerResponse,
    caller: Caller,
    path: string,
  ): Promise<void> {
    if (req.method !== 'GET') {
      req.resume();
      sendRpcError(res, 405, -32000, 'Method not allowed: GET /sse opens the stream.', {
        allow: 'GET',
      });
      return;
    }
    if (!options.canOpen()) {
      sendRpcError(res, 503, -32000, 'Too many open sessions: close one or retry later.');
      return;
    }
    // `/sse` → `messages/`; `/sse/` → `../messages/` (both resolve next to `sse`).
    relativeEndpointEvent(res, path.endsWith('/') ? '../messages/' : 'messages/');
    const transport = new SSEServerTransport(SDK_ENDPOINT, res);
    const server = options.createServer(caller);
    const id = transport.sessionId;
    sessions.set(id, { transport, server, keyIndex: caller.keyIndex });
    res.on('close', () => {
      if (sessions.get(id)?.transport === transport) sessions.delete(id);
      void server.close().catch(() => undefined);
    });
    await server.connect(transport);
  }

  async function post(
    req: IncomingMessage,
    res: ServerResponse,
    caller: Caller,
    url: URL,
  ): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      sendRpcError(res, 405, -32000, 'Method not allowed: POST messages here.', { allow: 'POST' });
      return;
    }
    const id = url.searchParams.get('sessionId');
    const session = id ? sessions.get(id) : undefined;
    // A session belongs to the key that opened it: another key cannot ride on it.
    if (!session || session.keyIndex !== caller.keyIndex) {
      req.resume();
      sendRpcError(res, 404, -32001, 'Session not found: open a new stream with GET /sse.');
      return;
    }
    // Checked here so that these answers are JSON-RPC errors like /mcp's, not the SDK's plain text.
    const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      sendRpcError(
        res,
        415,
        -32000,
        'Unsupported Media Type: Content-Type must be application/json.',
      );
      return;
    }
    let body: unknown;
    try {
      body = await readJson(req, options.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.status === 400)
        sendRpcError(res, 400, -32700, 'Parse error: the body is not JSON.');
      else sendRpcError(res, error.status, -32600, error.message);
      return;
    }
    if (!JSONRPCMessageSchema.safeParse(body).success) {
      sendRpcError(res, 400, -32600, 'Invalid Request: the body is not a JSON-RPC 2.0 message.');
      return;
    }
    await session.transport.handlePostMessage(req, res, body);
  }

  return {
    open,
    post,
    sessionCount: () => sessions.size,
    async close() {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(
        all.map(async (session) => {
          await session.transport.close().catch(() => undefined);
          await session.server.close().catch(() => undefined);
        }),
      );
    },
  };
}
