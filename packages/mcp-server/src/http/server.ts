import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlexClient } from '@plexmcp/plex-client';
import { type ListToolsOptions, type ToolConfig, visibleTools } from '@plexmcp/plex-tools';
import { type ApiKey, assertBindAllowed } from '../config/config.js';
import { createPlexMcpServer } from '../server/create-server.js';
import type { Logger } from '../server/logger.js';
import { sendError, sendJson, sendRpcError } from './body.js';
import { createMcpEndpoint } from './mcp.js';
import { createRateLimiter, type RateLimitOptions, rateLimitHeaders } from './rate-limit.js';
import { handleRest } from './rest.js';
import { type Caller, createAuthenticator, createHostCheck, scopeFilter } from './security.js';
import { createSseEndpoint } from './sse.js';

/** What the HTTP front door serves and how it is guarded. */
export interface HttpServerOptions {
  plex: PlexClient;
  tools?: ListToolsOptions;
  config?: ToolConfig;
  /** Mirrors tool failures to stderr, as in stdio mode. */
  logger?: Logger;
  /** Default 127.0.0.1; a non-loopback host needs API keys. */
  host?: string;
  /** Default 3001; 0 picks a free port. */
  port?: number;
  apiKeys?: readonly ApiKey[];
  /** Host/Origin names accepted besides the loopback names. */
  allowedHosts?: readonly string[];
  stateless?: boolean;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** Default 30 minutes. */
  sessionIdleMs?: number;
  /** Default 100; Streamable HTTP and legacy SSE sessions together. */
  maxSessions?: number;
  version?: string;
  /**
   * Per-caller token bucket over `/mcp`, `/sse`, `/messages/` and `/tools…`, keyed by API key
   * (or by remote address without keys). Default 20 requests per second with bursts of 40;
   * `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
}

/** A listening HTTP server. */
export interface PlexHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:3001`. */
  url: string;
  port: number;
  sessionCount(): number;
  /** Closes the sessions and frees the port. */
  close(): Promise<void>;
}

/**
 * Serves `/health`, REST `/tools…`, Streamable HTTP `/mcp` and legacy SSE (`/sse`,
 * `/messages/`) on `node:http`. Every route but
 * `/health` checks Host/Origin (403) and, when keys are configured, the API key (401); a key's
 * scopes narrow the tools it sees and may call.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<PlexHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const apiKeys = options.apiKeys ?? [];
  assertBindAllowed(host, apiKeys);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const authenticate = createAuthenticator(apiKeys);
  const checkHost = createHostCheck(options.allowedHosts ?? []);
  const tools = new Map(visibleTools(options.tools).map((tool) => [tool.name, tool]));
  const config = options.config ?? {};
  const maxSessions = options.maxSessions ?? 100;
  const rateLimit =
    options.rateLimit === false ? undefined : (options.rateLimit ?? { perSecond: 20, burst: 40 });
  const limiter = rateLimit ? createRateLimiter(rateLimit) : undefined;
  const sessionServer = (caller: Caller) =>
    createPlexMcpServer({
      plex: options.plex,
      config,
      allow: scopeFilter(caller),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.tools ? { tools: options.tools } : {}),
      ...(options.version ? { version: options.version } : {}),
    });
  const sse = createSseEndpoint({
    maxBodyBytes,
    createServer: sessionServer,
    canOpen: () => mcp.sessionCount() + sse.sessionCount() < maxSessions,
  });
  const mcp = createMcpEndpoint({
    stateless: options.stateless ?? false,
    maxBodyBytes,
    sessionIdleMs: options.sessionIdleMs ?? 30 * 60_000,
    maxSessions,
    otherSessions: sse.sessionCount,
    createServer: sessionServer,
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    const refused = checkHost(req);
    if (refused) {
      sendError(res, 403, 'FORBIDDEN', refused);
      return;
    }
    const caller = authenticate(req, url);
    if (caller === 'missing' || caller === 'invalid') {
      req.resume();
      sendError(
        res,
        401,
        'UNAUTHORIZED',
        caller === 'missing'
          ? 'An API key is required: send Authorization: Bearer <key>, X-API-KEY or ?apikey=.'
          : 'The API key is not valid.',
        null,
        { 'www-authenticate': 'Bearer' },
      );
      return;
    }
    const kind = routeKind(path);
    if (!kind) {
      req.resume();
      sendError(res, 404, 'NOT_FOUND', 'No such endpoint. Try /mcp, /sse, /tools or /health.');
      return;
    }
    if (limiter && rateLimit) {
      const decision = limiter(
        caller.keyIndex === undefined
          ? `address:${req.socket.remoteAddress ?? 'unknown'}`
          : `key:${caller.keyIndex}`,
      );
      const headers = rateLimitHeaders(decision);
      if (!decision.allowed) {
        req.resume();
        const message = `Too many requests: the limit is ${rateLimit.perSecond} per second (bursts of ${rateLimit.burst}). Retry in ${decision.retryAfterSeconds} s.`;
        if (kind === 'rest') {
          sendError(
            res,
            429,
            'RATE_LIMITED',
            message,
            {
              per_second: rateLimit.perSecond,
              burst: rateLimit.burst,
              retry_after_seconds: decision.retryAfterSeconds,
            },
            headers,
          );
        } else {
          sendRpcError(res, 429, -32000, message, headers);
        }
        return;
      }
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    if (path === '/mcp' || path === '/mcp/') {
      await mcp.handle(req, res, caller);
      return;
    }
    if (path === '/sse' || path === '/sse/') {
      await sse.open(req, res, caller, path);
      return;
    }
    if (path === '/messages' || path === '/messages/') {
      await sse.post(req, res, caller, url);
      return;
    }
    const allow = scopeFilter(caller);
    if (
      await handleRest(req, res, path, { plex: options.plex, config, tools, allow, maxBodyBytes })
    ) {
      return;
    }
    sendError(res, 404, 'NOT_FOUND', 'No such endpoint. Try /mcp, /sse, /tools or /health.');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendError(
          res,
          500,
          'INTERNAL',
          `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
        );
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3001, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    sessionCount: () => mcp.sessionCount() + sse.sessionCount(),
    async close() {
      await Promise.all([mcp.close(), sse.close()]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Which family a guarded path belongs to (for its error shape), or undefined when none. */
function routeKind(path: string): 'mcp' | 'rest' | undefined {
  if (/^\/(mcp|sse|messages)\/?$/.test(path)) return 'mcp';
  if (path === '/tools' || path.startsWith('/tools/')) return 'rest';
  return undefined;
}
