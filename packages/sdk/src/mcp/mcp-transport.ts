import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { failure, networkFailure, serverAddress } from '../failures.js';
import type {
  CallFailure,
  CallResult,
  ErrorCode,
  ToolImage,
  ToolInfo,
  Transport,
} from '../types.js';
import type { McpSdk } from './load-sdk.js';

/** Tool calls, listing and pings over a connected MCP client, answered as `CallResult`s. */
export function mcpTransport(
  { McpError, RpcErrorCode, StreamableHTTPError }: McpSdk,
  client: Client,
  url: URL,
  timeoutMs: number,
): Transport {
  const where = serverAddress(url);

  function thrown(error: unknown, ms: number, signal: AbortSignal | undefined) {
    // The transport's HTTP errors carry the status as `code`: a running server refused.
    if (error instanceof StreamableHTTPError && !signal?.aborted) {
      return httpRefusal(error.code, where);
    }
    if (error instanceof McpError) {
      if (error.code === RpcErrorCode.RequestTimeout && !signal?.aborted) {
        return networkFailure({ name: 'TimeoutError' }, where, ms, signal);
      }
      if (error.code === RpcErrorCode.InvalidParams) {
        // The server refuses tools it does not serve as a protocol error; REST says NOT_FOUND.
        // The message arrives prefixed "MCP error -32602: " once by each side.
        const code = /Unknown tool/.test(error.message) ? 'NOT_FOUND' : 'INVALID_INPUT';
        return failure(code, withoutRpcPrefix(error.message));
      }
      if (!signal?.aborted) {
        return failure('INTERNAL', withoutRpcPrefix(error.message), { rpc_code: error.code });
      }
    }
    return networkFailure(error, where, ms, signal);
  }

  return {
    async call(name, args, options) {
      const ms = options.timeoutMs ?? timeoutMs;
      let result: Awaited<ReturnType<Client['callTool']>>;
      try {
        result = await client.callTool(
          { name, arguments: args as Record<string, unknown> },
          undefined,
          {
            timeout: ms,
            resetTimeoutOnProgress: true,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onProgress
              ? {
                  onprogress: ({ progress, total, message }) =>
                    options.onProgress?.({
                      progress,
                      ...(total !== undefined ? { total } : {}),
                      ...(message !== undefined ? { message } : {}),
                    }),
                }
              : {}),
          },
        );
      } catch (error) {
        return thrown(error, ms, options.signal);
      }
      return toCallResult(result);
    },
    async listTools(): Promise<CallResult<ToolInfo[]>> {
      try {
        const { tools } = await client.listTools(undefined, { timeout: timeoutMs });
        return {
          data: tools.map((tool) => ({
            name: tool.name,
            ...(tool.title !== undefined ? { title: tool.title } : {}),
            ...(tool.description !== undefined ? { description: tool.description } : {}),
            parameters: tool.inputSchema,
            ...(tool.outputSchema ? { output_schema: tool.outputSchema } : {}),
            ...(tool.annotations ? { annotations: tool.annotations } : {}),
          })),
        };
      } catch (error) {
        return thrown(error, timeoutMs, undefined);
      }
    },
    async health() {
      try {
        await client.ping({ timeout: timeoutMs });
        return { data: { status: 'ok' } };
      } catch (error) {
        return thrown(error, timeoutMs, undefined);
      }
    },
  };
}

/** The message without the "MCP error -32602: " each side of the wire prefixes. */
function withoutRpcPrefix(message: string): string {
  return message.replace(/^(?:MCP error -?\d+: )+/, '');
}

/** The details a plexmcp server puts beside an error (`_meta['plexmcp/error']`), if any. */
function errorDetails(meta: unknown): Record<string, unknown> | null {
  const error = (meta as Record<string, { details?: unknown }> | undefined)?.['plexmcp/error'];
  const details = error?.details;
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)
    : null;
}

/** What each HTTP status the MCP endpoint can refuse a request with means for the caller. */
const REFUSALS: Record<number, [ErrorCode, string]> = {
  401: ['UNAUTHORIZED', 'The API key is missing or no longer valid (HTTP 401).'],
  403: ['FORBIDDEN', 'The server refused this request (HTTP 403): a scope or host check.'],
  404: [
    'SESSION_EXPIRED',
    'The server no longer knows this session (it closes idle sessions and forgets them when it restarts): connect again with connectPlexMcpClient.',
  ],
  429: ['RATE_LIMITED', 'Too many requests for this key (HTTP 429): slow down and try again.'],
};

/** A refusal by HTTP status, with what it means for the caller. */
function httpRefusal(status: number | undefined, where: string): CallFailure {
  const [code, message] = (status !== undefined && REFUSALS[status]) || [
    'HTTP_ERROR',
    `Got HTTP ${status} from ${where}.`,
  ];
  return failure(code, message, { status: status ?? null });
}

type ContentBlock = { type: string; text?: string; data?: string; mimeType?: string };

/** Success: structured content (or the JSON text block) plus images. Failure: "CODE: message". */
function toCallResult(result: Record<string, unknown>) {
  const content = (Array.isArray(result.content) ? result.content : []) as ContentBlock[];
  const text = content.find((block) => block.type === 'text')?.text ?? '';
  if (result.isError) {
    const match = /^([A-Z][A-Z_]*): ([\s\S]*)$/.exec(text);
    if (!match?.[1] || match[2] === undefined) {
      return failure('INTERNAL', text || 'The tool failed without saying why.');
    }
    // A tool's UNAUTHORIZED is Plex refusing the server's token; REST calls it PLEX_UNAUTHORIZED,
    // and so does this client, so that it never reads as the caller's own key failing.
    const code = match[1] === 'UNAUTHORIZED' ? 'PLEX_UNAUTHORIZED' : match[1];
    return failure(code, match[2], errorDetails(result._meta));
  }
  const images: ToolImage[] = content
    .filter((block) => block.type === 'image' && block.data && block.mimeType)
    .map((block) => ({ mimeType: block.mimeType as string, data: block.data as string }));
  let data = result.structuredContent;
  if (data === undefined) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  return { data, ...(images.length > 0 ? { images } : {}) } as CallResult<unknown>;
}
