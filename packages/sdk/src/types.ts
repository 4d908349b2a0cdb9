/** What one tool takes and answers. */
export interface ToolShape {
  input: unknown;
  output: unknown;
}

/**
 * A map from tool name to its shape, as `plexmcp-codegen` generates it. Written as a mapped
 * constraint (not `Record<string, ToolShape>`) so generated interfaces satisfy it.
 */
export type ToolMap<T> = { [K in keyof T]: ToolShape };

/** The tool names of a map. */
export type ToolName<T> = Extract<keyof T, string>;

/** The arguments a tool takes. */
export type ToolInput<T, K extends keyof T> = T[K] extends { input: infer I } ? I : never;

/** What a tool answers on success. */
export type ToolOutput<T, K extends keyof T> = T[K] extends { output: infer O } ? O : never;

/** Arguments then options; the arguments may be left out when the tool requires none. */
export type CallArgs<I, O = CallOptions> =
  Record<never, never> extends I ? [args?: I, options?: O] : [args: I, options?: O];

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the result is then a `CANCELLED` error. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number | undefined;
  /** Progress from long-running tools (MCP transport only; REST answers once). */
  onProgress?: ((progress: ToolProgress) => void) | undefined;
}

/** A progress notification from a running tool. */
export interface ToolProgress {
  progress: number;
  total?: number;
  message?: string;
}

/**
 * Error codes: the tools' closed set, plus those this client adds when it cannot get a tool's
 * answer at all. A newer server may send codes not listed here, hence the open string.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'AMBIGUOUS'
  | 'INVALID_INPUT'
  | 'CONFIRMATION_REQUIRED'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'PLEX_UNREACHABLE'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  | 'PLEX_ERROR'
  | 'INTERNAL'
  /**
   * Plex refused the server's own token (REST answers 502). Not the caller's key: that is
   * UNAUTHORIZED. The server's operator must renew PLEX_TOKEN.
   */
  | 'PLEX_UNAUTHORIZED'
  /** The plexmcp server itself could not be reached. */
  | 'SERVER_UNREACHABLE'
  /** The answer was not what a plexmcp server sends (a proxy's error page, say). */
  | 'INVALID_RESPONSE'
  /** An HTTP failure without a plexmcp error body. */
  | 'HTTP_ERROR'
  /** The caller's signal aborted the call. */
  | 'CANCELLED'
  /** The MCP session is gone (idle too long, or the server restarted): connect again. */
  | 'SESSION_EXPIRED'
  | (string & {});

/** Why a call failed, with what to do next in `message`. */
export interface ToolCallError {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown> | null;
}

/** An image a tool answered with (posters, artwork). */
export interface ToolImage {
  mimeType: string;
  /** Base64-encoded bytes. */
  data: string;
}

/** A successful call. */
export interface CallSuccess<O> {
  data: O;
  /** Present when the tool answered with images. */
  images?: ToolImage[];
  error?: undefined;
}

/** A failed call. */
export interface CallFailure {
  error: ToolCallError;
  data?: undefined;
}

/** Either the tool's output or why there is none; narrow with `if (result.error)`. */
export type CallResult<O> = CallSuccess<O> | CallFailure;

/** A tool as the server lists it (REST `/tools` shape; MCP listings are mapped onto it). */
export interface ToolInfo {
  name: string;
  title?: string;
  description?: string;
  /** Input JSON Schema. */
  parameters: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  /** `read`, `write` or `delete` (REST listings only). */
  access?: string;
  /** The tool's module, e.g. `media` (REST listings only). */
  module?: string;
}

/** What `health()` answers. */
export interface Health {
  status: string;
}

/** A typed client for a plexmcp server; `T` is the tool map (the built-in one by default). */
export interface PlexMcpClient<T extends ToolMap<T>> {
  /** Calls a tool. Never throws for tool or network failures: they come back as `{ error }`. */
  call<K extends ToolName<T>>(
    name: K,
    ...rest: CallArgs<ToolInput<T, K>>
  ): Promise<CallResult<ToolOutput<T, K>>>;
  /** One typed function per tool: `client.tools.media_search({ query })`. */
  readonly tools: {
    readonly [K in ToolName<T>]: (
      ...rest: CallArgs<ToolInput<T, K>>
    ) => Promise<CallResult<ToolOutput<T, K>>>;
  };
  /** The tools this caller may use, as the server lists them. */
  listTools(): Promise<CallResult<ToolInfo[]>>;
  /** Whether the server answers. */
  health(): Promise<CallResult<Health>>;
}

/** The wire under a client: REST by default, MCP from `@plexmcp/sdk/mcp`. */
export interface Transport {
  call(name: string, args: object, options: CallOptions): Promise<CallResult<unknown>>;
  listTools(): Promise<CallResult<ToolInfo[]>>;
  health(): Promise<CallResult<Health>>;
}
