// What the platform needs from whoever runs MCPs: list an MCP's tools, call one, read its
// resources. The platform decides who may (tenancy, key restrictions, scopes) and answers in the
// /v1 envelope; the runtime — the MCP server, which owns Plex clients, tool runners and MCP
// clients — does the work. The platform never depends on the server: the server hands it this.

import type { ToolAccess, ToolErrorInfo } from '@plexmcp/plex-tools';
import type { Caller } from '../services/caller.js';

/** An MCP as the runtime needs it: its settings and its unsealed secret. */
export interface McpTarget {
  mcp: {
    id: string;
    kind: 'plex' | 'remote';
    /** Null for the server's own Plex, whose client the server already has. */
    url: string | null;
    /** The highest tool access served. */
    access: ToolAccess;
    toolsets: readonly string[] | null;
    builtin: boolean;
    /** Changes whenever the MCP does: a runtime may key its clients by id and this. */
    updated_at: string;
  };
  /** The Plex token, or a remote MCP's headers as JSON; null when there is none. */
  secret: string | null;
}

/** A tool in the shape `GET /tools` answers, which code generators read. */
export interface ToolListing {
  name: string;
  title?: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  access: ToolAccess;
  module?: string;
}

/** One tool of an MCP: its name, the access it needs, and its `/tools` listing. */
export interface RuntimeTool {
  name: string;
  access: ToolAccess;
  listing: ToolListing;
}

/** What a call answered: the tool's structured result, or its error. */
export type InvokeOutcome = { ok: true; data: unknown } | { ok: false; error: ToolErrorInfo };

/** A resource an MCP offers. */
export interface ResourceEntry {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/** A read resource's contents, as MCP answers them. */
export interface ResourceContents {
  contents: { uri: string; mimeType?: string; text?: string; blob?: string }[];
}

/** Who is calling and until when: the caller's identity for quotas, and cancellation. */
export interface RuntimeCall {
  caller: Caller;
  signal: AbortSignal;
}

/** What a cheap health probe found: reachable and accepting its credentials, or why not. */
export interface McpProbe {
  status: 'ok' | 'unreachable' | 'unauthorized' | 'timeout' | 'error';
  /** How many tools it serves (before a key's scopes narrow them); null when not reachable. */
  tool_count: number | null;
}

/** Runs MCPs for the platform. Every method may throw; failures of the MCP are `ok: false`. */
export interface McpRuntime {
  /** The tools the MCP serves (before the caller's scopes narrow them). */
  tools(target: McpTarget, call: RuntimeCall): Promise<RuntimeTool[]>;
  /**
   * One of `tools()`'s tools by name, or undefined: what invoke needs, without listing (and
   * describing) every tool of the MCP on each call.
   */
  tool(target: McpTarget, name: string, call: RuntimeCall): Promise<RuntimeTool | undefined>;
  /** Calls one of `tools()`'s tools with the caller's arguments (validated by the tool). */
  invoke(
    target: McpTarget,
    tool: RuntimeTool,
    args: Record<string, unknown>,
    call: RuntimeCall,
  ): Promise<InvokeOutcome>;
  /** The MCP's resources and resource templates. */
  resources(
    target: McpTarget,
    call: RuntimeCall,
  ): Promise<{ resources: ResourceEntry[]; templates: ResourceEntry[] }>;
  /** Reads one resource; a resource the MCP does not have is `NOT_FOUND`. */
  readResource(
    target: McpTarget,
    uri: string,
    call: RuntimeCall,
  ): Promise<{ ok: true; data: ResourceContents } | { ok: false; error: ToolErrorInfo }>;
  /** A cheap health probe, bounded by `call.signal`; never throws for the MCP's failures. */
  probe(target: McpTarget, call: RuntimeCall): Promise<McpProbe>;
  /** Drops what the runtime keeps for an MCP (it changed or was deleted). */
  forget(mcpId: string): void;
}
