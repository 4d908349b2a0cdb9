import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Caller } from './auth.js';
import { type FrontDoorEnv, NOT_JSON, whenAnswered } from './guards.js';
import { rpcError } from './replies.js';
import type { SessionRegistry } from './sessions.js';
import { SseServerTransport } from './sse-transport.js';

/** What the legacy SSE door needs. */
export interface SseDoorOptions {
  /** A fresh MCP server for one session, narrowed to the caller. */
  createServer: (caller: Caller) => Server;
  sessions: SessionRegistry;
}

/**
 * Where the client POSTs, relative to the `/sse` URL it opened (`/sse` → `messages/`, `/sse/` →
 * `../messages/`), so that behind a proxy serving us under `/plex/` it still reaches us. A client
 * that authenticated with `?apikey=` gets its key back in the URL: its POSTs must carry it too.
 */
function endpointFor(path: string, caller: Caller) {
  const base = path.endsWith('/') ? '../messages/' : 'messages/';
  const key =
    caller.keyInQuery === undefined ? '' : `&apikey=${encodeURIComponent(caller.keyInQuery)}`;
  return (sessionId: string) => `${base}?sessionId=${sessionId}${key}`;
}

/**
 * Legacy HTTP+SSE: `GET /sse` opens a stream (one MCP server per session), `POST /messages/
 * ?sessionId=…` carries the client's messages. Sessions live in the shared registry, so they
 * count against the key's quota and close when idle or too old.
 */
export function createSseDoor(options: SseDoorOptions) {
  const transports = new Map<string, SseServerTransport>();

  return {
    open(c: Context<FrontDoorEnv>): Response {
      // Hono answers HEAD with the GET route: say what a GET would get, but open nothing.
      if (c.req.method === 'HEAD') {
        return new Response(null, { headers: { 'content-type': 'text/event-stream' } });
      }
      const caller = c.get('caller');
      return streamSSE(c, async (stream) => {
        const path = new URL(c.req.url).pathname;
        const transport = new SseServerTransport(stream, endpointFor(path, caller), () =>
          c.env?.outgoing?.destroy(),
        );
        const server = options.createServer(caller);
        const id = transport.sessionId;
        const ended = new Promise<void>((resolve) => {
          transport.onclose = resolve;
          stream.onAbort(resolve);
          whenAnswered(c, resolve);
        });
        transports.set(id, transport);
        options.sessions.admit({ id, owner: caller.owner, close: () => void transport.close() });
        await server.connect(transport);
        await ended;
        transports.delete(id);
        options.sessions.forget(id);
        await server.close().catch(() => undefined);
      });
    },

    post(c: Context<FrontDoorEnv>): Response {
      const id = c.req.query('sessionId');
      // A session belongs to the key that opened it: another key cannot ride on it.
      const entry = id === undefined ? undefined : options.sessions.use(id, c.get('caller').owner);
      const transport = entry && transports.get(entry.id);
      if (!transport) {
        return rpcError(404, -32001, 'Session not found: open a new stream with GET /sse.');
      }
      const body = c.get('body');
      if (body === NOT_JSON) return rpcError(400, -32700, 'Parse error: the body is not JSON.');
      const message = JSONRPCMessageSchema.safeParse(body);
      if (!message.success) {
        return rpcError(400, -32600, 'Invalid Request: the body is not a JSON-RPC 2.0 message.');
      }
      transport.receive(message.data);
      return new Response('Accepted', { status: 202 });
    },
  };
}
