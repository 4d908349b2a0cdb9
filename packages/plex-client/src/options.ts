import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { ConcurrencyLimit } from './http/concurrency.js';
import { type SplitUrl, splitCredentials } from './http/credentials.js';
import { redactUrl } from './http/redact.js';
import type { RetryPolicy, TransportOptions } from './http/transport.js';

/** Options for `createPlexClient`. */
export interface PlexClientOptions {
  /**
   * The server's base URL, e.g. `http://192.168.1.10:32400`. A URL with credentials
   * (`https://user:pass@plex.example.com`, for a reverse proxy with HTTP Basic auth in front of
   * Plex) has them taken out: they are sent only as an `Authorization: Basic` header on requests
   * to that URL, and never appear in a URL the client prints, throws or hands out.
   */
  baseUrl?: string;
  /**
   * Several base URLs in order of preference (local, remote, relay); the client fails over.
   * Credentials in any of them are handled as for `baseUrl`, each sent only to its own URL.
   */
  baseUrls?: readonly string[];
  /** An X-Plex-Token for the server (and plex.tv, for plex.tv calls). */
  token: string;
  /** Stable id of this client install; defaults to one derived from the host name and product. */
  clientIdentifier?: string;
  /** Default `plexmcp`. */
  product?: string;
  /** Default `0.1.0`. */
  version?: string;
  /** Default the host name. */
  deviceName?: string;
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number;
  /** Retries for idempotent requests; `false` turns them off. Default 2 retries from 300 ms. */
  retry?: Partial<RetryPolicy> | false;
  /** plex.tv base URL. Default `https://plex.tv`. */
  plexTvUrl?: string;
  /**
   * A fetch to send every request through (tests, proxies). Without one, requests without a body
   * go over node:http(s) (half the CPU of Node 20's fetch) and the rest over the global fetch.
   */
  fetch?: typeof fetch;
  /**
   * Most requests this client, and every client derived from it (`withToken`), has at Plex at
   * once; more wait in line, first come first served. A whole number ≥ 1. Default 16.
   * Notification streams are not counted: they stay open for as long as they are read.
   */
  maxConcurrentRequests?: number;
}

const DEFAULT_RETRY: RetryPolicy = { limit: 2, baseDelayMs: 300, maxDelayMs: 3000 };

/** Enough for a tool that fans out over a library's sections, few enough for a NAS to keep up. */
const DEFAULT_MAX_CONCURRENT_REQUESTS = 16;

/** Options for `createPlexSignIn`: who is asking, and where plex.tv is. No token: getting one is the point. */
export type PlexSignInOptions = Omit<PlexClientOptions, 'baseUrl' | 'baseUrls' | 'token'>;

/** Checks options and fills defaults; throws a TypeError naming the bad option. */
export function resolveOptions(options: PlexClientOptions): TransportOptions {
  const configured = options.baseUrls ?? (options.baseUrl === undefined ? [] : [options.baseUrl]);
  if (configured.length === 0) {
    throw new TypeError(
      'createPlexClient needs baseUrl (or baseUrls), e.g. http://127.0.0.1:32400',
    );
  }
  const servers = configured.map(checkedUrl);
  if (typeof options.token !== 'string' || options.token.trim() === '') {
    throw new TypeError(
      'createPlexClient needs a token: the X-Plex-Token of a Plex account (createPlexSignIn gets one)',
    );
  }
  // A token read from a file or a secret often ends in a newline, which fetch trimmed silently
  // and node:http refuses: trim it here, once, for both paths.
  const token = options.token.trim();
  if (/[\r\n]/.test(token)) {
    throw new TypeError('The token must be one line: it has a line break inside.');
  }
  const shared = sharedOptions(options);
  return {
    ...shared,
    baseUrls: servers.map((server) => server.url),
    token,
    authorizations: new Map([...shared.authorizations, ...authorizationsOf(servers)]),
    credentialSecrets: [...shared.credentialSecrets, ...servers.flatMap((one) => one.secrets)],
  };
}

/** Timers hold at most 2^31 − 1 ms; a longer timeout would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Options for the token-less plex.tv transport behind `createPlexSignIn`. */
export function resolveSignInOptions(options: PlexSignInOptions): TransportOptions {
  const shared = sharedOptions(options);
  return { ...shared, baseUrls: [shared.plexTvUrl], token: undefined };
}

function sharedOptions(options: PlexSignInOptions): Omit<TransportOptions, 'baseUrls' | 'token'> {
  const plexTv = checkedUrl(options.plexTvUrl ?? 'https://plex.tv');
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new TypeError(
      `timeoutMs must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS} (about 24 days); got ${timeoutMs}`,
    );
  }
  const product = options.product ?? 'plexmcp';
  const deviceName = options.deviceName ?? hostname();
  const maxConcurrentRequests = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (!Number.isInteger(maxConcurrentRequests) || maxConcurrentRequests < 1) {
    throw new TypeError(
      `maxConcurrentRequests must be a whole number of at least 1; got ${maxConcurrentRequests}`,
    );
  }
  return {
    plexTvUrl: plexTv.url,
    authorizations: authorizationsOf([plexTv]),
    credentialSecrets: plexTv.secrets,
    limit: new ConcurrencyLimit(maxConcurrentRequests),
    identityHeaders: {
      'X-Plex-Client-Identifier':
        options.clientIdentifier ?? defaultClientIdentifier(deviceName, product),
      'X-Plex-Product': product,
      'X-Plex-Version': options.version ?? '0.1.0',
      'X-Plex-Platform': 'Node.js',
      'X-Plex-Platform-Version': process.versions.node,
      'X-Plex-Device': 'Node.js',
      'X-Plex-Device-Name': deviceName,
      'X-Plex-Provides': 'controller',
    },
    timeoutMs,
    retry:
      options.retry === false
        ? { ...DEFAULT_RETRY, limit: 0 }
        : { ...DEFAULT_RETRY, ...options.retry },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

/** Same machine and product → same identifier, so Plex lists this client once, not per run. */
function defaultClientIdentifier(device: string, product: string): string {
  return createHash('sha256').update(`${device}\u0000${product}`).digest('hex').slice(0, 24);
}

/** An http(s) URL split from its credentials; the messages about a bad one never quote them. */
function checkedUrl(url: string): SplitUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `"${redactUrl(url)}" is not a valid URL; expected e.g. http://127.0.0.1:32400`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`"${redactUrl(parsed)}" must use http or https`);
  }
  return splitCredentials(url);
}

/** The Authorization header for each URL that carried credentials. */
function authorizationsOf(urls: readonly SplitUrl[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { url, authorization } of urls) {
    if (authorization !== undefined) headers.set(url, authorization);
  }
  return headers;
}
