// The platform client's public types. The objects and request bodies of `/v1` are taken from
// src/generated/platform-api.ts (generated from the server's OpenAPI document), never restated.

import type { components, operations } from '../generated/platform-api.js';
import type { CallArgs, ToolInput, ToolMap, ToolName, ToolOutput } from '../types.js';

type Schemas = components['schemas'];

/** The JSON body of an operation's success answer (200, or 201 for creations). */
type SuccessBody<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer B } };
}
  ? B
  : operations[Op]['responses'] extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** The `data` of an operation's success answer. */
type DataOf<Op extends keyof operations> = SuccessBody<Op> extends { data: infer D } ? D : never;

/** An operation's JSON request body. */
type BodyOf<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** An operation's query parameters. */
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** The caller's organization. */
export type Organization = Schemas['Organization'];
/** A member of the organization. */
export type Member = Schemas['Member'];
/** What changing a member's role answers: the member, and how many keys it narrowed or revoked. */
export type ChangedMember = Schemas['ChangedMember'];
/** What removing a member answers (their keys are revoked with them). */
export type RemovedMember = Schemas['RemovedMember'];
/** An API key as listed: never its secret. */
export type ApiKey = Schemas['ApiKey'];
/** A key just created: the one answer that carries its `secret`. */
export type CreatedApiKey = Schemas['CreatedApiKey'];
/** An MCP (tool server) of the organization. */
export type Mcp = Schemas['Mcp'];
/** One MCP with a health probe's `status` and its `tool_count`. */
export type McpDetail = DataOf<'getMcpsId'>;
/** What removing an MCP answers. */
export type DeletedMcp = Schemas['DeletedMcp'];
/** A tool an MCP serves, as `GET /tools` lists it. */
export type McpTool = Schemas['Tool'];
/** An MCP's resources and resource templates. */
export type ResourceList = Extract<Schemas['ResourcesAnswer'], { resources: unknown }>;
/** The contents of one resource. */
export type ResourceContents = Extract<Schemas['ResourcesAnswer'], { contents: unknown }>;
/** This calendar month's usage of the organization. */
export type Usage = Schemas['Usage'];
/** One hour or day of usage history. */
export type UsagePoint = Schemas['UsagePoint'];
/** Where a list answer is: `page`, `per_page`, `total`, `total_pages`. */
export type Pagination = Schemas['Pagination'];

/** `mcps.create`: a Plex server (`kind: 'plex'`) or another MCP server (`kind: 'remote'`). */
export type CreateMcpBody = Schemas['CreateMcpBody'];
/** `mcps.update`: only the fields sent change; `null` removes a token, headers or toolsets. */
export type UpdateMcpBody = Omit<Schemas['UpdateMcpBody'], 'kind'> & {
  /** The kind never changes. */
  kind?: never;
};
/** `apiKeys.create`. */
export type CreateApiKeyBody = BodyOf<'postApiKeys'>;
/** `organization.members.add`. */
export type AddMemberBody = BodyOf<'postOrganizationMembers'>;
/** `organization.members.update`: the member's new role. */
export type UpdateMemberBody = BodyOf<'patchOrganizationMembersId'>;
/** Which page of a list: `page` from 1, `per_page` 1 to 100 (default 20). */
export type PageQuery = QueryOf<'getMcps'>;
/** `usage.history`: `granularity` (`hour` or `day`), `from`, `to`, `mcp_id`, `key_id`, `tool`, paging. */
export type UsageHistoryQuery = QueryOf<'getUsageHistory'>;

/**
 * Error codes: the platform's (lower-case snake case), plus those this client adds when no
 * platform answer arrived. A newer server may send codes not listed here, hence the open string.
 */
export type PlatformErrorCode =
  | 'invalid_request'
  | 'ambiguous'
  | 'confirmation_required'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal_error'
  | 'upstream_unauthorized'
  | 'upstream_error'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  /** The server's database is unreachable, or the server is shutting down: retry (Retry-After). */
  | 'service_unavailable'
  /** The server did not answer at all. */
  | 'server_unreachable'
  /** No answer within the timeout. */
  | 'timeout'
  /** The caller's signal aborted the request. */
  | 'cancelled'
  /** The answer was not JSON (a proxy's error page, say). */
  | 'invalid_response'
  /** An HTTP failure without a platform error body. */
  | 'http_error'
  | (string & {});

