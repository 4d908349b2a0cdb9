import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Context } from 'hono';
import type { Caller } from './auth.js';
import { type FrontDoorEnv, NOT_JSON, whenAnswered } from './guards.js';
import { rpcError } from './replies.js';
import type { SessionRegistry } from './sessions.js';

/** What the Streamable HTTP door needs. */
export interface McpDoorOptions {
  /** A fresh MCP server for one session (or one stateless request), narrowed to the caller. */
  createServer: (caller: Caller) => Server;
  stateless: boolean;
  sessions: SessionRegistry;
}

interface Live {
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
  /** The endpoint the session was opened on (`/mcp` or `/mcp/{id}`): it lives there only. */
  endpoint: string;
  /** What the endpoint served when the session opened (see McpEndpoint.version). */
  version: string | undefined;
}

/** Which endpoint a request is for and how its sessions' servers are made (default: `/mcp`'s). */
export interface McpEndpoint {
  key: string;
  /**
   * Changes when what the endpoint serves does (a stored MCP's updated_at): a session opened on
   * another version is ended, and its client told to initialize again, so it never keeps
   * talking to a Plex whose URL or token was changed — on whichever replica made the change.
   */
  version?: string;
  createServer: (caller: Caller) => Server;
}

/**
 * Streamable HTTP at `/mcp` through the SDK's web-standard transport: stateful sessions (one MCP
 * server each, kept in the shared registry so quotas and expiry hold) or stateless requests.
 * `/mcp/{id}` goes through the same door with an endpoint of its own; a session opened on one
 * endpoint is unknown on every other.
 */
export function createMcpDoor(options: McpDoorOptions) {
  const live = new Map<string, Live>();
  const defaultEndpoint: McpEndpoint = { key: '/mcp', createServer: options.createServer };
  const shutdown = ({ transport, server }: Live) => {
    void transport.close().catch(() => undefined);
    void server.close().catch(() => undefined);
  };

  async function stateless(
    c: Context<FrontDoorEnv>,
    body: unknown,
    endpoint: McpEndpoint,
  ): Promise<Response> {
    if (c.req.method !== 'POST') {
      return rpcError(
        405,
        -32000,
        `Method not allowed: this server is stateless; POST to ${endpoint.key}.`,
        { allow: 'POST' },
      );
    }
    const server = endpoint.createServer(c.get('caller'));
    const transport = new WebStandardStreamableHTTPServerTransport({});
    await server.connect(transport);
    // One request, one pair: it ends once the answer is out or the client has gone.
    whenAnswered(c, () =>
      shutdown({ transport, server, endpoint: endpoint.key, version: endpoint.version }),
    );
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  }

  async function open(
    c: Context<FrontDoorEnv>,
    body: unknown,
    endpoint: McpEndpoint,
  ): Promise<Response> {
    const caller = c.get('caller');
    const server = endpoint.createServer(caller);
    const transport: WebStandardStreamableHTTPServerTransport =
      new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          const pair = { transport, server, endpoint: endpoint.key, version: endpoint.version };
          live.set(id, pair);
          options.sessions.admit({
            id,
            owner: caller.owner,
            close: () => {
              live.delete(id);
              shutdown(pair);
            },
          });
        },
      });
    server.onclose = () => {
      const id = transport.sessionId;
      if (id && live.get(id)?.transport === transport) {
        live.delete(id);
        options.sessions.forget(id);
      }
    };
    await server.connect(transport);
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  }

  return {
    /**
     * Ends a session if `caller` opened it on this endpoint (an MCP that no longer exists).
     * Another caller's session is left alone, whatever id they send.
     */
    end(c: Context<FrontDoorEnv>, sessionId: string, endpointKey: string): void {
      const owned = options.sessions.use(sessionId, c.get('caller').owner);
      if (owned && live.get(sessionId)?.endpoint === endpointKey) {
        options.sessions.close(sessionId);
      }
    },

    async handle(
      c: Context<FrontDoorEnv>,
      endpoint: McpEndpoint = defaultEndpoint,
    ): Promise<Response> {
      const body = c.req.method === 'POST' ? c.get('body') : undefined;
      if (body === NOT_JSON) return rpcError(400, -32700, 'Parse error: the body is not JSON.');
      // JSON-RPC 2.0 answers an empty batch with one Invalid Request error; the SDK would accept it.
      if (Array.isArray(body) && body.length === 0) {
        return rpcError(400, -32600, 'Invalid Request: the batch is empty.');
      }
      if (options.stateless) return stateless(c, body, endpoint);

      const sessionId = c.req.header('mcp-session-id');
      if (sessionId !== undefined) {
        // A session belongs to the key that opened it: another key cannot ride on it.
        const entry = options.sessions.use(sessionId, c.get('caller').owner);
        const found = entry && live.get(sessionId);
        const pair = found && found.endpoint === endpoint.key ? found : undefined;
        if (!pair) return rpcError(404, -32001, 'Session not found: initialize a new session.');
        if (pair.version !== endpoint.version) {
          options.sessions.close(sessionId);
          return rpcError(
            404,
            -32001,
            'Session not found: this MCP was changed since the session began; initialize a new session.',
          );
        }
        const response = await pair.transport.handleRequest(c.req.raw, { parsedBody: body });
        if (c.req.method === 'DELETE' && response.ok) options.sessions.close(sessionId);
        return response;
      }
      if (c.req.method === 'POST' && isInitializeRequest(body)) return open(c, body, endpoint);
      return rpcError(
        400,
        -32000,
        'Bad request: send initialize first, or the Mcp-Session-Id header.',
      );
    },
  };
}
