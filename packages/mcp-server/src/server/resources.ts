import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CompleteRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ToolErrorInfo } from '@plexmcp/plex-tools';
import {
  canListResources,
  LIBRARY_TEMPLATE,
  listPlexResources,
  PLEX_RESOURCE_TEMPLATES,
  type PlexResourceOptions,
  type ResourceFailure,
  readPlexResource,
} from './plex-resources.js';

export { ITEM_TEMPLATE, LIBRARY_TEMPLATE } from './plex-resources.js';

/** The MCP error code for an unknown resource (the spec's -32002). */
export const RESOURCE_NOT_FOUND = -32002;

const MAX_COMPLETIONS = 100;

interface ResourceOptions extends PlexResourceOptions {
  /** Told about every failed read (code and message only). */
  onError?: (uri: string, error: ToolErrorInfo) => void;
}

/** A failed read as the MCP error a client reads. */
function mcpError(uri: string, error: ResourceFailure): McpError {
  if (error.source === 'uri') return new McpError(RESOURCE_NOT_FOUND, error.message, { uri });
  if (error.source === 'refused') {
    return new McpError(ErrorCode.InvalidRequest, error.message, { uri, code: error.code });
  }
  return new McpError(
    error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT'
      ? RESOURCE_NOT_FOUND
      : ErrorCode.InternalError,
    `${uri}: ${error.code}: ${error.message}`,
    { uri, code: error.code },
  );
}

/**
 * Read-only resources: `plex://library/{id}` and `plex://item/{id}` (see plex-resources.ts),
 * with completion of library ids and names. Listing and completion need `library_list`, each
 * read the tools it is made of.
 */
export function registerResources(server: Server, options: ResourceOptions): void {
  server.setRequestHandler(ListResourcesRequestSchema, async (_request, extra) => ({
    resources: await listPlexResources(options, extra.signal),
  }));

  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: PLEX_RESOURCE_TEMPLATES.map((template) => ({ ...template })),
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const { uri } = request.params;
    const read = await readPlexResource(options, uri, extra.signal);
    if (read.ok) return { contents: read.contents };
    if (read.error.source === 'tool') {
      const { source: _source, ...error } = read.error;
      options.onError?.(uri, error);
    }
    throw mcpError(uri, read.error);
  });

  server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
    const { ref, argument } = request.params;
    if (
      !canListResources(options) ||
      ref.type !== 'ref/resource' ||
      ref.uri !== LIBRARY_TEMPLATE ||
      argument.name !== 'id'
    ) {
      return { completion: { values: [] } };
    }
    const prefix = argument.value.toLowerCase();
    const libraries = await options.plex.libraries.list({ signal: extra.signal });
    const values: string[] = [];
    for (const library of libraries) {
      const id = String(library.id);
      if (id.startsWith(prefix)) values.push(id);
      else if (library.title.toLowerCase().startsWith(prefix)) values.push(library.title);
    }
    return {
      completion: {
        values: values.slice(0, MAX_COMPLETIONS),
        total: values.length,
        hasMore: values.length > MAX_COMPLETIONS,
      },
    };
  });
}
