// Plex's MCP resources as plain functions: the MCP session registers them as handlers
// (resources.ts), and the platform's `POST /v1/mcp/resources` reads them through its runtime.

import type { PlexClient } from '@plexmcp/plex-client';
import type {
  AnyTool,
  CallContext,
  ToolConfig,
  ToolErrorInfo,
  ToolResult,
} from '@plexmcp/plex-tools';

export const LIBRARY_TEMPLATE = 'plex://library/{id}';
export const ITEM_TEMPLATE = 'plex://item/{id}';
const JSON_TYPE = 'application/json';

/** What reading Plex's resources needs. */
export interface PlexResourceOptions {
  plex: PlexClient;
  config: ToolConfig;
  /** The tools the reader may call: a resource is readable only through one of them. */
  tools: ReadonlyMap<string, AnyTool>;
  run: (tool: AnyTool, args: unknown, ctx: CallContext) => Promise<ToolResult>;
}

/** A resource as listed. */
export interface PlexResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
}

/** The two resource templates. */
export const PLEX_RESOURCE_TEMPLATES = [
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
] as const;

/** Listing (and completion) needs `library_list`: without it nothing is listed. */
export function canListResources(options: PlexResourceOptions): boolean {
  return options.tools.has('library_list');
}

/**
 * One resource per library. Reads the library list straight from Plex (one request, the cost of
 * library_list without counts): the rate limit and the Plex client's cap bound it.
 */
export async function listPlexResources(
  options: PlexResourceOptions,
  signal: AbortSignal,
): Promise<PlexResource[]> {
  if (!canListResources(options)) return [];
  const libraries = await options.plex.libraries.list({ signal });
  return libraries.map((library) => ({
    uri: `plex://library/${library.id}`,
    name: library.title,
    title: `${library.title} (${library.type} library)`,
    description: `The "${library.title}" library: details, settings and counts.`,
    mimeType: JSON_TYPE,
  }));
}

/** A read that failed: `refused` when the reader may not call a tool the resource needs. */
export type ResourceFailure = ToolErrorInfo & { source: 'uri' | 'refused' | 'tool' };

/** A resource's JSON contents, or why not. */
export type ResourceRead =
  | { ok: true; contents: { uri: string; mimeType: string; text: string }[] }
  | { ok: false; error: ResourceFailure };

/**
 * Reads `plex://library/{id}` (details and counts; the id may also be a library name) or
 * `plex://item/{id}` (media_get_details' projection) through the tools, so the JSON matches what
 * tools answer and a reader whose tools leave one out cannot read around it.
 */
export async function readPlexResource(
  options: PlexResourceOptions,
  uri: string,
  signal: AbortSignal,
): Promise<ResourceRead> {
  const fail = (source: ResourceFailure['source'], code: ToolErrorInfo['code'], message: string) =>
    ({ ok: false, error: { code, message, source } }) as const;
  const match = /^plex:\/\/(library|item)\/([^/?#]+)$/.exec(uri);
  const kind = match?.[1];
  const id = match?.[2] === undefined ? undefined : safeDecode(match[2]);
  if (!kind || !id) {
    return fail(
      'uri',
      'NOT_FOUND',
      `Unknown resource ${uri}: use plex://library/{id} or plex://item/{id} (resources/templates/list).`,
    );
  }
  const call = async (name: string, args: Record<string, unknown>) => {
    const tool = options.tools.get(name);
    if (!tool) {
      return fail(
        'refused',
        'FORBIDDEN',
        `${uri}: this session may not read it: its API key's scopes or the server's toolsets leave out ${name}.`,
      );
    }
    const result = await options.run(tool, args, {
      plex: options.plex,
      config: options.config,
      signal,
    });
    if (!result.ok) {
      return { ok: false, error: { ...result.error, source: 'tool' } } as const;
    }
    return { ok: true, data: result.data } as const;
  };
  let data: Record<string, unknown>;
  if (kind === 'library') {
    // The library tools take one `library` input: an id first, then an exact name.
    const address = { library: id };
    const details = await call('library_get_details', address);
    if (!details.ok) return details;
    const stats = await call('library_get_stats', address);
    if (!stats.ok) return stats;
    data = { ...details.data, stats: stats.data };
  } else {
    if (!/^\d+$/.test(id)) {
      return fail(
        'uri',
        'NOT_FOUND',
        `Unknown resource ${uri}: an item id is a numeric ratingKey (media_search finds one).`,
      );
    }
    const details = await call('media_get_details', { media: id });
    if (!details.ok) return details;
    data = details.data;
  }
  return { ok: true, contents: [{ uri, mimeType: JSON_TYPE, text: JSON.stringify(data) }] };
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
