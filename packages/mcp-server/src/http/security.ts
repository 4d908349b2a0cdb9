import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AnyTool, ToolAccess } from '@plexmcp/plex-tools';
import { type ApiKey, isLoopbackHost } from '../config/config.js';

/** Who is calling: which configured key matched (none when no keys exist) and its scopes. */
export interface Caller {
  keyIndex: number | undefined;
  scopes: ReadonlySet<ToolAccess> | undefined;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The key a request presents: `Authorization: Bearer`, `X-API-KEY` or `?apikey=`. */
function presentedKey(req: IncomingMessage, url: URL): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1].trim();
  }
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  return url.searchParams.get('apikey') ?? undefined;
}

/**
 * Builds the key check. Keys are compared as SHA-256 digests with `timingSafeEqual`, against
 * every configured key without stopping early, so timing says nothing about any key.
 */
export function createAuthenticator(keys: readonly ApiKey[]) {
  const digests = keys.map((entry) => digest(entry.key));
  return (req: IncomingMessage, url: URL): Caller | 'missing' | 'invalid' => {
    if (keys.length === 0) return { keyIndex: undefined, scopes: undefined };
    const presented = presentedKey(req, url);
    if (presented === undefined) return 'missing';
    const candidate = digest(presented);
    let matched = -1;
    digests.forEach((known, index) => {
      if (timingSafeEqual(known, candidate) && matched === -1) matched = index;
    });
    const key = keys[matched];
    if (!key) return 'invalid';
    return { keyIndex: matched, scopes: key.scopes ? new Set(key.scopes) : undefined };
  };
}

/** The tool filter for a caller: a scoped key sees only tools whose access is in its scopes. */
export function scopeFilter(caller: Caller): (tool: AnyTool) => boolean {
  const scopes = caller.scopes;
  return scopes ? (tool) => scopes.has(tool.access) : () => true;
}

function hostnameOf(value: string): string | undefined {
  try {
    return new URL(`http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * DNS-rebinding protection: the Host header, and the Origin header when present, must name a
 * loopback host or one of `allowedHosts`. Answers a reason to refuse, or undefined.
 */
export function createHostCheck(allowedHosts: readonly string[]) {
  const allowed = new Set(
    allowedHosts.map(hostnameOf).filter((host): host is string => host !== undefined),
  );
  const ok = (hostname: string | undefined) =>
    hostname !== undefined && (allowed.has(hostname) || isLoopbackHost(hostname));
  return (req: IncomingMessage): string | undefined => {
    const host = req.headers.host;
    if (!host || !ok(hostnameOf(host))) {
      return 'This Host is not allowed. Add it with --allowed-hosts (PLEX_MCP_ALLOWED_HOSTS).';
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).hostname.toLowerCase();
      } catch {
        originHost = undefined;
      }
      if (!ok(originHost)) {
        return 'This Origin is not allowed. Add its host with --allowed-hosts (PLEX_MCP_ALLOWED_HOSTS).';
      }
    }
    return undefined;
  };
}
