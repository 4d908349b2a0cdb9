// The three doors a client can call one of the server's tools through with a managed key, each
// as a client of that door would call it: fetch over keep-alive for the two REST doors, the
// official SDK's Client over Streamable HTTP for MCP.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** One way in: a label, one call (throws unless it succeeded), and how to let go of it. */
export interface Door {
  label: string;
  call: () => Promise<void>;
  close: () => Promise<void>;
}

/** Posts JSON with the key; throws unless the answer is 200 with `success: true`. */
async function post(url: string, key: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { success?: boolean; error?: unknown };
  if (response.status !== 200 || answer.success !== true) {
    throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(answer.error)}`);
  }
}

/** POST /v1/mcp/invoke `{mcp_id, tool, arguments}` → `{success, data}`. */
export function invokeDoor(base: string, key: string, mcpId: string, tool: string): Door {
  const body = { mcp_id: mcpId, tool, arguments: {} };
  return {
    label: '`POST /v1/mcp/invoke`',
    call: () => post(`${base}/v1/mcp/invoke`, key, body),
    close: async () => {},
  };
}

/** POST /tools/call `{tool_name, arguments}` → `{success, result}`. */
export function toolsCallDoor(base: string, key: string, tool: string): Door {
  const body = { tool_name: tool, arguments: {} };
  return {
    label: '`POST /tools/call`',
    call: () => post(`${base}/tools/call`, key, body),
    close: async () => {},
  };
}

/** MCP `tools/call` on /mcp (the default MCP) through the SDK's Client, one session. */
export async function mcpDoor(base: string, key: string, tool: string): Promise<Door> {
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'plexmcp-bench', version: '0.0.0' });
  await client.connect(transport);
  return {
    label: 'MCP `tools/call` on `/mcp` (SDK `Client`)',
    call: async () => {
      const result = await client.callTool({ name: tool, arguments: {} });
      if (result.isError) throw new Error(`${tool}: ${JSON.stringify(result.content)}`);
    },
    // DELETE the session, then drop the client.
    close: async () => {
      await transport.terminateSession();
      await client.close();
    },
  };
}
