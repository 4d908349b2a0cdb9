import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlexClient } from '@plexmcp/plex-client';
import { type ListToolsOptions, type ToolConfig, visibleTools } from '@plexmcp/plex-tools';
import { type ApiKey, assertBindAllowed } from '../config/config.js';
import { createPlexMcpServer } from '../server/create-server.js';
import { sendError, sendJson } from './body.js';
import { createMcpEndpoint } from './mcp.js';
import { handleRest } from './rest.js';
import { createAuthenticator, createHostCheck, scopeFilter } from './security.js';

/** What the HTTP front door serves and how it is guarded. */
export interface HttpServerOptions {
  plex: PlexClient;
  tools?: ListToolsOptions;
  config?: ToolConfig;
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
  /** Default 100. */
  maxSessions?: number;
  version?: string;
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
 * Serves `/health`, REST `/tools…` and Streamable HTTP `/mcp` on `node:http`. Every route but
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
  const mcp = createMcpEndpoint({
    stateless: options.stateless ?? false,
    maxBodyBytes,
    sessionIdleMs: options.sessionIdleMs ?? 30 * 60_000,
    maxSessions: options.maxSessions ?? 100,
    createServer: (caller) =>
      createPlexMcpServer({
        plex: options.plex,
        config,
        allow: scopeFilter(caller),
        ...(options.tools ? { tools: options.tools } : {}),
        ...(options.version ? { version: options.version } : {}),
      }),
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
    if (path === '/mcp' || path === '/mcp/') {
      await mcp.handle(req, res, caller);
      return;
    }
    const allow = scopeFilter(caller);
    if (
      await handleRest(req, res, path, { plex: options.plex, config, tools, allow, maxBodyBytes })
    ) {
      return;
    }
    sendError(res, 404, 'NOT_FOUND', 'No such endpoint. Try /mcp, /tools or /health.');
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
    sessionCount: mcp.sessionCount,
    async close() {
      await mcp.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