/** The `X-RateLimit-*` figures of an answer. */
export interface RateLimit {
  /** Requests allowed per window (the plan's per-second limit). */
  limit: number;
  /** Requests left in this window. */
  remaining: number;
  /** When the window resets, as a Unix timestamp in seconds. */
  reset: number;
}

/** Why a platform request failed, with what to do next in `message`. */
export interface PlatformError {
  code: PlatformErrorCode;
  message: string;
  /** invalid_request: `fields` = [{ field, problem }]; ambiguous: `candidates`; else often null. */
  details: Record<string, unknown> | null;
  /** The HTTP status; null when no answer arrived (server_unreachable, timeout, cancelled). */
  status: number | null;
  /** rate_limited: seconds to wait before trying again (`Retry-After`). */
  retryAfter?: number;
}

/** A successful request. */
export interface PlatformSuccess<D> {
  data: D;
  /** The key's rate-limit figures, when the server sent them. */
  rateLimit?: RateLimit;
  error?: undefined;
}

/** A failed request. */
export interface PlatformFailure {
  error: PlatformError;
  /** The key's rate-limit figures, when the server sent them (always on rate_limited). */
  rateLimit?: RateLimit;
  data?: undefined;
  pagination?: undefined;
}

/** Either the answer's data or why there is none; narrow with `if (result.error)`. */
export type PlatformResult<D> = PlatformSuccess<D> | PlatformFailure;

/** One page of a list. */
export interface PageSuccess<I> extends PlatformSuccess<I[]> {
  pagination: Pagination;
}

/** One page of a list, or why there is none. */
export type PageResult<I> = PageSuccess<I> | PlatformFailure;

/**
 * Every page of a list, in order, fetched as it is read. A failed page is yielded as
 * `{ error }` and ends the walk; nothing is thrown.
 */
export type Pages<I> = AsyncGenerator<PageResult<I>, void, undefined>;

/** Per-request options. */
export interface RequestOptions {
  /** Cancels the request (and a rate-limit wait); the result is then a `cancelled` error. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this request (each attempt, when retried). */
  timeoutMs?: number | undefined;
}

/**
 * A tool map for an MCP without generated types: any tool name, arguments as an object, and
 * `unknown` results to check before use (never `any`).
 */
export interface UnknownTools {
  [tool: string]: { input: Record<string, unknown>; output: unknown };
}

/** Arguments then options; the arguments may be left out when the tool requires none. */
export type InvokeArgs<I> = CallArgs<I, RequestOptions>;

/** Invokes a tool of one MCP, typed by the tool map `M`. */
export type Invoke<M extends ToolMap<M>> = <K extends ToolName<M>>(
  tool: K,
  ...rest: InvokeArgs<ToolInput<M, K>>
) => Promise<PlatformResult<ToolOutput<M, K>>>;

/** One MCP, typed by its tool map `M` (`UnknownTools` when none was generated). */
export interface PlatformMcp<M extends ToolMap<M>> {
  readonly id: string;
  /** Calls a tool: `POST /v1/mcp/invoke`. */
  invoke: Invoke<M>;
  /** The tools this key may call on it: `GET /v1/mcps/{id}/tools`. */
  tools(options?: RequestOptions): Promise<PlatformResult<McpTool[]>>;
}

/** Where the platform is, which key to use and how patient to be. */
export interface PlexMcpPlatformOptions {
  /**
   * The server's base URL, e.g. `http://127.0.0.1:3001` (a path prefix behind a proxy is kept);
   * `/v1` is added unless the URL already ends with it.
   */
  baseUrl: string | URL;
  /** A managed API key (`plexmcp_…`) or a configured one. Sent as `Authorization: Bearer`. */
  apiKey: string;
  /** A fetch to use instead of the global one (tests, proxies, custom agents). */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /**
   * Opt-in: on `rate_limited`, wait until the window resets and send the request again, when
   * that wait is at most `maxWaitMs`; at most `maxRetries` times (default 3). A 429 means the
   * server did nothing, so a retried create or revoke cannot happen twice.
   */
  retryOnRateLimit?: { maxWaitMs: number; maxRetries?: number | undefined } | undefined;
}

