// The remote MCPs of the platform, run through their clients: tools listed from the remote (and
// kept for a while, or until it says they changed), calls, resources and templates. Failures of
// the remote are tool errors with PLATFORM's upstream codes; thrown ones are ToolErrors, which
// /v1 answers as the same codes.

import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  ErrorCode,
  McpError,
  type Resource,
  type ResourceTemplate,
  type Tool,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type {
  InvokeOutcome,
  McpTarget,
  ResourceContents,
  ResourceEntry,
  RuntimeCall,
  RuntimeTool,
} from '@plexmcp/platform';
import { ToolError, type ToolErrorInfo } from '@plexmcp/plex-tools';
import type { Logger } from '../server/logger.js';
import type { RemoteClients } from './remote-clients.js';
import { remoteFailure } from './remote-errors.js';
import { remoteOutcome } from './remote-results.js';
import { servedRemoteTools } from './remote-tools.js';

/** How long a remote's tool list is reused when it never says the list changed. */
export const REMOTE_TOOLS_TTL_MS = 30_000;

/** Pages followed when listing (a remote that keeps handing out cursors is cut off there). */
const MAX_PAGES = 50;

/** A resource or template as the platform lists it. */
function entryOf(item: Resource | ResourceTemplate): ResourceEntry {
  const uri = 'uriTemplate' in item ? item.uriTemplate : item.uri;
  return {
    uri,
    name: item.name,
    ...(item.title === undefined ? {} : { title: item.title }),
    ...(item.description === undefined ? {} : { description: item.description }),
    ...(item.mimeType === undefined ? {} : { mimeType: item.mimeType }),
  };
}

/** Every page of a cursor-paged list. */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next?: string | undefined }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const answer = await page(cursor);
    items.push(...answer.items);
    if (!answer.next) break;
    cursor = answer.next;
  }
  return items;
}

export function createRemoteRuntime(clients: RemoteClients, logger?: Logger) {
  const toolLists = new WeakMap<Client, { until: number; tools: Tool[] }>();

  /** The failure as a tool error, its cause logged for the operator (never the URL). */
  const failure = (target: McpTarget, error: unknown): ToolErrorInfo => {
    if (error instanceof ToolError) return { code: error.code, message: error.message };
    const info = remoteFailure(target.mcp.id, error);
    if (info.logDetail) logger?.warn(info.logDetail);
    const { logDetail: _logDetail, ...shown } = info;
    return shown;
  };
  const thrown = (info: ToolErrorInfo) => new ToolError(info.code, info.message, info.details);

  /** Every tool of the remote, reused until it changes or goes stale. */
  const listed = (client: Client, signal: AbortSignal, timeout: number): Promise<Tool[]> => {
    const kept = toolLists.get(client);
    if (kept && kept.until > Date.now()) return Promise.resolve(kept.tools);
    return allPages(async (cursor) => {
      const answer = await client.listTools(cursor ? { cursor } : {}, { signal, timeout });
      return { items: answer.tools, next: answer.nextCursor };
    }).then((tools) => {
      if (!kept) {
        client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
          toolLists.delete(client);
        });
      }
      toolLists.set(client, { until: Date.now() + REMOTE_TOOLS_TTL_MS, tools });
      return tools;
    });
  };

  /** The remote tools the MCP serves (its access caps them), as MCP lists them. */
  async function servedTools(target: McpTarget, signal: AbortSignal): Promise<Tool[]> {
    try {
      const all = await clients.use(target, signal, (client, options) =>
        listed(client, options.signal ?? signal, options.timeout ?? 10_000),
      );
      const served = new Set(servedRemoteTools(all, target.mcp.access).map((t) => t.name));
      return all.filter((tool) => served.has(tool.name));
    } catch (error) {
      throw thrown(failure(target, error));
    }
  }

  async function tools(target: McpTarget, call: RuntimeCall): Promise<RuntimeTool[]> {
    return servedRemoteTools(await servedTools(target, call.signal), target.mcp.access);
  }

  async function invoke(
    target: McpTarget,
    tool: RuntimeTool,
    args: Record<string, unknown>,
    call: RuntimeCall,
  ): Promise<InvokeOutcome> {
    try {
      const result = await clients.use(target, call.signal, (client, options) =>
        client.callTool({ name: tool.name, arguments: args }, undefined, options),
      );
      // The SDK types the legacy `toolResult` shape too; only `content` results are MCP today.
      if (!('content' in result) || !Array.isArray(result.content)) {
        return { ok: false, error: failure(target, new Error('a result without content')) };
      }
      return remoteOutcome(tool.name, result as Parameters<typeof remoteOutcome>[1]);
    } catch (error) {
      return { ok: false, error: failure(target, error) };
    }
  }

  async function resources(
    target: McpTarget,
    call: RuntimeCall,
  ): Promise<{ resources: ResourceEntry[]; templates: ResourceEntry[] }> {
    try {
      return await clients.use(target, call.signal, async (client, options) => {
        // A remote without resources has none; asking would only earn "method not found".
        if (!client.getServerCapabilities()?.resources) return { resources: [], templates: [] };
        const listedResources = await allPages(async (cursor) => {
          const answer = await client.listResources(cursor ? { cursor } : {}, options);
          return { items: answer.resources, next: answer.nextCursor };
        });
        const listedTemplates = await allPages(async (cursor) => {
          const answer = await client.listResourceTemplates(cursor ? { cursor } : {}, options);
          return { items: answer.resourceTemplates, next: answer.nextCursor };
        });
        return {
          resources: listedResources.map(entryOf),
          templates: listedTemplates.map(entryOf),
        };
      });
    } catch (error) {
      throw thrown(failure(target, error));
    }
  }

  async function readResource(
    target: McpTarget,
    uri: string,
    call: RuntimeCall,
  ): Promise<{ ok: true; data: ResourceContents } | { ok: false; error: ToolErrorInfo }> {
    const notFound = {
      ok: false as const,
      error: { code: 'NOT_FOUND' as const, message: `The remote MCP has no resource ${uri}.` },
    };
    try {
      const read = await clients.use(target, call.signal, async (client, options) =>
        client.getServerCapabilities()?.resources
          ? client.readResource({ uri }, options)
          : undefined,
      );
      if (!read) return notFound;
      const contents = read.contents.map((item) => ({
        uri: item.uri,
        ...(item.mimeType === undefined ? {} : { mimeType: item.mimeType }),
        ...('text' in item && typeof item.text === 'string' ? { text: item.text } : {}),
        ...('blob' in item && typeof item.blob === 'string' ? { blob: item.blob } : {}),
      }));
      return { ok: true, data: { contents } };
    } catch (error) {
      // MCP's "resource not found" (-32002), or bad params naming a resource it does not have.
      if (
        error instanceof McpError &&
        (error.code === -32002 || error.code === ErrorCode.InvalidParams)
      ) {
        return notFound;
      }
      return { ok: false, error: failure(target, error) };
    }
  }

  return {
    servedTools,
    tools,
    invoke,
    resources,
    readResource,
    /** Drops the MCP's client: it changed or was deleted. */
    forget: (mcpId: string) => clients.forget(mcpId),
  };
}

/** The remote half of the runtime, and what the `/mcp/{id}` proxy reads from it. */
export type RemoteRuntime = ReturnType<typeof createRemoteRuntime>;
