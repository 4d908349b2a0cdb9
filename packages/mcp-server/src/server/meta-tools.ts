import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** The meta-tools a `--dynamic-toolsets` session starts with. */
export const META_TOOL_NAMES = {
  list: 'toolsets_list',
  enable: 'toolsets_enable',
  search: 'tools_search',
} as const;

/** How many tools `tools_search` answers by default, and at most. */
export const SEARCH_LIMIT = { default: 8, max: 20 } as const;

// They change nothing outside the session, so clients may run them without asking.
const annotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

const stringList = { type: 'array', items: { type: 'string' } } as const;

/**
 * The meta-tools' `tools/list` entries, written out (not converted from valibot) because they
 * are all a dynamic session shows at start: every byte is read by the model. `toolsets` are the
 * session's toolset names, listed in `toolsets_enable` so a model can enable one without asking.
 */
export function metaToolListing(toolsets: readonly string[]): Tool[] {
  return [
    {
      name: META_TOOL_NAMES.list,
      title: 'List toolsets',
      description: 'List the toolsets of Plex tools: one line each, tool counts, what is enabled.',
      inputSchema: { type: 'object', properties: {} },
      outputSchema: {
        type: 'object',
        properties: {
          toolsets: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                summary: { type: 'string' },
                tools: { type: 'integer' },
                enabled: { type: 'integer' },
              },
              required: ['name', 'summary', 'tools', 'enabled'],
            },
          },
        },
        required: ['toolsets'],
      },
      annotations: { title: 'List toolsets', ...annotations },
    },
    {
      name: META_TOOL_NAMES.enable,
      title: 'Enable toolsets',
      description: 'Add toolsets, or single tools, to your tool list.',
      inputSchema: {
        type: 'object',
        properties: {
          names: {
            ...stringList,
            minItems: 1,
            description: `Toolsets (${toolsets.join(', ')}) or tool names`,
          },
        },
        required: ['names'],
      },
      outputSchema: {
        type: 'object',
        properties: { added: stringList, message: { type: 'string' } },
        required: ['added', 'message'],
      },
      annotations: { title: 'Enable toolsets', ...annotations },
    },
    {
      name: META_TOOL_NAMES.search,
      title: 'Search tools',
      description: 'Find Plex tools by words; enable one to use it.',
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'Words, e.g. "add to playlist"' },
          limit: {
            type: 'integer',
            minimum: 1,
            maximum: SEARCH_LIMIT.max,
            default: SEARCH_LIMIT.default,
          },
        },
        required: ['query'],
      },
      outputSchema: {
        type: 'object',
        properties: {
          tools: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                toolset: { type: 'string' },
                description: { type: 'string' },
                enabled: { type: 'boolean' },
              },
              required: ['name', 'toolset', 'description', 'enabled'],
            },
          },
        },
        required: ['tools'],
      },
      annotations: { title: 'Search tools', ...annotations },
    },
  ];
}
