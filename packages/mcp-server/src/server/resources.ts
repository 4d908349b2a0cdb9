import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CompleteRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { PlexClient } from '@plexmcp/plex-client';
import type {
  AnyTool,
  CallContext,
  ToolConfig,
  ToolErrorInfo,
  ToolResult,
} from '@plexmcp/plex-tools';

/** The MCP error code for an unknown resource (the spec's -32002). */
export const RESOURCE_NOT_FOUND = -32002;

export const LIBRARY_TEMPLATE = 'plex://library/{id}';
export const ITEM_TEMPLATE = 'plex://item/{id}';
const JSON_TYPE = 'application/json';
const MAX_COMPLETIONS = 100;

interface ResourceOptions {
  plex: PlexClient;
  config: ToolConfig;
  /** The tools this session may call: a resource is readable only through one of them. */
  tools: ReadonlyMap<string, AnyTool>;
  run: (tool: AnyTool, args: unknown, ctx: CallContext) => Promise<ToolResult>;
  /** Told about every failed read (code and message only). */
  onError?: (uri: string, error: ToolErrorInfo) => void;
}

/**
 * Read-only resources: `plex://library/{id}` (details and counts; the id may also be a library
 * name) and `plex://item/{id}` (the detail projection of `media_get_details`), with completion of
 * library ids and names. Reads go through the tools so the JSON matches what tools answer, and
 * so a session whose key (or the server's toolsets) leaves a tool out cannot read around it:
 * listing and completion need `library_list`, each read the tools it is made of.
 */
export function registerResources(server: Server, options: ResourceOptions): void {
  // Listing and completion read the library list straight from Plex (one request, where
  // library_list costs one per library): the rate limit and the Plex client's cap bound them.
  const canList = () => options.tools.has('library_list');
  const call = async (
    uri: string,
    name: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ) => {
    const tool = options.tools.get(name);
    if (!tool) {
      throw new McpError(
        ErrorCode.InvalidRequest,
        `${uri}: this session may not read it: its API key's scopes or the server's toolsets leave out ${name}.`,
        { uri, code: 'FORBIDDEN' },
      );
    }
    const result = await options.run(tool, args, {
      plex: options.plex,
      config: options.config,
      signal,
    });
    if (!result.ok) {
      options.onError?.(uri, result.error);
      throw new McpError(
        result.error.code === 'NOT_FOUND' || result.error.code === 'INVALID_INPUT'
          ? RESOURCE_NOT_FOUND
          : ErrorCode.InternalError,
        `${uri}: ${result.error.code}: ${result.error.message}`,
        { uri, code: result.error.code },
      );
    }
    return result.data;
  };

  server.setRequestHandler(ListResourcesRequestSchema, async (_request, extra) => {
    if (!canList()) return { resources: [] };
    const libraries = await options.plex.libraries.list({ signal: extra.signal });
    return {
      resources: libraries.map((library) => ({
        uri: `plex://library/${library.id}`,
        name: library.title,
        title: `${library.title} (${library.type} library)`,
        description: `The "${library.title}" library: details, settings and counts.`,
        mimeType: JSON_TYPE,
      })),
    };
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      {
        uriTemplate: LIBRARY_TEMPLATE,
        name: 'library',
        title: 'Plex library',
        description: 'A library by id (or name): agent, scanner, folders, settings and counts.',
        mimeType: JSON_TYPE,
      },
      {
        uriTemplate: ITEM_TEMPLATE,
        name: 'item',
        title: 'Plex item',
        description: 'A movie, show, season, episode, artist, album or track by ratingKey.',
        mimeType: JSON_TYPE,
      },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const { uri } = request.params;
    const match = /^plex:\/\/(library|item)\/([^/?#]+)$/.exec(uri);
    const kind = match?.[1];
    const id = match?.[2] === undefined ? undefined : safeDecode(match[2]);
    if (!kind || !id) {
      throw new McpError(
        RESOURCE_NOT_FOUND,
        `Unknown resource ${uri}: use plex://library/{id} or plex://item/{id} (resources/templates/list).`,
        { uri },
      );
    }
    let data: Record<string, unknown>;
    if (kind === 'library') {
      const address = /^\d+$/.test(id) ? { library_id: id } : { library_name: id };
      const details = await call(uri, 'library_get_details', address, extra.signal);
      const stats = await call(uri, 'library_get_stats', address, extra.signal);
      data = { ...details, stats };
    } else {
      if (!/^\d+$/.test(id)) {
        throw new McpError(
          RESOURCE_NOT_FOUND,
          `Unknown resource ${uri}: an item id is a numeric ratingKey (media_search finds one).`,
          { uri },
        );
      }
      data = await call(uri, 'media_get_details', { media_id: id }, extra.signal);
    }
    return { contents: [{ uri, mimeType: JSON_TYPE, text: JSON.stringify(data) }] };
  });

  server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
    const { ref, argument } = request.params;
    if (
      !canList() ||
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

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
