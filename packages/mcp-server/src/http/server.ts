import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { PlexClient } from '@plexmcp/plex-client';
import type { ToolConfig } from '@plexmcp/plex-tools';
import { type ApiKey, assertBindAllowed, isLoopbackHost } from '../config/config.js';
import type { SessionToolOptions } from '../server/create-server.js';
import { type Logger, silentLogger } from '../server/logger.js';
import { createDrain } from './drain.js';
import { createFrontDoor } from './front-door.js';
import { type Limits, resolveLimits } from './limits.js';
import type { ServerPlatform } from './platform.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
import { capConnections, socketTimeouts } from './sockets.js';

/** What the HTTP front door serves and how it is guarded. */
export interface HttpServerOptions {
  plex: PlexClient;
  tools?: SessionToolOptions;
  /**
   * Tool settings. `localFiles` defaults to `'off'` here: a remote caller may not make the
   * server read its files unless the operator names an upload directory.
   */
  config?: ToolConfig;
  /** The operator's log: tool failures, refused keys. */
  logger?: Logger;
  /** Default 127.0.0.1; a non-loopback host needs API keys. */
  host?: string;
  /** Default 3001; 0 picks a free port. */
  port?: number;
  apiKeys?: readonly ApiKey[];
  /** Host names accepted besides the loopback names. */
  allowedHosts?: readonly string[];
  /** Origins whose pages may call the server besides its own. */
  allowedOrigins?: readonly string[];
  stateless?: boolean;
  version?: string;
  /**
   * Per-caller token bucket over every route but `/health`, keyed by API key (or by remote
   * address without keys). Default 20 requests per second with bursts of 40; `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Limits other than the defaults (see `LIMITS`). `plex-requests` belongs to the Plex client:
   * whoever creates `plex` sets it (`maxConcurrentRequests`), as the CLI does.
   */
  limits?: Partial<Limits>;
  /**
   * The platform (see `loadPlatform`): managed keys on every door and the `/v1` API. With it a
   * server may listen beyond loopback before any key exists: it refuses everything until one does.
   */
  platform?: ServerPlatform;
  /** The timeout of the Plex clients made for the platform's other Plex servers (default 10 s). */
  plexTimeoutMs?: number;
  /** Where the console's plex.tv sign-in goes (default https://plex.tv; the emulator's in tests and --demo). */
  plexTvUrl?: string;
}

/** A listening HTTP server. */
export interface PlexHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:3001`. */
  url: string;
  port: number;
  sessionCount(): number;
  /**
   * Stops accepting (the port is freed; requests on open sockets get 503), then waits up to
   * `boundMs` for the requests in flight; answers how many were still running. `close` next.
   */
  drain(boundMs: number): Promise<number>;
  /** Closes the sessions and every connection, and frees the port. */
  close(): Promise<void>;
}

/** Starts the front door on a Node HTTP server whose sockets are bounded in time and number. */
export async function startHttpServer(options: HttpServerOptions): Promise<PlexHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const apiKeys = options.apiKeys ?? [];
  // Only a database that outlives the process can receive keys after the start.
  assertBindAllowed(host, apiKeys, { platform: options.platform?.persistent === true });
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? silentLogger;
  const drain = createDrain();
  const door = createFrontDoor({
    plex: options.plex,
    tools: options.tools,
    config: { ...options.config, localFiles: options.config?.localFiles ?? 'off' },
    logger,
    apiKeys,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
    stateless: options.stateless ?? false,
    rateLimit: options.rateLimit === false ? false : (options.rateLimit ?? DEFAULT_RATE_LIMIT),
    limits,
    version: options.version,
    platform: options.platform,
    loopbackOnly: isLoopbackHost(host),
    plexTimeoutMs: options.plexTimeoutMs ?? 10_000,
    plexTvUrl: options.plexTvUrl,
    draining: drain.draining,
  });
  const listener = getRequestListener(door.app.fetch, {
    errorHandler: (error) => {
      logger.error(`HTTP request failed: ${error instanceof Error ? error.message : error}`);
    },
  });
  const server = createServer(socketTimeouts(limits), drain.wrap(listener));
  capConnections(server, limits);
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const wantedPort = options.port ?? 3001;
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenError(error, wantedPort));
    server.once('error', failed);
    server.listen(wantedPort, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    sessionCount: door.sessionCount,
    drain: (boundMs) => drain.drain(server, boundMs),
    async close() {
      door.close();
      // After a drain the server no longer listens; either way 'close' comes once the
      // connections are gone.
      if (server.listening) server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * A taken port is the usual first failure (a second `pnpm demo`): say so in words, keeping the
 * `EADDRINUSE` code for callers that branch on it.
 */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code !== 'EADDRINUSE') return error;
  return Object.assign(
    new Error(`Port ${port} is already in use (another plex-mcp-server, or another program)`, {
      cause: error,
    }),
    { code: 'EADDRINUSE' },
  );
}
