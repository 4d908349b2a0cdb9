// The platform as a server hosts it: opened at start, asked who each request's key is, mounted
// at /v1, closed at shutdown. The MCP server reaches everything it needs through this one object.

import type { Hono } from 'hono';
import { sql } from 'kysely';
import { type ErrorLog, STDERR_LOG } from '../http/errors.js';
import { PlatformError } from '../http/platform-error.js';
import { watchPlan } from '../limits/organization-plan.js';
import { createPlanLimiter, type PlanLimiter } from '../limits/plan-limiter.js';
import { openPlatform } from '../open-platform.js';
import { createV1App } from '../routes/app.js';
import type { Identify } from '../routes/authorize.js';
import type { V1Env } from '../routes/define.js';
import type { McpRuntime, McpTarget } from '../runtime/mcp-runtime.js';
import { type AuthFailure, authenticate, isApiKeyActive } from '../services/authenticate.js';
import { type BuiltinMcpOptions, ensureBuiltinMcp } from '../services/builtin-mcp.js';
import { type Caller, staticCaller } from '../services/caller.js';
import {
  ensureDefaultOrganization,
  defaultOrganization as findDefaultOrganization,
  hasIssuedApiKeys,
} from '../services/default-organization.js';
import { loadMcpTarget } from '../services/mcps.js';
import { type DatabaseChoice, storageOptionsFor } from '../storage/config.js';
import type { OpenStorageOptions } from '../storage/open.js';
import { redactDatabaseUrl } from '../storage/redact.js';
import type { Scope } from '../storage/scopes.js';
import { BUILTIN_MCP, createMeter, type MeterOptions, type UsageEvent } from '../usage/meter.js';
import { meteredRuntime } from '../usage/metered-runtime.js';
import { CALLER_CACHE_MS, cachedResolver } from './caller-cache.js';

/** How the server opens the platform. */
export interface PlatformHostOptions extends DatabaseChoice {
  /**
   * The process environment: PLEXMCP_DATABASE_URL, PLEXMCP_DATA_DIR, PLEXMCP_SECRET_KEY, and
   * PLEXMCP_METERING=off (a benchmarking switch: nothing is counted, see `meteringOff`).
   */
  env: NodeJS.ProcessEnv;
  /** The server has static keys (PLEX_MCP_API_KEYS): they act in the default organization. */
  staticKeys: boolean;
  /** Where causes of 500s on /v1 go. */
  log?: ErrorLog;
  /** How the server's own Plex is first listed as the builtin MCP (its access and toolsets). */
  builtinMcp?: Pick<BuiltinMcpOptions, 'access' | 'toolsets'>;
  /** How usage is batched (flush interval, cap on distinct rows); errors go to `log`. */
  usage?: Omit<MeterOptions, 'log'>;
}

