import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { HttpError, readJson, sendRpcError } from './body.js';
import type { Caller } from './security.js';

interface Session {
  transport: StreamableHTTPServerTransport;
  server: Server;
  keyIndex: number | undefined;
  lastSeen: number;
}

export interface McpEndpointOptions {
  /** A fresh MCP server for one session (or one stateless request), narrowed to the caller. */
  createServer: (caller: Caller) => Server;
  stateless: boolean;
  maxBodyBytes: number;
  /** Sessions idle this long are closed. */
  sessionIdleMs: number;
  /** The cap on open sessions, counting `otherSessions()` too. */
  maxSessions: number;
  /** Sessions open on other transports (legacy SSE), which share the cap. */
  otherSessions?: () => number;
}

const rpcError = sendRpcError;

/** Streamable HTTP at `/mcp`: stateful sessions (one MCP server each) or stateless requests. */
export function createMcpEndpoint(options: McpEndpointOptions) {
  const sessions = new Map<string, Session>();

  const closeSession = (id: string, session: Session) => {
    sessions.delete(id);
    void session.transport.close().catch(() => undefined);
    void session.server.close().catch(() => undefined);
  };
  const sweep = () => {
    const cutoff = Date.now() - options.sessionIdleMs;
    for (const [id, session] of sessions) {
      if (session.lastSeen < cutoff) closeSession(id, session);
    }
  };
  const timer = setInterval(sweep, Math.min(options.sessionIdleMs, 60_000));
  timer.unref();

  async function readMessage(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return { ok: true as const, body: undefined };
    try {
      return { ok: true as const, body: await readJson(req, options.maxBodyBytes) };
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.status === 400) rpcError(res, 400, -32700, 'Parse error: the body is not JSON.');
      else rpcError(res, error.status, -32600, error.message);
      return { ok: false as const };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> {
    const message = await readMessage(req, res);
    if (!message.ok) return;
    const body = message.body;
    // JSON-RPC 2.0 answers an empty batch with one Invalid Request error; the SDK would accept it.
    if (Array.isArray(body) && body.length === 0) {
      rpcError(res, 400, -32600, 'Invalid Request: the batch is empty.');
      return;
    }

    if (options.stateless) {
      if (req.method !== 'POST') {
        rpcError(res, 405, -32000, 'Method not allowed: this server is stateless; POST to /mcp.');
        return;
      }
      const server = options.createServer(caller);
      const transport = new StreamableHTTPServerTransport({});
      res.on('close', () => {
        void transport.close().catch(() => undefined);
        void server.close().catch(() => undefined);
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'DELETE') {
      req.resume();
      rpcError(res, 405, -32000, 'Method not allowed: /mcp takes POST, GET and DELETE.', {
        allow: 'GET, POST, DELETE',
      });
      return;
    }
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      // A session belongs to the key that opened it: another key cannot ride on it.
      if (!session || session.keyIndex !== caller.keyIndex) {
        rpcError(res, 404, -32001, 'Session not found: initialize a new session.');
        return;
      }
      session.lastSeen = Date.now();
      await session.transport.handleRequest(req, res, body);
      return;
    }
    if (req.method === 'POST' && isInitializeRequest(body)) {
      const open = () => sessions.size + (options.otherSessions?.() ?? 0);
      if (open() >= options.maxSessions) sweep();
      if (open() >= options.maxSessions) {
        rpcError(
          res,
          503,
          -32000,
          'Too many open sessions: close one (DELETE /mcp) or retry later.',
        );
        return;
      }
      const server = options.createServer(caller);
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, server, keyIndex: caller.keyIndex, lastSeen: Date.now() });
        },
      });
      await server.connect(transport);
      server.onclose = () => {
        const id = transport.sessionId;
        if (id && sessions.get(id)?.transport === transport) sessions.delete(id);
      };
      await transport.handleRequest(req, res, body);
      return;
    }
    rpcError(res, 400, -32000, 'Bad request: send initialize first, or the Mcp-Session-Id header.');
  }

  return {
    handle,
    sessionCount: () => sessions.size,
    async close() {
      clearInterval(timer);
      await Promise.all(
        [...sessions.values()].map(async (session) => {
          await session.transport.close().catch(() => undefined);
          await session.server.close().catch(() => undefined);
        }),
      );
      sessions.clear();
    },
  };
}
