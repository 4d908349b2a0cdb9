// The /v1 sub-app of organizations, members, API keys and MCPs, ready to mount at `/v1`.

import type { KeyObject } from 'node:crypto';
import { Hono } from 'hono';
import type { ErrorLog } from '../http/errors.js';
import { mountRoutes } from '../http/mount.js';
import type { Route } from '../http/route.js';
import type { McpRuntime } from '../runtime/mcp-runtime.js';
import { cachedMcpTargets } from '../services/mcp-targets.js';
import type { Storage } from '../storage/storage.js';
import { apiKeyRoutes } from './api-keys.js';
import {
  authorizeWith,
  type Identify,
  identifyByKey,
  type ResolveCaller,
  resolveCaller,
  type StaticKey,
} from './authorize.js';
import type { V1Env } from './define.js';
import { invokeRoutes, ResourcesAnswerSchema, ToolSchema } from './invoke.js';
import { mcpRoutes } from './mcps.js';
import { organizationRoutes } from './organization.js';
import {
  ApiKeySchema,
  ChangedMemberSchema,
  CreatedApiKeySchema,
  CreateMcpBody,
  DeletedMcpSchema,
  McpSchema,
  MemberSchema,
  OrganizationSchema,
  RemovedMemberSchema,
  UpdateMcpBody,
} from './schemas.js';
import { type UsageFlush, UsagePointSchema, UsageSchema, usageRoutes } from './usage.js';

/** What the /v1 app is built from. */
export interface V1AppOptions {
  storage: Storage;
  /** Seals and opens MCP tokens and headers: the platform's `secretKey.key`. */
  secretKey: KeyObject;
  /** Keys from PLEX_MCP_API_KEYS, acting in their organization (which must exist). */
  staticKeys?: readonly StaticKey[];
  /** Replaces the key look-up entirely (e.g. to add a cache); default: static, then managed. */
  resolveCaller?: ResolveCaller;
  /**
   * Who the request is, when the server the app is mounted in has authenticated it already (one
   * check for every door); the key the request presents is then not looked up again.
   */
  identify?: Identify;
  /** Called after a revocation succeeded here (a key revoked, a member and their keys removed). */
  onRevoked?: () => void;
  /** Where causes of 500s go (stderr by default). */
  log?: ErrorLog;
  /** Runs the MCPs (the server): without it, invoke, tools and resources are not mounted. */
  runtime?: McpRuntime;
  /** The meter, written out before usage is answered so the answer includes the latest calls. */
  meter?: UsageFlush;
}

/** What the route table is built from. */
export interface V1RoutesOptions {
  storage: Storage;
  /** Seals and opens MCP tokens and headers. */
  secretKey: KeyObject;
  /** Runs the MCPs: `/mcps/{id}/tools`, `/mcp/invoke` and `/mcp/resources` need it. */
  runtime?: McpRuntime | undefined;
  /** The meter, flushed before usage is answered. */
  meter?: UsageFlush | undefined;
}

/** Every route of the organization, key and MCP tables, for mounting or documenting. */
export function v1Routes({ storage, secretKey, runtime, meter }: V1RoutesOptions): Route<V1Env>[] {
  // Invoke reuses loaded MCPs for a moment; a change made through these routes drops them.
  const targets = cachedMcpTargets(storage, secretKey);
  const changed = (mcpId: string) => {
    targets.forget();
    runtime?.forget(mcpId);
  };
  return [
    ...organizationRoutes(storage),
    ...apiKeyRoutes(storage),
    ...mcpRoutes(storage, secretKey, { runtime, changed }),
    ...(runtime ? invokeRoutes(runtime, targets) : []),
    ...usageRoutes(storage, meter),
  ];
}

/**
 * The Hono sub-app answering `/organization…`, `/api-keys…`, `/mcps…` and `/openapi.json`;
 * mount at `/v1`.
 */
export function createV1App(options: V1AppOptions): Hono<V1Env> {
  const app = new Hono<V1Env>();
  const identify =
    options.identify ??
    identifyByKey(options.resolveCaller ?? resolveCaller(options.storage, options.staticKeys));
  const onRevoked = options.onRevoked;
  if (onRevoked) {
    // A DELETE of this API revokes (a key, or a member with their keys) or removes an MCP
    // that confined keys may name, and a member's new role may narrow or revoke their keys;
    // dropping cached answers is right for each.
    app.use(async (c, next) => {
      await next();
      const changesKeys =
        c.req.method === 'DELETE' ||
        (c.req.method === 'PATCH' && c.req.path.includes('/organization/members/'));
      if (changesKeys && c.res.status === 200) onRevoked();
    });
  }
  mountRoutes(app, v1Routes(options), {
    authorize: authorizeWith(identify),
    ...(options.log ? { log: options.log } : {}),
    openapi: {
      title: 'PlexMCP platform API',
      version: '1',
      schemas: {
        Organization: OrganizationSchema,
        Member: MemberSchema,
        RemovedMember: RemovedMemberSchema,
        ChangedMember: ChangedMemberSchema,
        ApiKey: ApiKeySchema,
        CreatedApiKey: CreatedApiKeySchema,
        Mcp: McpSchema,
        DeletedMcp: DeletedMcpSchema,
        CreateMcpBody,
        UpdateMcpBody,
        Tool: ToolSchema,
        ResourcesAnswer: ResourcesAnswerSchema,
        Usage: UsageSchema,
        UsagePoint: UsagePointSchema,
      },
    },
  });
  return app;
}
