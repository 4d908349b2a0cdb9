import { checkedApiKey, checkedBaseUrl, checkedFetch, checkedTimeout } from '../checks.js';
import type { PlexTools } from '../generated/tools.js';
import type { ToolMap } from '../types.js';
import { checkedRetry, idSegment, objectArg } from './checks.js';
import { pagesOf } from './pages.js';
import { type PlatformCall, platformRequester } from './platform-request.js';
import type {
  PageQuery,
  PageResult,
  PlatformMcp,
  PlatformResult,
  PlexMcpPlatform,
  PlexMcpPlatformOptions,
  RequestOptions,
  UnknownTools,
} from './types.js';

/** Default per-request timeout, as the REST client's. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A typed client for the PlexMCP platform API (`/v1`): MCPs, invoke, resources, API keys, the
 * organization and its members, usage. `T` types `invoke` (this SDK's Plex tools by default).
 * Throws only for misuse (a bad URL, key or option); failed requests answer `{ error }`.
 */
export function createPlexMcpPlatform<T extends ToolMap<T> = PlexTools>(
  options: PlexMcpPlatformOptions,
): PlexMcpPlatform<T> {
  const send = platformRequester({
    baseUrl: apiBase(options.baseUrl),
    apiKey: checkedApiKey(options.apiKey),
    fetch: checkedFetch(options.fetch ?? globalThis.fetch),
    timeoutMs: checkedTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    retryOnRateLimit: checkedRetry(options.retryOnRateLimit),
  });

  // Every method is one of these two shapes; the generated types say what `data` holds.
  const one = <D>(call: PlatformCall, callOptions?: RequestOptions) =>
    send(call, callOptions) as Promise<PlatformResult<D>>;
  const list =
    <I, Q extends PageQuery = PageQuery>(path: string) =>
    (query?: Q, callOptions?: RequestOptions) =>
      send({ method: 'GET', path, query: { ...query } }, callOptions) as Promise<PageResult<I>>;

  const invokeOn = (method: string, mcpId: string, tool: unknown, args = {}, callOptions = {}) => {
    idSegment(method, mcpId);
    if (typeof tool !== 'string' || tool === '') {
      throw new TypeError(`${method}: tool must be a tool name such as "media_search".`);
    }
    return one(
      {
        method: 'POST',
        path: 'mcp/invoke',
        body: { mcp_id: mcpId, tool, arguments: objectArg(method, 'args', args) },
      },
      callOptions,
    );
  };

  const mcps = {
    list: list('mcps'),
    iterate: (query: PageQuery = {}, callOptions?: RequestOptions) =>
      pagesOf((page) => mcps.list(page, callOptions), query),
    get: (id: string, callOptions?: RequestOptions) =>
      one({ method: 'GET', path: `mcps/${idSegment('mcps.get', id)}` }, callOptions),
    create: (body: object, callOptions?: RequestOptions) =>
      one(
        { method: 'POST', path: 'mcps', body: objectArg('mcps.create', 'body', body) },
        callOptions,
      ),
    update: (id: string, body: object, callOptions?: RequestOptions) =>
      one(
        {
          method: 'PATCH',
          path: `mcps/${idSegment('mcps.update', id)}`,
          body: objectArg('mcps.update', 'body', body),
        },
        callOptions,
      ),
    remove: (id: string, callOptions?: RequestOptions) =>
      one({ method: 'DELETE', path: `mcps/${idSegment('mcps.remove', id)}` }, callOptions),
    tools: (id: string, callOptions?: RequestOptions) =>
      one({ method: 'GET', path: `mcps/${idSegment('mcps.tools', id)}/tools` }, callOptions),
  };

  const apiKeys = {
    list: list('api-keys'),
    iterate: (query: PageQuery = {}, callOptions?: RequestOptions) =>
      pagesOf((page) => apiKeys.list(page, callOptions), query),
    create: (body: object, callOptions?: RequestOptions) =>
      one(
        { method: 'POST', path: 'api-keys', body: objectArg('apiKeys.create', 'body', body) },
        callOptions,
      ),
    revoke: (id: string, callOptions?: RequestOptions) =>
      one({ method: 'DELETE', path: `api-keys/${idSegment('apiKeys.revoke', id)}` }, callOptions),
  };

  const members = {
    list: list('organization/members'),
    iterate: (query: PageQuery = {}, callOptions?: RequestOptions) =>
      pagesOf((page) => members.list(page, callOptions), query),
    add: (body: object, callOptions?: RequestOptions) =>
      one(
        {
          method: 'POST',
          path: 'organization/members',
          body: objectArg('organization.members.add', 'body', body),
        },
        callOptions,
      ),
    remove: (id: string, callOptions?: RequestOptions) =>
      one(
        {
          method: 'DELETE',
          path: `organization/members/${idSegment('organization.members.remove', id)}`,
        },
        callOptions,
      ),
  };

  const usage = {
    get: (callOptions?: RequestOptions) => one({ method: 'GET', path: 'usage' }, callOptions),
    history: list('usage/history'),
    iterateHistory: (query: PageQuery = {}, callOptions?: RequestOptions) =>
      pagesOf((page) => usage.history(page, callOptions), query),
  };

  return {
    mcps,
    invoke: (mcpId: string, tool: unknown, args?: object, callOptions?: RequestOptions) =>
      invokeOn('invoke', mcpId, tool, args, callOptions),
    mcp: (id: string): PlatformMcp<UnknownTools> => {
      idSegment('mcp', id);
      return {
        id,
        invoke: ((tool: string, args?: object, callOptions?: RequestOptions) =>
          invokeOn(
            'mcp(id).invoke',
            id,
            tool,
            args,
            callOptions,
          )) as PlatformMcp<UnknownTools>['invoke'],
        tools: (callOptions) => mcps.tools(id, callOptions) as never,
      };
    },
    resources: {
      list: (mcpId: string, callOptions?: RequestOptions) =>
        one(
          {
            method: 'POST',
            path: 'mcp/resources',
            body: { mcp_id: idChecked('resources.list', mcpId) },
          },
          callOptions,
        ),
      read: (mcpId: string, uri: string, callOptions?: RequestOptions) =>
        one(
          {
            method: 'POST',
            path: 'mcp/resources',
            body: { mcp_id: idChecked('resources.read', mcpId), uri: uriChecked(uri) },
          },
          callOptions,
        ),
    },
    apiKeys,
    organization: {
      get: (callOptions?: RequestOptions) =>
        one({ method: 'GET', path: 'organization' }, callOptions),
      members,
    },
    usage,
  } as unknown as PlexMcpPlatform<T>;
}

/** An id sent in a body: checked like one in a path, sent as it is. */
function idChecked(method: string, id: string): string {
  idSegment(method, id);
  return id;
}

/** A resource URI: a non-empty string. */
function uriChecked(uri: unknown): string {
  if (typeof uri !== 'string' || uri === '') {
    throw new TypeError('resources.read: uri must be a resource URI such as "plex://library/1".');
  }
  return uri;
}

/** The API's base URL: the server's, with `/v1/` added unless it already ends with it. */
function apiBase(baseUrl: string | URL): URL {
  const url = checkedBaseUrl(baseUrl);
  return url.pathname.endsWith('/v1/') ? url : new URL('v1/', url);
}
