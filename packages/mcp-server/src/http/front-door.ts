import type { PlexClient } from '@plexmcp/plex-client';
import { type ListToolsOptions, type ToolConfig, visibleTools } from '@plexmcp/plex-tools';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiKey } from '../config/config.js';
import { mountConsole } from '../console/mount.js';
import { createPlexMcpServer } from '../server/create-server.js';
import type { Logger } from '../server/logger.js';
import { type Caller, createAuthenticator, scopeFilter } from './auth.js';
import { databaseUnavailableGuard } from './database-unavailable.js';
import {
  authGuard,
  bodyLimitGuard,
  type FrontDoorEnv,
  hostOriginGuard,
  jsonOnlyGuard,
  jsonRpcBodyReader,
  rateLimitGuard,
} from './guards.js';
import { createHostOriginCheck } from './host-origin.js';
import type { Limits } from './limits.js';
import { createMcpDoor } from './mcp-door.js';
import { createMcpIdDoor } from './mcp-id-door.js';
import { meteringGuard } from './metering.js';
import { createMoviePilotDoor } from './moviepilot-door.js';
import type { ServerPlatform } from './platform.js';
import { PLATFORM_HINT } from './platform.js';
import { createPlatformRuntime } from './platform-runtime.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createReadiness } from './readiness.js';
import { createRemoteClients } from './remote-clients.js';
import { createRemoteRuntime } from './remote-runtime.js';
import { doorOf, refuse } from './replies.js';
import { mountRestDoors } from './rest-door.js';
import type { ServedTools } from './served-tools.js';
import { createSessionRegistry, endRevokedSessions } from './sessions.js';
import { createSseDoor } from './sse-door.js';
import { createToolCalls } from './tool-calls.js';

/** Everything the front door serves and how it is guarded. */
export interface FrontDoorOptions {
  plex: PlexClient;
  tools: ListToolsOptions | undefined;
  config: ToolConfig;
  logger: Logger;
  apiKeys: readonly ApiKey[];
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  stateless: boolean;
  rateLimit: RateLimitOptions | false;
  limits: Limits;
  version: string | undefined;
  /** Organizations, members and managed keys (`/v1`, and managed keys on every door). */
  platform: ServerPlatform | undefined;
  /** The server listens on loopback only: without any key it may then serve the local user. */
  loopbackOnly: boolean;
  /** The timeout of the Plex clients made for the platform's other Plex servers, and the bound
   * on each call to a remote MCP (connecting included). */
  plexTimeoutMs: number;
  /** Where the console's plex.tv sign-in goes; undefined for https://plex.tv. */
  plexTvUrl?: string | undefined;
  /** Whether the server is draining for shutdown (`/ready` then answers 503). */
  draining?: () => boolean;
}

/**
 * The HTTP front door as one Hono app. Read it top to bottom: `/health` and `/ready` answer
 * before any guard, and a database outage anywhere below is 503 rather than 500; then every
 * request passes the guards in this order — Host/Origin, body limit, API key (with failed
 * checks throttled), JSON-only POSTs, rate limit, JSON-RPC body (a batch pays for its further
 * messages) — and reaches its route. A path that exists answers 405 to other
 * methods; anything else is 404, in the error shape of the door the path belongs to.
 */
