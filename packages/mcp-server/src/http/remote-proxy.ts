// A remote MCP served to assistants at `/mcp/{id}`: an MCP server of ours whose tools and
// resources are the remote's, forwarded through the MCP's shared client. The caller's key
// narrows the tools as on every door (by the access the remote's annotations give them), and the
// remote's failures are ours to word: a failed call is an isError result, a failed listing a
// JSON-RPC error, neither ever carrying the remote's URL or headers.

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpTarget } from '@plexmcp/platform';
import { ToolError } from '@plexmcp/plex-tools';
import type { Logger } from '../server/logger.js';
import type { Caller } from './auth.js';
import { recordToolCall } from './metering.js';
import type { RemoteClients } from './remote-clients.js';
import { remoteFailure } from './remote-errors.js';
import type { RemoteRuntime } from './remote-runtime.js';
import { remoteAccess } from './remote-tools.js';

/** What a proxy session needs. */
export interface RemoteProxyOptions {
  /** The MCP as it was when the session opened (a change to it ends the session). */
  target: McpTarget;
  caller: Caller;
  clients: RemoteClients;
  remote: RemoteRuntime;
  logger?: Logger | undefined;
  version: string;
}

export function createRemoteProxyServer(options: RemoteProxyOptions): Server {
  const { caller, clients, remote, logger } = options;
  const server = new Server(
    { name: 'plexmcp-remote', version: options.version },
    { capabilities: { tools: {}, resources: {} } },
  );
  const mayUse = (access: 'read' | 'write' | 'delete') => caller.scopes?.has(access) ?? true;

  /** A thrown failure as a JSON-RPC error: the remote's own JSON-RPC errors pass through. */
  const rpcFailure = (error: unknown): McpError => {
    if (error instanceof McpError) return error;
    if (error instanceof ToolError) return new McpError(ErrorCode.InternalError, error.message);
    const info = remoteFailure(options.target.mcp.id, error);
    if (info.logDetail) logger?.warn(info.logDetail);
    return new McpError(ErrorCode.InternalError, info.message);
  };

  /** The remote's tools this caller may use. */
  const usable = async (signal: AbortSignal) =>
    (await remote.servedTools(options.target, signal)).filter((tool) => mayUse(remoteAccess(tool)));

  server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
    try {
      return { tools: await usable(extra.signal) };
    } catch (error) {
      throw rpcFailure(error);
    }
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    let tools: Awaited<ReturnType<typeof usable>>;
    try {
      tools = await usable(extra.signal);
    } catch (error) {
      throw rpcFailure(error);
    }
    if (!tools.some((tool) => tool.name === name)) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool: ${name}. Call tools/list for the tools this session may use.`,
      );
    }
    // Metered like our own tools' calls on the other doors: outcome and duration, per key.
    const started = performance.now();
    let outcome = 'INTERNAL';
    try {
      const result = (await clients.use(options.target, extra.signal, (client, requestOptions) =>
        client.callTool(
          { name, arguments: request.params.arguments ?? {} },
          undefined,
          requestOptions,
        ),
      )) as CallToolResult;
      outcome = result.isError ? 'PLEX_ERROR' : 'ok';
      return result;
    } catch (error) {
      // Like our own tools' failures: a result the model can read, not a protocol error.
      if (error instanceof McpError && error.code !== ErrorCode.RequestTimeout) throw error;
      const info = remoteFailure(options.target.mcp.id, error);
      outcome = info.code;
      if (info.logDetail) logger?.warn(info.logDetail);
      return { isError: true, content: [{ type: 'text', text: `${info.code}: ${info.message}` }] };
    } finally {
      recordToolCall(caller, name, outcome, performance.now() - started);
    }
  });

  /** Forwards a resources request, or answers `empty` when the remote has no resources. */
  const forward = async <T>(
    signal: AbortSignal,
    empty: T,
    request: (client: Parameters<Parameters<RemoteClients['use']>[2]>[0], o: object) => Promise<T>,
  ): Promise<T> => {
    if (!mayUse('read')) return empty;
    try {
      return await clients.use(options.target, signal, (client, requestOptions) =>
        client.getServerCapabilities()?.resources
          ? request(client, requestOptions)
          : Promise.resolve(empty),
      );
    } catch (error) {
      throw rpcFailure(error);
    }
  };

  server.setRequestHandler(ListResourcesRequestSchema, (request, extra) =>
    forward(extra.signal, { resources: [] }, (client, o) =>
      client.listResources(request.params, o),
    ),
  );
  server.setRequestHandler(ListResourceTemplatesRequestSchema, (request, extra) =>
    forward(extra.signal, { resourceTemplates: [] }, (client, o) =>
      client.listResourceTemplates(request.params, o),
    ),
  );
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const missing = new McpError(-32002, `Resource not found: ${request.params.uri}`);
    const read = await forward(extra.signal, undefined, (client, o) =>
      client.readResource(request.params, o),
    );
    if (!read) throw missing;
    return read;
  });
  return server;
}
