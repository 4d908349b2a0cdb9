import { createHash, timingSafeEqual } from 'node:crypto';
import type { AnyTool, ToolAccess } from '@plexmcp/plex-tools';
import type { ApiKey } from '../config/config.js';

/** Who is calling: which configured key matched (none when no keys exist) and its scopes. */
export interface Caller {
  keyIndex: number | undefined;
  scopes: ReadonlySet<ToolAccess> | undefined;
  /** Whose sessions, quotas and rate budget this is: `key:<n>`, or `local` without keys. */
  owner: string;
  /** The key came in the query (`?apikey=`), so URLs handed back to the client must carry it. */
  keyInQuery: string | undefined;
}

/** Every request's caller when no keys are configured (loopback only): the local user. */
export const LOCAL_CALLER: Caller = {
  keyIndex: undefined,
  scopes: undefined,
  owner: 'local',
  keyInQuery: undefined,
};

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

/** The outcome of checking a request's key. */
export type AuthOutcome = Caller | 'missing' | 'invalid';

/**
 * Builds the key check. Keys are compared as SHA-256 digests with `timingSafeEqual`, against
 * every configured key without stopping early, so timing says nothing about any key.
 */
export function createAuthenticator(keys: readonly ApiKey[]) {
  const digests = keys.map((entry) => digest(entry.key));
  return (headers: Headers, url: URL): AuthOutcome => {
    if (keys.length === 0) return LOCAL_CALLER;
    const presented = presentedKey(headers, url);
    if (presented === undefined) return 'missing';
    const candidate = digest(presented.key);
    let matched = -1;
    digests.forEach((known, index) => {
      if (timingSafeEqual(known, candidate) && matched === -1) matched = index;
    });
    const key = keys[matched];
    if (!key) return 'invalid';
    return {
      keyIndex: matched,
      scopes: key.scopes ? new Set(key.scopes) : undefined,
      owner: `key:${matched}`,
      keyInQuery: presented.inQuery ? presented.key : undefined,
    };
  };
}

/** The tool filter for a caller: a scoped key sees only tools whose access is in its scopes. */
export function scopeFilter(caller: Caller): (tool: AnyTool) => boolean {
  const scopes = caller.scopes;
  return scopes ? (tool) => scopes.has(tool.access) : () => true;
}
