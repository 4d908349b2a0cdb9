import { checkedApiKey, checkedBaseUrl, checkedFetch, checkedTimeout } from '../checks.js';
import type { PlexTools } from '../generated/tools.js';
import type { ToolMap } from '../types.js';
import { checkedRetry, idSegment, objectArg } from './checks.js';
import { pagesOf } from './pages.js';
import { type PlatformCall, platformRequester } from './platform-request.js';
import type {
  PageQuery,
  PlexMcpPlatform,
  PlexMcpPlatformOptions,
  RequestOptions,
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

  // The plumbing below is untyped on purpose: each method is one request, and the
  // PlexMcpPlatform interface (built on the generated /v1 types) is laid over it at the end.
  type Opts = RequestOptions | undefined;
  const request = (call: PlatformCall, opts: Opts) => send(call, opts);
  const posted = (method: string, path: string, body: object, opts: Opts) =>
    request({ method: 'POST', path, body: objectArg(method, 'body', body) }, opts);
  const list = (path: string) => (query: PageQuery | undefined, opts: Opts) =>
    request({ method: 'GET', path, query: { ...query } }, opts);
  const pages = (listed: ReturnType<typeof list>) => (query: PageQuery | undefined, opts: Opts) =>
    pagesOf((page) => listed(page, opts), query ?? {});

  const invokeOn = (method: string, mcpId: string, tool: unknown, args: object, opts: Opts) => {
    idSegment(method, mcpId);
    if (typeof tool !== 'string' || tool === '') {
      throw new TypeError(`${method}: tool must be a tool name such as "media_search".`);
    }
    const body = { mcp_id: mcpId, tool, arguments: objectArg(method, 'args', args) };
    return request({ method: 'POST', path: 'mcp/invoke', body }, opts);
  };
  const toolsOf = (method: string, id: string, opts: Opts) =>
    request({ method: 'GET', path: `mcps/${idSegment(method, id)}/tools` }, opts);

  const mcpList = list('mcps');
  const keyList = list('api-keys');
  const memberList = list('organization/members');
  const history = list('usage/history');

  const platform = {
    mcps: {
      list: mcpList,
      iterate: pages(mcpList),
      get: (id: string, opts: Opts) =>
        request({ method: 'GET', path: `mcps/${idSegment('mcps.get', id)}` }, opts),
      create: (body: object, opts: Opts) => posted('mcps.create', 'mcps', body, opts),
      update: (id: string, body: object, opts: Opts) =>
        request(
          {
            method: 'PATCH',
            path: `mcps/${idSegment('mcps.update', id)}`,
            body: objectArg('mcps.update', 'body', body),
          },
          opts,
        ),
      remove: (id: string, opts: Opts) =>
        request({ method: 'DELETE', path: `mcps/${idSegment('mcps.remove', id)}` }, opts),
      tools: (id: string, opts: Opts) => toolsOf('mcps.tools', id, opts),
    },
    invoke: (mcpId: string, tool: unknown, args: object = {}, opts: Opts = undefined) =>
      invokeOn('invoke', mcpId, tool, args, opts),
    mcp: (id: string) => {
      idSegment('mcp', id);
      return {
        id,
        invoke: (tool: unknown, args: object = {}, opts: Opts = undefined) =>
          invokeOn('mcp(id).invoke', id, tool, args, opts),
        tools: (opts: Opts) => toolsOf('mcp(id).tools', id, opts),
      };
    },
    resources: {
      list: (mcpId: string, opts: Opts) =>
        posted(
          'resources.list',
          'mcp/resources',
          { mcp_id: idChecked('resources.list', mcpId) },
          opts,
        ),
      read: (mcpId: string, uri: string, opts: Opts) =>
        posted(
          'resources.read',
          'mcp/resources',
          { mcp_id: idChecked('resources.read', mcpId), uri: uriChecked(uri) },
          opts,
        ),
    },
    apiKeys: {
      list: keyList,
      iterate: pages(keyList),
      create: (body: object, opts: Opts) => posted('apiKeys.create', 'api-keys', body, opts),
      revoke: (id: string, opts: Opts) =>
        request({ method: 'DELETE', path: `api-keys/${idSegment('apiKeys.revoke', id)}` }, opts),
    },
    organization: {
      get: (opts: Opts) => request({ method: 'GET', path: 'organization' }, opts),
      members: {
        list: memberList,
        iterate: pages(memberList),
        add: (body: object, opts: Opts) =>
          posted('organization.members.add', 'organization/members', body, opts),
        update: (id: string, body: object, opts: Opts) =>
          request(
            {
              method: 'PATCH',
              path: `organization/members/${idSegment('organization.members.update', id)}`,
              body: objectArg('organization.members.update', 'body', body),
            },
            opts,
          ),
        remove: (id: string, opts: Opts) =>
          request(
            {
              method: 'DELETE',
              path: `organization/members/${idSegment('organization.members.remove', id)}`,
            },
            opts,
          ),
      },
    },
    usage: {
      get: (opts: Opts) => request({ method: 'GET', path: 'usage' }, opts),
      history,
      iterateHistory: pages(history),
    },
  };
  return platform as unknown as PlexMcpPlatform<T>;
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
