import { checkedApiKey, checkedTimeout } from '../checks.js';
import type { PlexTools } from '../generated/tools.js';
import { networkReason } from '../network-reason.js';
import { typedClient } from '../typed-client.js';
import type { PlexMcpClient, ToolMap } from '../types.js';
import { loadMcpSdk } from './load-sdk.js';
import { mcpTransport } from './mcp-transport.js';

/** Where the server's MCP endpoint is and how to reach it. */
export interface PlexMcpSessionOptions {
  /** The Streamable HTTP endpoint, e.g. `http://127.0.0.1:3001/mcp`. */
  url: string | URL;
  /** An API key, when the server has keys configured. Sent as `Authorization: Bearer`. */
  apiKey?: string | undefined;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout; progress from the tool restarts it. Default 60 000 ms. */
  timeoutMs?: number | undefined;
  /** How this client names itself to the server. */
  clientInfo?: { name: string; version: string };
}

/** A typed client over one MCP session; close it when done so the server can free it. */
export interface PlexMcpSession<T extends ToolMap<T>> extends PlexMcpClient<T> {
  /** The server-assigned session id (absent on a stateless server). */
  readonly sessionId: string | undefined;
  /** Ends the session (HTTP DELETE) and closes the connection. */
  close(): Promise<void>;
}

/**
 * Opens an MCP session over Streamable HTTP and answers a typed client with the same `call`,
 * `tools`, `listTools` and `health` as the REST one, plus progress and cancellation per call.
 * Rejects when the session cannot be opened (server down, bad key): there is no client to
 * answer `{ error }` through yet.
 */
export async function connectPlexMcpClient<T extends ToolMap<T> = PlexTools>(
  options: PlexMcpSessionOptions,
): Promise<PlexMcpSession<T>> {
  const url = checkedEndpoint(options.url);
  const timeoutMs = checkedTimeout(options.timeoutMs ?? 60_000);
  const headers: Record<string, string> = {};
  if (options.apiKey !== undefined) {
    headers.authorization = `Bearer ${checkedApiKey(options.apiKey)}`;
  }
  const sdk = await loadMcpSdk();
  const transport = new sdk.StreamableHTTPClientTransport(url, {
    requestInit: { headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const client = new sdk.Client(options.clientInfo ?? { name: '@plexmcp/sdk', version: '0.1.0' });
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new Error(
      `Could not open an MCP session with ${url.origin}${url.pathname}: ${connectReason(error)}`,
    );
  }
  const typed = typedClient<T>(mcpTransport(sdk, client, url, timeoutMs));
  // A getter, so the id stays current (Object.assign would copy today's value once).
  Object.defineProperty(typed, 'sessionId', { get: () => transport.sessionId, enumerable: true });
  return Object.assign(typed as PlexMcpClient<T> & { readonly sessionId: string | undefined }, {
    async close() {
      // Tell a stateful server the session is over; a stateless one answers 405, which is fine.
      await transport.terminateSession().catch(() => undefined);
      await client.close();
    },
  });
}

function checkedEndpoint(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new TypeError(
      `url must be the server's MCP endpoint, e.g. http://127.0.0.1:3001/mcp; got "${input}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`url must use http or https; got ${url.protocol}`);
  }
  if (url.search || url.username || url.password) {
    throw new TypeError('url must not carry credentials or a query; pass the key as apiKey.');
  }
  return url;
}

/** A short reason without request details (which could include the key's header). */
function connectReason(error: unknown): string {
  // The MCP SDK's StreamableHTTPError carries the HTTP status as `code`.
  const status = (error as { code?: unknown }).code;
  if (status === 401) return 'the API key is missing or not valid (HTTP 401).';
  if (status === 403) return 'the server refused this host or origin (HTTP 403).';
  const reason = networkReason(error);
  if (/^E[A-Z]+$/.test(reason)) return `${reason}. Is the server running with --transport http?`;
  return reason;
}
