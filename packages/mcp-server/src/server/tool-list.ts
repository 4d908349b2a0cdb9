import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { type AnyTool, describeTool } from '@plexmcp/plex-tools';

/** The MCP `tools/list` entries for some tools: one builder for every door that lists over MCP. */
export function mcpToolListing(tools: Iterable<AnyTool>): Tool[] {
  return [...tools].map((tool) => {
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
}
