import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** How an HTTP MCP client reaches the server. */
export interface HttpClientOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Usually a recording fetch. */
  fetch?: FetchLike;
  /** The Streamable HTTP endpoint (default `/mcp`; `/mcp/{mcp_id}` for one MCP of the platform). */
  path?: string;
}

function auth(options: HttpClientOptions) {
  return {
    ...(options.apiKey
      ? { requestInit: { headers: { authorization: `Bearer ${options.apiKey}` } } }
      : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

/** An SDK client connected over Streamable HTTP (`/mcp`, or `options.path`). */
export async function connectStreamableHttp(options: HttpClientOptions): Promise<Client> {
  const client = new Client({ name: 'plexmcp-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${options.baseUrl}${options.path ?? '/mcp'}`),
      auth(options),
    ),
  );
  return client;
}

/** An SDK client connected over legacy SSE (`GET /sse` + `POST /messages/`). */
export async function connectLegacySse(options: HttpClientOptions): Promise<Client> {
  const client = new Client({ name: 'plexmcp-e2e', version: '1.0.0' });
  await client.connect(new SSEClientTransport(new URL(`${options.baseUrl}/sse`), auth(options)));
  return client;
}
