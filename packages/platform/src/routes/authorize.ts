// Who is calling /v1: the key from the request, turned into a Caller, and the route's scope
// checked before anything else of the request is read.

import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { PlatformError } from '../http/platform-error.js';
import type { Route } from '../http/route.js';
import { hashApiKey } from '../secrets/api-key.js';
import { type AuthFailure, authenticate } from '../services/authenticate.js';
import { type Caller, staticCaller } from '../services/caller.js';
import type { Scope } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import type { V1Env } from './define.js';

/** A key configured outside the database (PLEX_MCP_API_KEYS), acting in one organization. */
export interface StaticKey {
  secret: string;
  scopes: readonly Scope[];
  /** Usually the default organization, which must exist. */
  organizationId: string;
}

/** Finds the Caller for a presented key, or says why there is none. */
export type ResolveCaller = (secret: string) => Promise<Caller | AuthFailure>;

/** The key of a request: `Authorization: Bearer <key>`, else `X-API-KEY`. */
export function presentedKey(c: Context): string | undefined {
  const authorization = c.req.header('authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  return bearer || c.req.header('x-api-key')?.trim() || undefined;
}

/**
 * Static keys first (compared by hash in constant time, so the comparison reveals neither
 * length nor content), then managed keys from the database.
 */
export function resolveCaller(
  storage: Storage,
  staticKeys: readonly StaticKey[] = [],
): ResolveCaller {
  const hashed = staticKeys.map((key) => ({ ...key, hash: Buffer.from(hashApiKey(key.secret)) }));
  return async (secret) => {
    const hash = Buffer.from(hashApiKey(secret));
    const match = hashed.find((key) => timingSafeEqual(key.hash, hash));
    if (match) return staticCaller(match.organizationId, match.scopes);
    const result = await authenticate(storage, secret);
    return result.ok ? result.caller : result.reason;
  };
}

/**
 * Why a request has no caller: its key's failure, no key at all, or — on a server that is open
 * on loopback because no key exists yet — nothing to act as until an organization is created.
 */
export type Refusal = AuthFailure | 'missing' | 'no_keys';

/** Who a request is: the caller, or why there is none. */
export type Identify = (c: Context) => Caller | Refusal | Promise<Caller | Refusal>;

const REFUSALS: Record<Refusal, string> = {
  missing: 'Send an API key: Authorization: Bearer <key> (or X-API-KEY: <key>).',
  malformed: 'This is not a valid PlexMCP API key; check that it was copied whole.',
  unknown: 'This API key is not recognised.',
  revoked: 'This API key has been revoked.',
  expired: 'This API key has expired.',
  no_keys:
    'This server has no API keys yet. Create an organization and its first key with `plex-mcp-server admin init --org <name> --email <email>`, then send the key as Authorization: Bearer <key>.',
};

function unauthorized(reason: Refusal): PlatformError {
  return new PlatformError(
    'unauthorized',
    401,
    REFUSALS[reason],
    { reason },
    {
      'www-authenticate': 'Bearer realm="plexmcp"',
    },
  );
}

/** Identifies a request by the key it presents (the /v1 app on its own, outside a server). */
export function identifyByKey(resolve: ResolveCaller): Identify {
  return async (c) => {
    const secret = presentedKey(c);
    return secret === undefined ? 'missing' : resolve(secret);
  };
}

/** The `authorize` hook of mountRoutes: 401 without a valid key, 403 without the route's scope. */
export function authorizeWith(identify: Identify) {
  return async (c: Context<V1Env>, route: Route<V1Env>): Promise<void> => {
    const caller = await identify(c);
    if (typeof caller === 'string') throw unauthorized(caller);
    if (route.scope && !caller.scopes.includes(route.scope)) {
      throw new PlatformError('forbidden', 403, `This needs a key with the ${route.scope} scope.`, {
        required_scope: route.scope,
      });
    }
    c.set('platformCaller', caller);
  };
}