/** A typed client for the PlexMCP platform API (`/v1`); `T` types `invoke` (Plex tools by default). */
export interface PlexMcpPlatform<T extends ToolMap<T>> {
  /** The organization's MCPs. */
  readonly mcps: {
    list(query?: PageQuery, options?: RequestOptions): Promise<PageResult<Mcp>>;
    iterate(query?: PageQuery, options?: RequestOptions): Pages<Mcp>;
    get(id: string, options?: RequestOptions): Promise<PlatformResult<McpDetail>>;
    create(body: CreateMcpBody, options?: RequestOptions): Promise<PlatformResult<Mcp>>;
    update(id: string, body: UpdateMcpBody, options?: RequestOptions): Promise<PlatformResult<Mcp>>;
    remove(id: string, options?: RequestOptions): Promise<PlatformResult<DeletedMcp>>;
    tools(id: string, options?: RequestOptions): Promise<PlatformResult<McpTool[]>>;
  };
  /**
   * Calls a tool of an MCP, typed by the client's tool map. For an MCP with other tools, pass
   * its map (`invoke<TheirTools>`, or better `mcp<TheirTools>(id)`); `UnknownTools` gives
   * `unknown` results.
   */
  invoke<M extends ToolMap<M> = T, K extends ToolName<M> = ToolName<M>>(
    mcpId: string,
    tool: K,
    ...rest: InvokeArgs<ToolInput<M, K>>
  ): Promise<PlatformResult<ToolOutput<M, K>>>;
  /** One MCP with its own tool map; without one, results are `unknown`. */
  mcp<M extends ToolMap<M> = UnknownTools>(id: string): PlatformMcp<M>;
  /** An MCP's resources. */
  readonly resources: {
    list(mcpId: string, options?: RequestOptions): Promise<PlatformResult<ResourceList>>;
    read(
      mcpId: string,
      uri: string,
      options?: RequestOptions,
    ): Promise<PlatformResult<ResourceContents>>;
  };
  /** The organization's API keys. */
  readonly apiKeys: {
    list(query?: PageQuery, options?: RequestOptions): Promise<PageResult<ApiKey>>;
    iterate(query?: PageQuery, options?: RequestOptions): Pages<ApiKey>;
    create(
      body: CreateApiKeyBody,
      options?: RequestOptions,
    ): Promise<PlatformResult<CreatedApiKey>>;
    revoke(id: string, options?: RequestOptions): Promise<PlatformResult<ApiKey>>;
  };
  /** The caller's organization and its members. */
  readonly organization: {
    get(options?: RequestOptions): Promise<PlatformResult<Organization>>;
    readonly members: {
      list(query?: PageQuery, options?: RequestOptions): Promise<PageResult<Member>>;
      iterate(query?: PageQuery, options?: RequestOptions): Pages<Member>;
      add(body: AddMemberBody, options?: RequestOptions): Promise<PlatformResult<Member>>;
      /**
       * Gives a member another role; keys above it are narrowed (a key left with no scope is
       * revoked). Only an owner makes or unmakes an owner, never the last one.
       */
      update(
        id: string,
        body: UpdateMemberBody,
        options?: RequestOptions,
      ): Promise<PlatformResult<ChangedMember>>;
      remove(id: string, options?: RequestOptions): Promise<PlatformResult<RemovedMember>>;
    };
  };
  /** Usage: this month's totals and the history by hour or day. */
  readonly usage: {
    get(options?: RequestOptions): Promise<PlatformResult<Usage>>;
    history(query?: UsageHistoryQuery, options?: RequestOptions): Promise<PageResult<UsagePoint>>;
    iterateHistory(query?: UsageHistoryQuery, options?: RequestOptions): Pages<UsagePoint>;
  };
}
