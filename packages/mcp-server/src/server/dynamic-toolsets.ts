import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AnyTool } from '@plexmcp/plex-tools';
import { META_TOOL_NAMES, metaToolListing, SEARCH_LIMIT } from './meta-tools.js';
import { mcpToolListing } from './tool-list.js';
import { toCallToolResult } from './tool-result.js';
import { searchTools } from './tool-search.js';
import { groupByToolset, TOOLSET_SUMMARIES } from './toolsets.js';

/** A meta-tool's answer, and whether the session's tool list changed with it. */
export interface MetaToolAnswer {
  result: CallToolResult;
  listChanged: boolean;
}

/** One session's dynamic tool list: the meta-tools, then what the model enabled. */
export interface DynamicToolsets {
  /** The `tools/list` answer now. */
  listing(): Tool[];
  /** Answers a meta-tool call; undefined when `name` is not a meta-tool. */
  call(name: string, args: Record<string, unknown>): MetaToolAnswer | undefined;
}

/**
 * Starts a session's dynamic tool list over `tools` (the tools the session may use). Nothing
 * but the meta-tools is listed until the model enables toolsets or tools; `unserved` says why a
 * real tool name is not among `tools` (hidden by the server's flags or the caller's scopes).
 */
export function createDynamicToolsets(
  tools: ReadonlyMap<string, AnyTool>,
  unserved: (name: string) => string | undefined,
): DynamicToolsets {
  const toolsets = groupByToolset(tools.values());
  const meta = metaToolListing([...toolsets.keys()]);
  const enabled = new Set<AnyTool>();
  let listing: Tool[] = meta;

  const list = () =>
    ok({
      toolsets: [...toolsets].map(([name, members]) => ({
        name,
        summary: TOOLSET_SUMMARIES[name],
        tools: members.length,
        enabled: members.filter((tool) => enabled.has(tool)).length,
      })),
    });

  const enable = (args: Record<string, unknown>): MetaToolAnswer => {
    const names = args.names;
    if (
      !Array.isArray(names) ||
      names.length === 0 ||
      !names.every((name) => typeof name === 'string')
    ) {
      return refused('names: a list of toolset or tool names is required');
    }
    const picked: AnyTool[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const members = toolsets.get(name as never) ?? [tools.get(name)].filter(isTool);
      if (members.length === 0) unknown.push(name);
      picked.push(...members);
    }
    if (unknown.length > 0) return refused(unknownNames(unknown, [...toolsets.keys()], unserved));
    const added = picked.filter((tool) => !enabled.has(tool));
    for (const tool of added) enabled.add(tool);
    if (added.length > 0) {
      // Catalogue order, whatever order they were enabled in.
      listing = [...meta, ...mcpToolListing([...tools.values()].filter((t) => enabled.has(t)))];
    }
    const message =
      added.length === 0
        ? 'Already enabled; nothing changed.'
        : `Enabled ${added.length} tool${added.length === 1 ? '' : 's'}; your tool list now has them.`;
    return {
      ...ok({ added: added.map((tool) => tool.name), message }),
      listChanged: added.length > 0,
    };
  };

  const search = (args: Record<string, unknown>): MetaToolAnswer => {
    const { query, limit = SEARCH_LIMIT.default } = args;
    if (typeof query !== 'string' || query.trim() === '') {
      return refused('query: words to look for are required');
    }
    if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > SEARCH_LIMIT.max) {
      return refused(`limit: a whole number from 1 to ${SEARCH_LIMIT.max}`);
    }
    const found = searchTools([...tools.values()], query, limit as number);
    return ok({
      tools: found.map((tool) => ({
        name: tool.name,
        toolset: tool.module,
        description: tool.description,
        enabled: enabled.has(tool),
      })),
    });
  };

  return {
    listing: () => listing,
    call(name, args) {
      if (name === META_TOOL_NAMES.list) return list();
      if (name === META_TOOL_NAMES.enable) return enable(args);
      if (name === META_TOOL_NAMES.search) return search(args);
      return undefined;
    },
  };
}

function isTool(tool: AnyTool | undefined): tool is AnyTool {
  return tool !== undefined;
}

function ok(data: Record<string, unknown>): MetaToolAnswer {
  return { result: toCallToolResult({ ok: true, data, images: [] }), listChanged: false };
}

function refused(message: string): MetaToolAnswer {
  const error = { code: 'INVALID_INPUT' as const, message };
  return { result: toCallToolResult({ ok: false, error }), listChanged: false };
}

/** Names no toolset or tool of this session carries: why, and what there is instead. */
function unknownNames(
  names: readonly string[],
  toolsets: readonly string[],
  unserved: (name: string) => string | undefined,
): string {
  const reasons = names.map((name) => unserved(name) ?? `"${name}" is no toolset or tool.`);
  return `${reasons.join(' ')} Toolsets: ${toolsets.join(', ')}; tools_search finds tools by words.`;
}
