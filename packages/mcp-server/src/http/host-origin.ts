import { isLoopbackHost } from '../config/config.js';

function hostnameOf(value: string): string | undefined {
  try {
    return new URL(`http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin.toLowerCase();
  } catch {
    return undefined;
  }
}

const CROSS_SITE =
  'This Origin is not allowed: only pages served by this server may call it. Add the origin with --allowed-origins (PLEX_MCP_ALLOWED_ORIGINS).';

/** What the Host/Origin check accepts besides loopback Hosts and same-origin pages. */
export interface HostOriginPolicy {
  /** Host names accepted besides the loopback names (DNS-rebinding protection). */
  allowedHosts: readonly string[];
  /** Origins (`https://console.example`) whose pages may call the server besides its own. */
  allowedOrigins: readonly string[];
}

/**
 * DNS-rebinding and cross-site protection. The Host header must name a loopback host or one of
 * `allowedHosts`. An Origin header, when sent, must be the server's own origin (the scheme and
 * the very Host the request was sent to) or one of `allowedOrigins`: a page on another local port
 * is another origin, and is refused like any other site. Answers a reason to refuse, or undefined.
 */
export function createHostOriginCheck(policy: HostOriginPolicy) {
  const hosts = new Set(
    policy.allowedHosts.map(hostnameOf).filter((host): host is string => host !== undefined),
  );
  const origins = new Set(
    policy.allowedOrigins.map(originOf).filter((origin): origin is string => origin !== undefined),
  );
  // Clients send the same few Host values again and again: remember the verdicts, a bounded few.
  const hostVerdicts = new Map<string, boolean>();
  const hostAllowed = (host: string) => {
    let allowed = hostVerdicts.get(host);
    if (allowed === undefined) {
      const hostname = hostnameOf(host);
      allowed = hostname !== undefined && (hosts.has(hostname) || isLoopbackHost(hostname));
      if (hostVerdicts.size >= 64) hostVerdicts.clear();
      hostVerdicts.set(host, allowed);
    }
    return allowed;
  };
  return (headers: Headers): string | undefined => {
    const host = headers.get('host');
    if (!host || !hostAllowed(host)) {
      return 'This Host is not allowed. Add it with --allowed-hosts (PLEX_MCP_ALLOWED_HOSTS).';
    }
    const origin = headers.get('origin');
    if (origin === null) {
      // A page's plain GET (an <img>, a no-cors fetch) carries no Origin, but browsers say where
      // it came from; programs send neither header.
      const site = headers.get('sec-fetch-site');
      return site === 'cross-site' || site === 'same-site' ? CROSS_SITE : undefined;
    }
    const normalized = originOf(origin);
    const own = host.toLowerCase();
    if (
      normalized !== undefined &&
      (normalized === `http://${own}` || normalized === `https://${own}` || origins.has(normalized))
    ) {
      return undefined;
    }
    return CROSS_SITE;
  };
}
