import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { PlexClient } from '@plexmcp/plex-client';
import {
  type AnyTool,
  describeTool,
  type ListToolsOptions,
  runTool,
  type ToolConfig,
  visibleTools,
} from '@plexmcp/plex-tools';
import { toCallToolResult } from './tool-result.js';

/** What one MCP server instance serves. */
export interface PlexMcpServerOptions {
  plex: PlexClient;
  /** Which tools this session sees (access, toolsets, read-only). */
  tools?: ListToolsOptions;
  /** Narrows the visible tools further (an HTTP API key's scopes). */
  allow?: (tool: AnyTool) => boolean;
  config?: ToolConfig;
  /** Reported in `initialize`. */
  version?: string;
}

/**
 * An MCP server over the plexmcp tools, on the SDK's low-level request handlers so the JSON
 * Schemas come straight from `listTools()`. Hidden tools are absent from `tools/list` and refused
 * if called. One instance serves one session; build one per connection.
 */
export function createPlexMcpServer(options: PlexMcpServerOptions): Server {
  const server = new Server(
    { name: 'plexmcp', title: 'Plex', version: options.version ?? '0.1.0' },
    { capabilities: { tools: {}, logging: {} } },
  );
  const allow = options.allow ?? (() => true);
  const tools = new Map(
    visibleTools(options.tools)
      .filter(allow)
      .map((tool) => [tool.name, tool]),
  );
  const listing: Tool[] = [...tools.values()].map((tool) => {
    const descriptor = describeTool(tool);
    return {
      name: descriptor.name,
      title: descriptor.title,
      description: descriptor.description,
      inputSchema: descriptor.inputSchema as Tool['inputSchema'],
      outputSchema: descriptor.outputSchema as Tool['outputSchema'],
      annotations: { title: descriptor.title, ...descriptor.annotations },
    };
  });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listing }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.get(request.params.name);
    if (!tool) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool: ${request.params.name}. Call tools/list for the tools this session may use.`,
      );
    }
    const progressToken = request.params._meta?.progressToken;
    const result = await runTool(tool, request.params.arguments ?? {}, {
      plex: options.plex,
      config: options.config ?? {},
      signal: extra.signal,
      ...(progressToken === undefined
        ? {}
        : {
            onProgress: (update) => {
              void extra.sendNotification({
                method: 'notifications/progress',
                params: { progressToken, ...update },
              });
            },
          }),
    });
    return toCallToolResult(result);
  });
  return server;
}
