// The MCPs of the platform, run by this server: the server's own Plex (the builtin MCP) with the
// tools, limits and settings it already serves, the organizations' other Plex servers, each
// with a Plex client of its own, and remote MCPs through their MCP clients (remote-runtime.ts).
// The platform decides who may call what; this does the calling.

import type { McpProbe, McpRuntime, McpTarget, RuntimeCall, RuntimeTool } from '@plexmcp/platform';
import { createPlexClient, type PlexClient } from '@plexmcp/plex-client';
import {
  type AnyTool,
  type ListToolsOptions,
  type ToolConfig,
  type ToolModule,
  toToolError,
  visibleTools,
} from '@plexmcp/plex-tools';
import {
  listPlexResources,
  PLEX_RESOURCE_TEMPLATES,
  type PlexResourceOptions,
  readPlexResource,
} from '../server/plex-resources.js';
import type { Caller } from './auth.js';
import type { RemoteRuntime } from './remote-runtime.js';
import type { ServedTools } from './served-tools.js';
import { restTool } from './tool-listing.js';

/** What the runtime runs with. */
export interface PlatformRuntimeOptions {
  /** The server's own Plex and the tools it serves: the builtin MCP. */
  served: ServedTools;
  /** For the Plex clients of stored MCPs, as the server's own is configured. */
  plex: { timeoutMs: number; maxConcurrentRequests: number };
  /** Runs the remote MCPs. */
  remote: RemoteRuntime;
}

/** How a Plex MCP is served: its client, its tools and the settings that chose them. */
export interface PlexServing {
  plex: PlexClient;
  tools: ReadonlyMap<string, AnyTool>;
  config: ToolConfig;
  /** What chose `tools`, for a session server to serve the same ones. */
  options: ListToolsOptions | undefined;
}

/** The runtime, and how the `/mcp/{id}` door serves a Plex MCP the same way. */
export interface PlatformRuntime extends McpRuntime {
  plexServing(target: McpTarget): PlexServing;
}

/** A stored Plex MCP, ready to call: its client, its tools, keyed by the version they fit. */
interface Prepared {
  stamp: string;
  plex: PlexClient;
  options: ListToolsOptions;
  tools: ReadonlyMap<string, AnyTool>;
}

/**
 * A stored MCP never reads the server's files: `file_path` arguments are refused outright, as
 * an organization's caller has no business on this machine's disk.
 */
const STORED_CONFIG: ToolConfig = { localFiles: 'off' };

/** The front door's caller for a platform caller: the same owner its key has on every door. */
function doorCaller(call: RuntimeCall): Caller {
  const { caller } = call;
  return {
    owner: caller.keyId ? `key:${caller.keyId}` : `org:${caller.organizationId}`,
    keyed: true,
    scopes: new Set(caller.scopes),
    keyInQuery: undefined,
    platform: caller,
  };
}

