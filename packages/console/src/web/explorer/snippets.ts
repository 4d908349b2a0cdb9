// The same tool call as a person would make it elsewhere: curl against /v1, the SDK's platform
// client, and an MCP client's config for /mcp/{id}. The key is always a placeholder — the
// console never knows the session's key, and a snippet is something people paste into chats.

/** Where and what: the server's origin, the MCP, the tool and its arguments. */
export interface CallSpec {
  origin: string;
  mcpId: string;
  mcpName: string;
  tool: string;
  args: Record<string, unknown>;
}

/** Quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `curl` to POST /v1/mcp/invoke, the key read from $PLEXMCP_API_KEY. */
export function curlSnippet(spec: CallSpec): string {
  const body = JSON.stringify({ mcp_id: spec.mcpId, tool: spec.tool, arguments: spec.args });
  return [
    `curl -s ${shellQuote(`${spec.origin}/v1/mcp/invoke`)} \\`,
    `  -H "Authorization: Bearer $PLEXMCP_API_KEY" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}

/** The call with @plexmcp/sdk's platform client. */
export function sdkSnippet(spec: CallSpec): string {
  const args = JSON.stringify(spec.args, null, 2);
  return [
    "import { createPlexMcpPlatform } from '@plexmcp/sdk';",
    '',
    'const platform = createPlexMcpPlatform({',
    `  baseUrl: ${JSON.stringify(spec.origin)},`,
    '  apiKey: process.env.PLEXMCP_API_KEY!,',
    '});',
    `const { data, error } = await platform.invoke(${JSON.stringify(spec.mcpId)}, ${JSON.stringify(spec.tool)}, ${args});`,
  ].join('\n');
}

/** An MCP client's entry (Claude Code, Cursor, VS Code take this shape) for this MCP. */
export function mcpConfigSnippet(spec: CallSpec): string {
  const key =
    spec.mcpName
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '') || 'plex';
  const config = {
    mcpServers: {
      [key]: {
        type: 'http',
        url: `${spec.origin}/mcp/${spec.mcpId}`,
        headers: { Authorization: 'Bearer <your API key>' },
      },
    },
  };
  return JSON.stringify(config, null, 2);
}
