import { requireAccount } from '../../http/context.js';
import { json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { clientIdentifierOf, missingClientIdentifier } from './errors.js';
import { inHome, isoSeconds, serverCreatedAt } from './people.js';

/**
 * The emulated server's public side. Addresses come from the documentation range (RFC 5737), so
 * the remote and relay connections look like plex.tv's but never answer: only the local one,
 * which is the emulator itself, is reachable.
 */
const PUBLIC_ADDRESS = '203.0.113.10';
const RELAY_ADDRESS = '203.0.113.200';
const RELAY_PORT = 8443;
const REMOTE_PORT = 32400;

/** One entry of a resource's `connections`. */
interface Connection {
  protocol: string;
  address: string;
  port: number;
  uri: string;
  local: boolean;
  relay: boolean;
  IPv6: boolean;
}

function plexDirect(address: string, machineIdentifier: string, port: number): string {
  return `https://${address.replace(/\./g, '-')}.${machineIdentifier}.plex.direct:${port}`;
}

/** The emulator's own origin, the one connection a client can really use. */
function localConnection(url: URL): Connection {
  const protocol = url.protocol.replace(/:$/, '');
  const address = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  return {
    protocol,
    address,
    port,
    uri: url.origin,
    local: true,
    relay: false,
    IPv6: address.includes(':'),
  };
}

function connections(url: URL, machineIdentifier: string, query: URLSearchParams): Connection[] {
  const https = query.get('includeHttps') === '1';
  const list = [localConnection(url)];
  // Without includeHttps plex.tv lists plain-http addresses instead of plex.direct names.
  list.push({
    protocol: https ? 'https' : 'http',
    address: PUBLIC_ADDRESS,
    port: REMOTE_PORT,
    uri: https
      ? plexDirect(PUBLIC_ADDRESS, machineIdentifier, REMOTE_PORT)
      : `http://${PUBLIC_ADDRESS}:${REMOTE_PORT}`,
    local: false,
    relay: false,
    IPv6: false,
  });
  if (query.get('includeRelay') === '1') {
    list.push({
      protocol: 'https',
      address: RELAY_ADDRESS,
      port: RELAY_PORT,
      uri: plexDirect(RELAY_ADDRESS, machineIdentifier, RELAY_PORT),
      local: false,
      relay: true,
      IPv6: false,
    });
  }
  // includeIPv6 only adds IPv6 addresses; the emulator has none besides, possibly, its own.
  return list;
}

/**
 * `GET /api/v2/resources`: the devices the caller can reach. The emulated server is the only
 * one; each account sees its own `accessToken` (its server token), the owner with `owned`.
 */
export const resourceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v2/resources',
    handler: (ctx) => {
      if (!clientIdentifierOf(ctx)) return missingClientIdentifier();
      const account = requireAccount(ctx);
      const { server, owner } = ctx.state;
      const owned = account.kind === 'owner';
      const now = ctx.services.nowSeconds();
      return json([
        {
          name: server.friendlyName,
          product: 'Plex Media Server',
          productVersion: server.version,
          platform: server.platform,
          platformVersion: server.platformVersion,
          device: 'PC',
          clientIdentifier: server.machineIdentifier,
          createdAt: isoSeconds(serverCreatedAt(ctx.state, now)),
          lastSeenAt: isoSeconds(now),
          provides: 'server',
          ownerId: owned ? null : owner.plexId,
          sourceTitle: owned ? null : owner.username,
          publicAddress: PUBLIC_ADDRESS,
          accessToken: account.serverToken,
          owned,
          home: account.kind === 'home',
          synced: false,
          relay: true,
          presence: true,
          httpsRequired: false,
          // Home members sit on the server's network; friends reach it from elsewhere.
          publicAddressMatches: inHome(account),
          dnsRebindingProtection: false,
          natLoopbackSupported: false,
          connections: connections(ctx.url, server.machineIdentifier, ctx.query),
        },
      ]);
    },
  },
];
