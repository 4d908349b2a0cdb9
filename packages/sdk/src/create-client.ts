import { checkedApiKey, checkedBaseUrl, checkedFetch, checkedTimeout } from './checks.js';
import type { PlexTools } from './generated/tools.js';
import { restTransport } from './rest-transport.js';
import { typedClient } from './typed-client.js';
import type { PlexMcpClient, ToolMap } from './types.js';

/** Where the server is and how to reach it. */
export interface PlexMcpClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:3001` (a path prefix behind a proxy is fine). */
  baseUrl: string | URL;
  /** An API key, when the server has keys configured. Sent as `Authorization: Bearer`. */
  apiKey?: string | undefined;
  /** A fetch to use instead of the global one (tests, proxies, custom agents). */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout. Default 30 000 ms. */
  timeoutMs?: number | undefined;
}

/** Default per-request timeout: long enough for a slow Plex, short enough to notice a hang. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A typed client for a plexmcp server over its REST endpoints. `T` defaults to the tools this
 * SDK version knows; pass the map `plexmcp-codegen` generated for a custom server instead.
 * Throws only for misuse (a bad URL or option); failed calls answer `{ error }`.
 */
export function createPlexMcpClient<T extends ToolMap<T> = PlexTools>(
  options: PlexMcpClientOptions,
): PlexMcpClient<T> {
  return typedClient<T>(
    restTransport({
      baseUrl: checkedBaseUrl(options.baseUrl),
      ...(options.apiKey !== undefined ? { apiKey: checkedApiKey(options.apiKey) } : {}),
      fetch: checkedFetch(options.fetch ?? globalThis.fetch),
      timeoutMs: checkedTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    }),
  );
}