/** An open platform, as the server uses it. */
export interface PlatformHost {
  /** Where the data lives, for the start-up log (a URL's password is never shown). */
  readonly location: string;
  /** The data outlives the process (false for an in-memory database). */
  readonly persistent: boolean;
  /** The organization static keys act in (created at start when there are static keys). */
  readonly defaultOrganizationId: string | undefined;
  /** The caller for a managed key, or why it is refused (answers reused for up to a second). */
  authenticate(secret: string): Promise<Caller | AuthFailure>;
  /** The caller a static key with these scopes acts as; undefined without static keys. */
  staticCaller(scopes: readonly Scope[]): Caller | undefined;
  /** Whether a managed key was ever issued (reused for up to a second): then keys are required. */
  hasIssuedKeys(): Promise<boolean>;
  /**
   * Each key's requests per second under its organization's plan (`caller.plan`), shared by the
   * replicas on PostgreSQL. Keyed by whatever names the key: the server uses its caller's owner.
   */
  readonly rateLimiter: PlanLimiter;
  /** Whether this managed key still authenticates (asked fresh: sessions are ended on it). */
  isKeyActive(keyId: string): Promise<boolean>;
  /** Resolves once the database answers a trivial query (never a cache): for `/ready`. */
  ping(): Promise<void>;
  /** The /v1 app, identifying requests the way the server already did. */
  createApp(options: {
    identify: Identify;
    onRevoked?: () => void;
    /** Runs the MCPs: invoke, tools and resources are served with it. */
    runtime?: McpRuntime;
  }): Hono<V1Env>;
  /**
   * MCP `id` as the caller may reach it, secret opened, for a door serving it (`/mcp/{id}`);
   * undefined when the caller may not (another organization's, outside the key's mcp_ids, none).
   */
  loadMcp(caller: Caller, id: string): Promise<McpTarget | undefined>;
  /** Drops reused answers, after a revocation in this process. */
  forget(): void;
  /**
   * Counts a request or tool call (in memory; written in batches every few seconds). Tool calls
   * through invoke are counted by the app itself; the server counts every other door.
   */
  recordUsage(event: UsageEvent): void;
  /** The `mcpId` that means "the organization's builtin MCP" (the server's own tools). */
  readonly builtinMcpMarker: string;
  /** Writes the counted usage now (tests; `/v1/usage` does it before answering). */
  flushUsage(): Promise<void>;
  /** Writes the counted usage, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrated) and the secret key, makes sure static keys have an organization
 * to act in, and answers the server's questions about keys from there on.
 */
export async function startPlatformHost(options: PlatformHostOptions): Promise<PlatformHost> {
  const storageOptions = storageOptionsFor(options);
  const platform = await openPlatform({ env: options.env, storage: storageOptions });
  const { storage } = platform;
  try {
    // Configured keys need an organization to act in; otherwise there is one once `admin init`
    // has run. Either way the server's own Plex is its builtin MCP (made if missing).
    const defaultOrganization = options.staticKeys
      ? await ensureDefaultOrganization(storage)
      : await findDefaultOrganization(storage);
    if (defaultOrganization) {
      await ensureBuiltinMcp(storage, defaultOrganization.id, options.builtinMcp ?? {});
    }
    const managed = cachedResolver(async (secret) => {
      const result = await authenticate(storage, secret);
      return result.ok ? result.caller : result.reason;
    });
    let keysKnown: { answer: boolean; until: number } | undefined;
    // Static keys' callers are made per request without a look-up: their plan is watched.
    const defaultPlan =
      defaultOrganization &&
      watchPlan(storage, defaultOrganization.id, defaultOrganization.plan, CALLER_CACHE_MS);
    const rateLimiter = createPlanLimiter(storage);
    const meter = createMeter(storage, {
      ...options.usage,
      ...(options.log ? { log: options.log } : {}),
    });
    const metering = !meteringOff(options.env);
    // Said at every start: usage that is silently not counted would look like no usage at all.
    if (!metering) {
      (options.log ?? STDERR_LOG).error(
        'usage: PLEXMCP_METERING=off — no request or tool call is counted (a benchmarking switch)',
      );
    }
    const record = metering ? meter.record : () => {};
    return {
      location: describe(storageOptions),
      persistent: !isMemory(storageOptions),
      defaultOrganizationId: defaultOrganization?.id,
      authenticate: managed.resolve,
      staticCaller: (scopes) =>
        defaultOrganization && defaultPlan
          ? staticCaller(defaultOrganization.id, scopes, defaultPlan.current())
          : undefined,
      rateLimiter,
      async hasIssuedKeys() {
        const at = Date.now();
        if (keysKnown && keysKnown.until > at) return keysKnown.answer;
        const answer = await hasIssuedApiKeys(storage);
        keysKnown = { answer, until: at + CALLER_CACHE_MS };
        return answer;
      },
      isKeyActive: (keyId) => isApiKeyActive(storage, keyId),
      async ping() {
        await sql`select 1`.execute(storage.db);
      },
      createApp: ({ identify, onRevoked, runtime }) =>
        createV1App({
          storage,
          secretKey: platform.secretKey.key,
          identify,
          meter,
          ...(runtime ? { runtime: metering ? meteredRuntime(runtime, record) : runtime } : {}),
          ...(onRevoked ? { onRevoked } : {}),
          ...(options.log ? { log: options.log } : {}),
        }),
      async loadMcp(caller, id) {
        try {
          return await loadMcpTarget(storage, platform.secretKey.key, caller, id);
        } catch (error) {
          // Not found is an answer; anything else (storage, a secret that does not open) is not.
          if (error instanceof PlatformError && error.status === 404) return undefined;
          throw error;
        }
      },
      forget() {
        managed.forget();
        keysKnown = undefined;
      },
      recordUsage: record,
      builtinMcpMarker: BUILTIN_MCP,
      flushUsage: meter.flush,
      async close() {
        rateLimiter.close();
        try {
          await meter.close();
        } catch (error) {
          // The database is going away; say what could not be kept rather than hide it.
          (options.log ?? STDERR_LOG).error(
            `usage: the last counts could not be written at shutdown: ${(error as Error).message}`,
          );
        } finally {
          await platform.close();
        }
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}

/**
 * PLEXMCP_METERING=off: the host counts nothing (recordUsage does nothing, invoke is not wrapped),
 * so a benchmark can measure what metering costs. Not for production: usage and its history stay
 * empty. Any other value, or none, meters.
 */
export function meteringOff(env: NodeJS.ProcessEnv): boolean {
  return env.PLEXMCP_METERING?.trim().toLowerCase() === 'off';
}

function isMemory(options: OpenStorageOptions): boolean {
  return 'memory' in options || ('url' in options && options.url === 'sqlite::memory:');
}

function describe(options: OpenStorageOptions): string {
  if (isMemory(options)) return 'an in-memory database (nothing is kept after exit)';
  if ('file' in options) return `SQLite at ${options.file}`;
  return 'url' in options ? redactDatabaseUrl(options.url) : 'SQLite';
}
