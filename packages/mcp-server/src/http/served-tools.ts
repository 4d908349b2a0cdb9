import type { PlexClient } from '@plexmcp/plex-client';
import type { AnyTool, ListToolsOptions, ToolConfig, ToolResult } from '@plexmcp/plex-tools';
import { hiddenToolReason, outOfScopeReason } from '../server/hidden-tool.js';
import { type Caller, scopeFilter } from './auth.js';
import type { Refusal } from './replies.js';
import type { ToolRunner } from './tool-calls.js';

/** The tools a server serves and how a door runs one for a caller. */
export interface ServedTools {
  plex: PlexClient;
  config: ToolConfig;
  /** Tools the server serves at all (access, toolsets, read-only). */
  tools: ReadonlyMap<string, AnyTool>;
  /** The settings that chose `tools`, so a hidden tool's refusal can say which one hides it. */
  options?: ListToolsOptions | undefined;
  /** The runner for a caller (its concurrency share). */
  runnerFor: (caller: Caller) => ToolRunner;
}

/** The tools a caller may see, in listing order. */
export function toolsFor(served: ServedTools, caller: Caller): AnyTool[] {
  return [...served.tools.values()].filter(scopeFilter(caller));
}

/**
 * The tool by name, or a refusal: 404 when no tool has that name, 403 when a real tool is hidden
 * by the server's settings (saying which) or is outside the key's scopes.
 */
export function findToolFor(served: ServedTools, caller: Caller, name: string): AnyTool | Refusal {
  const tool = served.tools.get(name);
  if (!tool) {
    const hidden = hiddenToolReason(name, served.options);
    if (hidden !== undefined) return { status: 403, code: 'FORBIDDEN', message: hidden };
    return {
      status: 404,
      code: 'NOT_FOUND',
      message: `There is no tool named "${name}". GET /tools lists them.`,
    };
  }
  if (!scopeFilter(caller)(tool)) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: outOfScopeReason(tool),
    };
  }
  return tool;
}

/** Whether `findToolFor` refused. */
export function isRefusal(found: AnyTool | Refusal): found is Refusal {
  return 'status' in found;
}

/** Runs a tool for a caller; the call is cancelled when the client goes away. */
export function runFor(
  served: ServedTools,
  caller: Caller,
  tool: AnyTool,
  args: unknown,
  signal: AbortSignal,
): Promise<ToolResult> {
  return served.runnerFor(caller)(tool, args ?? {}, {
    plex: served.plex,
    config: served.config,
    signal,
  });
}