export function createPlatformRuntime(options: PlatformRuntimeOptions): PlatformRuntime {
  const { served, remote } = options;
  const prepared = new Map<string, Prepared>();

  const prepare = (target: McpTarget): Prepared => {
    const { mcp } = target;
    const kept = prepared.get(mcp.id);
    if (kept && kept.stamp === mcp.updated_at) return kept;
    if (mcp.url === null || target.secret === null) {
      throw new Error(`MCP ${mcp.id} has no Plex URL or token`);
    }
    const plex = createPlexClient({
      baseUrl: mcp.url,
      token: target.secret,
      timeoutMs: options.plex.timeoutMs,
      maxConcurrentRequests: options.plex.maxConcurrentRequests,
    });
    const chosen: ListToolsOptions = {
      access: mcp.access,
      ...(mcp.toolsets ? { toolsets: mcp.toolsets as ToolModule[] } : {}),
    };
    const tools = visibleTools(chosen);
    const entry = {
      stamp: mcp.updated_at,
      plex,
      options: chosen,
      tools: new Map(tools.map((t) => [t.name, t])),
    };
    prepared.set(mcp.id, entry);
    return entry;
  };

  /** The Plex client, tools and settings a Plex MCP is served with. */
  const servedFor = (target: McpTarget): PlexServing => {
    if (target.mcp.kind !== 'plex') {
      throw new Error(`MCP ${target.mcp.id} is a remote MCP, not a Plex one`);
    }
    if (target.mcp.builtin) {
      const { plex, tools, config } = served;
      return { plex, tools, config, options: served.options };
    }
    const { plex, tools, options: chosen } = prepare(target);
    return { plex, tools, config: STORED_CONFIG, options: chosen };
  };

  const resourceOptions = (target: McpTarget, call: RuntimeCall): PlexResourceOptions => {
    const { plex, tools, config } = servedFor(target);
    const scopes = new Set<string>(call.caller.scopes);
    return {
      plex,
      config,
      // A resource reads through tools, so the caller's scopes narrow it as they narrow calls.
      tools: new Map([...tools].filter(([, tool]) => scopes.has(tool.access))),
      run: served.runnerFor(doorCaller(call)),
    };
  };

  const runtimeTool = (tool: AnyTool): RuntimeTool => ({
    name: tool.name,
    access: tool.access,
    listing: restTool(tool),
  });

  return {
    plexServing: servedFor,
    async tools(target, call) {
      if (target.mcp.kind === 'remote') return remote.tools(target, call);
      return [...servedFor(target).tools.values()].map(runtimeTool);
    },
    async tool(target, name, call) {
      if (target.mcp.kind === 'remote') {
        return (await remote.tools(target, call)).find((tool) => tool.name === name);
      }
      const found = servedFor(target).tools.get(name);
      return found && runtimeTool(found);
    },
    async invoke(target, tool, args, call) {
      if (target.mcp.kind === 'remote') return remote.invoke(target, tool, args, call);
      const { plex, tools, config } = servedFor(target);
      const found = tools.get(tool.name);
      if (!found) {
        return { ok: false, error: { code: 'NOT_FOUND', message: `No tool ${tool.name}.` } };
      }
      const result = await served.runnerFor(doorCaller(call))(found, args, {
        plex,
        config,
        signal: call.signal,
      });
      return result.ok ? { ok: true, data: result.data } : result;
    },
    async resources(target, call) {
      if (target.mcp.kind === 'remote') return remote.resources(target, call);
      return {
        resources: await listPlexResources(resourceOptions(target, call), call.signal),
        templates: PLEX_RESOURCE_TEMPLATES.map(({ uriTemplate, ...rest }) => ({
          ...rest,
          uri: uriTemplate,
        })),
      };
    },
    async readResource(target, uri, call) {
      if (target.mcp.kind === 'remote') return remote.readResource(target, uri, call);
      const read = await readPlexResource(resourceOptions(target, call), uri, call.signal);
      if (read.ok) return { ok: true, data: { contents: read.contents } };
      const { source: _source, ...error } = read.error;
      return { ok: false, error };
    },
    async probe(target, call) {
      try {
        if (target.mcp.kind === 'remote') {
          return { status: 'ok', tool_count: (await remote.tools(target, call)).length };
        }
        const { plex, tools } = servedFor(target);
        // One authenticated request: reachable, and the token accepted.
        await plex.server.info({ signal: call.signal });
        return { status: 'ok', tool_count: tools.size };
      } catch (error) {
        return { status: probeStatus(error, call.signal), tool_count: null };
      }
    },
    forget(mcpId) {
      prepared.delete(mcpId);
      remote.forget(mcpId);
    },
  };
}

/** What a failed probe says about the MCP. */
function probeStatus(error: unknown, signal: AbortSignal): McpProbe['status'] {
  if (signal.aborted) return 'timeout';
  const { code } = toToolError(error);
  if (code === 'PLEX_UNREACHABLE') return 'unreachable';
  if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') return 'unauthorized';
  if (code === 'TIMEOUT') return 'timeout';
  return 'error';
}
