// A remote MCP's tools in our `/tools` shape, with the access a key needs for each. Remote tools
// carry no access of ours, only MCP's annotations, read with the MCP specification's defaults: a
// tool is not read-only unless it says so, and may be destructive unless it says it is not. So a
// read-only hint needs read, `destructiveHint: false` write, and anything else (no annotations at
// all included) delete. The MCP's own `access` then caps what is served at all.

import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { RuntimeTool } from '@plexmcp/platform';
import type { ToolAccess } from '@plexmcp/plex-tools';

const RANK: Readonly<Record<ToolAccess, number>> = { read: 0, write: 1, delete: 2 };

/** The scope a key needs to call a remote tool, from its annotations. */
export function remoteAccess(tool: Tool): ToolAccess {
  if (tool.annotations?.readOnlyHint === true) return 'read';
  if (tool.annotations?.destructiveHint === false) return 'write';
  return 'delete';
}

/** A remote tool as `GET /v1/mcps/{id}/tools` lists it. */
export function remoteTool(tool: Tool): RuntimeTool {
  const access = remoteAccess(tool);
  const title = tool.title ?? tool.annotations?.title;
  return {
    name: tool.name,
    access,
    listing: {
      name: tool.name,
      ...(title === undefined ? {} : { title }),
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: tool.inputSchema,
      ...(tool.outputSchema === undefined ? {} : { output_schema: tool.outputSchema }),
      ...(tool.annotations === undefined ? {} : { annotations: tool.annotations }),
      access,
    },
  };
}

/** The remote tools an MCP serves: those whose access is within the MCP's. */
export function servedRemoteTools(tools: readonly Tool[], cap: ToolAccess): RuntimeTool[] {
  return tools.map(remoteTool).filter((tool) => RANK[tool.access] <= RANK[cap]);
}
