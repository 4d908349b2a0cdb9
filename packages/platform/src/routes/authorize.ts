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

const REFUSALS: Record<AuthFailure | 'missing', string> = {
  missing: 'Send an API key: Authorization: Bearer <key> (or X-API-KEY: <key>).',
  malformed: 'This is not a valid PlexMCP API key; check that it was copied whole.',
  unknown: 'This API key is not recognised.',
  revoked: 'This API key has been revoked.',
  expired: 'This API key has expired.',
};

function unauthorized(reason: AuthFailure | 'missing'): PlatformError {
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

/** The `authorize` hook of mountRoutes: 401 without a valid key, 403 without the route's scope. */
export function authorizeWith(resolve: ResolveCaller) {
  return async (c: Context<V1Env>, route: Route<V1Env>): Promise<void> => {
    const secret = presentedKey(c);
    if (secret === undefined) throw unauthorized('missing');
    const caller = await resolve(secret);
    if (typeof caller === 'string') throw unauthorized(caller);
    if (route.scope && !caller.scopes.includes(route.scope)) {
      throw new PlatformError('forbidden', 403, `This needs a key with the ${route.scope} scope.`, {
        required_scope: route.scope,
      });
    }
    c.set('caller', caller);
  };
}
