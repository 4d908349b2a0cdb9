import { createHash, timingSafeEqual } from 'node:crypto';
import type { Caller as PlatformCaller } from '@plexmcp/platform';
import type { AnyTool } from '@plexmcp/plex-tools';
import type { ApiKey, KeyScope } from '../config/config.js';
import type { ServerPlatform } from './platform.js';

/** Who is calling: whose key, what it may do, and who it is on the platform. */
export interface Caller {
  /**
   * Whose sessions, quotas and rate budget this is: `key:<n>` for the n-th configured key,
   * `key:<key_id>` for a managed key, `local` on a server without keys.
   */
  owner: string;
  /** A key authenticated the request (false: the local user of a server without keys). */
  keyed: boolean;
  /** What the key may do (undefined: everything the server offers). */
  scopes: ReadonlySet<KeyScope> | undefined;
  /** The key came in the query (`?apikey=`), so URLs handed back to the client must carry it. */
  keyInQuery: string | undefined;
  /** The caller's organization, member and key on the platform, when it is loaded. */
  platform: PlatformCaller | undefined;
}

/** Every request's caller when no keys exist (loopback only): the local user. */
export const LOCAL_CALLER: Caller = {
  owner: 'local',
  keyed: false,
  scopes: undefined,
  keyInQuery: undefined,
  platform: undefined,
};

/** Why a request has no caller: no key, or why its key was refused. */
export type AuthRefusal = 'missing' | 'invalid' | 'revoked' | 'expired';

/** The outcome of checking a request's key. */
export type AuthOutcome = Caller | AuthRefusal;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The key a request presents: `Authorization: Bearer`, `X-API-KEY` or `?apikey=`. */
function presentedKey(headers: Headers, url: URL): { key: string; inQuery: boolean } | undefined {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return { key: match[1].trim(), inQuery: false };
  }
  const header = headers.get('x-api-key');
  if (header) return { key: header.trim(), inQuery: false };
  const query = url.searchParams.get('apikey');
  return query ? { key: query, inQuery: true } : undefined;
}

/** The tool scopes a configured key acts with on the platform when its entry names none. */
const TOOL_SCOPES: readonly KeyScope[] = ['read', 'write', 'delete'];

/**
 * Builds the key check, one for every door. Configured keys are compared as SHA-256 digests
 * with `timingSafeEqual`, against every key without stopping early, so timing says nothing about
 * any of them; a key that is none of them is asked of the platform (managed keys), when loaded.
 */
export function createAuthenticator(keys: readonly ApiKey[], platform?: ServerPlatform) {
  const digests = keys.map((entry) => digest(entry.key));
  return async (headers: Headers, url: URL): Promise<AuthOutcome> => {
    const presented = presentedKey(headers, url);
    if (presented === undefined) return 'missing';
    const keyInQuery = presented.inQuery ? presented.key : undefined;
    const candidate = digest(presented.key);
    let matched = -1;
    digests.forEach((known, index) => {
      if (timingSafeEqual(known, candidate) && matched === -1) matched = index;
    });
    const key = keys[matched];
    if (key) {
      return {
        owner: `key:${matched}`,
        keyed: true,
        scopes: key.scopes ? new Set(key.scopes) : undefined,
        keyInQuery,
        platform: platform?.staticCaller(key.scopes ?? TOOL_SCOPES),
      };
    }
    if (!platform) return 'invalid';
    const managed = await platform.authenticate(presented.key);
    if (typeof managed === 'string') {
      return managed === 'revoked' || managed === 'expired' ? managed : 'invalid';
    }
    return {
      owner: `key:${managed.keyId}`,
      keyed: true,
      scopes: new Set(managed.scopes),
      keyInQuery,
      platform: managed,
    };
  };
}

/** The tool filter for a caller: a scoped key sees only tools whose access is in its scopes. */
export function scopeFilter(caller: Caller): (tool: AnyTool) => boolean {
  const scopes = caller.scopes;
  return scopes ? (tool) => scopes.has(tool.access) : () => true;
}
