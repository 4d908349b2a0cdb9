import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { PlexClient } from '@plexmcp/plex-client';
import {
  type AnyTool,
  type CallContext,
  type ListToolsOptions,
  type ToolConfig,
  type ToolResult,
  visibleTools,
} from '@plexmcp/plex-tools';
import { runServedTool } from './deployment-hints.js';
import { createDynamicToolsets } from './dynamic-toolsets.js';
import { hiddenToolReason, outOfScopeReason } from './hidden-tool.js';
import { isServerSide, type Logger, logToolFailure } from './logger.js';
import { registerResources } from './resources.js';
import { mcpToolListing } from './tool-list.js';
import { toCallToolResult } from './tool-result.js';

/** Which tools a session may use, and whether it starts with all of them listed. */
export interface SessionToolOptions extends ListToolsOptions {
  /**
   * Start with only the meta-tools (list toolsets, enable, search) and list the others as the
   * model enables them, announced by `notifications/tools/list_changed` (`--dynamic-toolsets`).
   */
  dynamicToolsets?: boolean;
}

/** What one MCP server instance serves. */
export interface PlexMcpServerOptions {
  plex: PlexClient;
  /** Which tools this session sees (access, toolsets, read-only, dynamic toolsets). */
  tools?: SessionToolOptions;
  /** Narrows the visible tools further (an HTTP API key's scopes). */
  allow?: (tool: AnyTool) => boolean;
  config?: ToolConfig;
  /** Reported in `initialize`. */
  version?: string;
  /** Also told about tool failures (e.g. the CLI's stderr log). Never given tokens. */
  logger?: Logger;
  /** Runs a tool (default: with this server's setting hints on failures); the HTTP door also bounds a key's calls. */
  runTool?: (tool: AnyTool, args: unknown, ctx: CallContext) => Promise<ToolResult>;
}

/**
 * An MCP server over the plexmcp tools, on the SDK's low-level request handlers so the JSON
 * Schemas come straight from `listTools()`. Hidden tools are absent from `tools/list` and refused
 * if called. One instance serves one session; build one per connection.
 */
export function createPlexMcpServer(options: PlexMcpServerOptions): Server {
  const dynamicToolsets = options.tools?.dynamicToolsets === true;
  const server = new Server(
    { name: 'plexmcp', title: 'Plex', version: options.version ?? '0.1.0' },
    {
      capabilities: {
        tools: dynamicToolsets ? { listChanged: true } : {},
        logging: {},
        resources: {},
        completions: {},
      },
    },
  );
  const toolConfig = options.config ?? {};
  // Client-facing log entries (`notifications/message`); the SDK drops those below the level the
  // client set with `logging/setLevel`. Only codes and messages: tool messages carry no tokens.
  const notify = (
    level: 'debug' | 'warning' | 'error',
    data: Record<string, unknown>,
    sessionId: string | undefined,
  ) => {
    void server.sendLoggingMessage({ level, logger: 'plexmcp', data }, sessionId).catch(() => {});
  };
  const allow = options.allow ?? (() => true);
  const served = visibleTools(options.tools);
  const tools = new Map(served.filter(allow).map((tool) => [tool.name, tool]));
  const run = options.runTool ?? runServedTool;
  registerResources(server, {
    plex: options.plex,
    config: toolConfig,
    // Resources are read through tools, so they answer only what this session's tools may.
    tools,
    run,
    onError: (uri, error) => {
      options.logger?.debug(`resource ${uri} failed: ${error.code}: ${error.message}`);
    },
  });
  /** Why a real tool is not in this session's `tools`; undefined when `name` is no tool. */
  const unserved = (name: string) => {
    const unscoped = served.find((candidate) => candidate.name === name);
    return unscoped ? outOfScopeReason(unscoped) : hiddenToolReason(name, options.tools);
  };
  const dynamic = dynamicToolsets ? createDynamicToolsets(tools, unserved) : undefined;
  const listing = dynamic ? [] : mcpToolListing(tools.values());

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: dynamic ? dynamic.listing() : listing,
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const meta = dynamic?.call(request.params.name, request.params.arguments ?? {});
    if (meta) {
      // Sent on the call's own stream (over HTTP, the POST's), ahead of its result, so the
      // client has refreshed its list by the time the model reads that the tools are there.
      if (meta.listChanged) {
        await extra.sendNotification({ method: 'notifications/tools/list_changed' });
      }
      return meta.result;
    }
    // A tool not enabled yet still answers: enabling is about what the model is shown.
    const tool = tools.get(request.params.name);
    if (!tool) {
      const name = request.params.name;
      throw new McpError(
        ErrorCode.InvalidParams,
        unserved(name) ??
          `Unknown tool: ${name}. Call tools/list for the tools this session may use.`,
      );
    }
    const progressToken = request.params._meta?.progressToken;
    const result = await run(tool, request.params.arguments ?? {}, {
      plex: options.plex,
      config: toolConfig,
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
    if (!result.ok) {
      const { code, message } = result.error;
      notify(
        isServerSide(code) ? 'error' : 'warning',
        { tool: tool.name, code, message },
        extra.sessionId,
      );
      if (options.logger) logToolFailure(options.logger, tool.name, result.error);
    }
    return toCallToolResult(result);
  });
  return server;
}
