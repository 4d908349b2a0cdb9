// Graceful drain for SIGTERM (a rolling deploy, a scale-down): stop taking requests, let the
// calls already running finish within a bound, then let the caller close sessions and flush.
// Counted at the Node level, from 'request' to the response's 'close', so a tool call whose
// answer is still streaming is in flight until its last byte is out.

import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { doorOf, refuse } from './replies.js';

/** How a draining server answers a request that reaches it anyway (on a kept-alive socket). */
const DRAINING = {
  status: 503,
  code: 'SERVICE_UNAVAILABLE',
  message: 'This server is shutting down: send the request again (another replica will answer).',
  headers: { 'retry-after': '1', connection: 'close' },
};

/** Counts the requests in flight through the listener it wraps, and drains them. */
export interface Drain {
  /** The listener to give the Node server in place of `listener`. */
  wrap(listener: RequestListener): RequestListener;
  /** True once draining began: `/ready` says so, and new requests are refused with 503. */
  draining(): boolean;
  /** Requests in flight now (long-lived event streams excluded). */
  inFlight(): number;
  /**
   * Stops listening, refuses new requests, and resolves once the requests in flight have
   * finished or `boundMs` has passed: with the number still running (0 when all finished).
   */
  drain(server: Server, boundMs: number): Promise<number>;
}

/**
 * GET /sse and GET /mcp[/{id}] are event streams that live as long as their session: they are
 * not calls to wait for, and they end when the sessions are closed after the drain.
 */
function isEventStream(request: IncomingMessage): boolean {
  if (request.method !== 'GET') return false;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  return /^\/(sse|mcp(\/[^/]+)?)\/?$/.test(path);
}

/** In-flight counting and the drain, for one server. */
export function createDrain(): Drain {
  let draining = false;
  let running = 0;
  const idle = new Set<() => void>();
  const finished = () => {
    running -= 1;
    if (running === 0) for (const wake of idle) wake();
  };
  return {
    wrap: (listener) => (request, response) => {
      if (draining) {
        void refuseDraining(request, response);
        return;
      }
      if (!isEventStream(request)) {
        running += 1;
        response.once('close', finished);
      }
      listener(request, response);
    },
    draining: () => draining,
    inFlight: () => running,
    async drain(server, boundMs) {
      draining = true;
      // No new connections, and sockets idle in keep-alive are closed now. A request that still
      // arrives on a busy socket is refused above, with `Connection: close`.
      server.close();
      server.closeIdleConnections();
      if (running === 0) return 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, boundMs);
        function done() {
          clearTimeout(timer);
          idle.delete(done);
          resolve();
        }
        idle.add(done);
      });
      return running;
    },
  };
}

async function refuseDraining(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = refuse(doorOf((request.url ?? '/').split('?')[0] ?? '/'), DRAINING);
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(await answer.text());
  // The request body, if any, is not read: the socket is closed with the answer.
  request.resume();
}