export function createFrontDoor(options: FrontDoorOptions) {
  const { limits, logger } = options;
  const sessions = createSessionRegistry({
    total: limits.sessions,
    perOwner: limits['sessions-per-key'],
    idleMs: limits['session-idle-seconds'] * 1000,
    lifetimeMs: limits['session-lifetime-seconds'] * 1000,
  });
  const runnerFor = createToolCalls(limits['calls-per-key']);
  const served: ServedTools = {
    plex: options.plex,
    config: options.config,
    tools: new Map(visibleTools(options.tools).map((tool) => [tool.name, tool])),
    options: options.tools,
    runnerFor,
  };
  const sessionServer = (caller: Caller) =>
    createPlexMcpServer({
      plex: options.plex,
      config: options.config,
      allow: scopeFilter(caller),
      logger,
      runTool: runnerFor(caller),
      ...(options.tools ? { tools: options.tools } : {}),
      ...(options.version ? { version: options.version } : {}),
    });
  const mcp = createMcpDoor({
    createServer: sessionServer,
    stateless: options.stateless,
    sessions,
  });
  const sse = createSseDoor({ createServer: sessionServer, sessions });
  // The platform's remote MCPs: one client each, shared by /v1 and /mcp/{id}.
  const remoteClients = createRemoteClients({
    timeoutMs: options.plexTimeoutMs,
    version: options.version ?? '0.1.0',
    logger,
  });
  const remoteRuntime = createRemoteRuntime(remoteClients, logger);
  const runtime = options.platform
    ? createPlatformRuntime({
        served,
        plex: { timeoutMs: options.plexTimeoutMs, maxConcurrentRequests: limits['plex-requests'] },
        remote: remoteRuntime,
      })
    : undefined;
  const moviePilot = createMoviePilotDoor({
    served,
    sessions,
    logger,
    version: options.version ?? '0.1.0',
  });

  const app = new Hono<FrontDoorEnv>({ strict: false });
  /** Other methods on a path that exists: 405 naming the allowed ones. */
  const allowOnly = (target: Hono<FrontDoorEnv>, path: string, methods: string) => {
    target.all(path, (c) =>
      refuse(doorOf(c.req.path), {
        status: 405,
        code: 'METHOD_NOT_ALLOWED',
        message: `Method not allowed: use ${methods} here.`,
        headers: { allow: methods },
      }),
    );
  };

  app.get('/health', (c) => c.json({ status: 'ok' }));
  // For balancers, like /health before any guard: they send neither keys nor our Host.
  const readiness = createReadiness({
    plex: options.plex,
    platform: options.platform,
    draining: options.draining ?? (() => false),
  });
  app.get('/ready', async (c) => {
    const { status, body } = await readiness();
    return c.json(body, status as 200 | 503);
  });

  app.use(databaseUnavailableGuard());

  // The web console (/ and /console/…): signs in with a key, then its own cookie sessions. It
  // applies the next two guards itself, letting links from other sites open its pages.
  mountConsole(app, {
    platform: options.platform,
    plex: options.plex,
    plexTimeoutMs: options.plexTimeoutMs,
    plexTvUrl: options.plexTvUrl,
    hostOrigin: createHostOriginCheck(options),
    bodyBytes: limits['body-bytes'],
  });
  app.use(hostOriginGuard(createHostOriginCheck(options)));
  app.use(bodyLimitGuard(limits['body-bytes']));
  const { platform } = options;
  const keyless = options.apiKeys.length === 0 && options.loopbackOnly;
  app.use(
    authGuard({
      authenticate: createAuthenticator(options.apiKeys, platform),
      // Open only while no key of any kind exists, and never beyond loopback.
      open: keyless && platform ? async () => !(await platform.hasIssuedKeys()) : () => keyless,
      // A burst of failures per address, then one more every six seconds.
      failures: createRateLimiter({ perSecond: 1 / 6, burst: limits['auth-failures'] }),
      logger,
    }),
  );
  // Right after the key check: every request with an organization is metered, refused or not.
  app.use(meteringGuard(platform));
  app.use(jsonOnlyGuard());
  if (options.rateLimit) {
    // With the platform, its callers spend their plan's budget; `--rate-limit off` turns both off.
    app.use(
      rateLimitGuard({
        limiter: createRateLimiter(options.rateLimit),
        options: options.rateLimit,
        plans: options.platform?.rateLimiter,
      }),
    );
  }
  app.use(jsonRpcBodyReader());

  app.on(['GET', 'POST', 'DELETE'], '/mcp', (c) => mcp.handle(c));
  allowOnly(app, '/mcp', 'GET, POST, DELETE');
  app.get('/sse', (c) => sse.open(c));
  allowOnly(app, '/sse', 'GET');
  app.post('/messages', (c) => sse.post(c));
  allowOnly(app, '/messages', 'POST');
  app.post('/api/v1/mcp', (c) => moviePilot.post(c));
  app.delete('/api/v1/mcp', (c) => moviePilot.delete(c));
  allowOnly(app, '/api/v1/mcp', 'POST, DELETE');
  mountRestDoors(app, served, logger, allowOnly);
  if (platform && runtime) {
    const mcpById = createMcpIdDoor({
      door: mcp,
      platform,
      runtime,
      remote: remoteRuntime,
      clients: remoteClients,
      served,
      logger,
      version: options.version,
    });
    app.on(['GET', 'POST', 'DELETE'], '/mcp/:mcp_id', (c) => mcpById.handle(c));
    allowOnly(app, '/mcp/:mcp_id', 'GET, POST, DELETE');
    app.route(
      '/v1',
      platform.createApp({
        // The guards above authenticated the request; /v1 acts as whoever they found.
        identify: (c) => {
          const caller = (c as unknown as Context<FrontDoorEnv>).get('caller');
          return caller.platform ?? (caller.keyed ? 'unknown' : 'no_keys');
        },
        onRevoked: () => {
          platform.forget();
          void endRevokedSessions(sessions, platform, logger);
        },
        runtime,
      }),
    );
  } else {
    app.all('/v1/*', () =>
      refuse('v1', {
        status: 404,
        code: 'NOT_FOUND',
        message: `The platform API (/v1: organizations, members, managed keys) is not installed on this server: ${PLATFORM_HINT}.`,
      }),
    );
  }

  app.notFound((c) =>
    refuse(doorOf(c.req.path), {
      status: 404,
      code: 'NOT_FOUND',
      message: `No such endpoint. Try /mcp, /sse, /tools, /api/v1/mcp${options.platform ? ', /v1' : ''} or /health.`,
    }),
  );
  app.onError((error, c) => {
    const door = doorOf(c.req.path);
    // The JSON validator's one refusal: a body that does not parse.
    if (error instanceof HTTPException && error.status === 400) {
      return refuse(door, {
        status: 400,
        code: 'INVALID_INPUT',
        message: 'The request body is not valid JSON.',
      });
    }
    logger.error(`${c.req.method} ${c.req.path} failed: ${error.message}`);
    return refuse(door, {
      status: 500,
      code: 'INTERNAL',
      message: 'Unexpected failure; the server log has the details.',
    });
  });

  return {
    app,
    sessionCount: () => sessions.size(),
    close: () => {
      sessions.closeAll();
      void remoteClients.closeAll();
    },
  };
}
