import { failure, serverAddress } from './failures.js';
import { requestJson } from './json-request.js';
import type {
  CallOptions,
  CallResult,
  Health,
  ToolCallError,
  ToolInfo,
  Transport,
} from './types.js';

/** How the REST transport reaches the server. */
export interface RestTransportOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:3001`. */
  baseUrl: URL;
  apiKey?: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** The body of `POST /tools/call` and every REST error. */
interface RestBody {
  success?: boolean;
  result?: unknown;
  error?: ToolCallError | null;
  images?: { mime_type: string; data: string }[];
}

/** Talks to `/tools`, `/tools/call` and `/health` with nothing but `fetch`. */
export function restTransport(options: RestTransportOptions): Transport {
  const where = serverAddress(options.baseUrl);

  function request(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown },
    callOptions: CallOptions = {},
  ) {
    return requestJson({
      fetch: options.fetch,
      url: new URL(path, options.baseUrl),
      ...init,
      apiKey: options.apiKey,
      timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
      signal: callOptions.signal,
      where,
    });
  }

  /** The payload of a 2xx answer, or the server's error, or a generic HTTP failure. */
  async function get<T>(path: string): Promise<CallResult<T>> {
    const answer = await request(path, { method: 'GET' });
    if (answer.error) return answer;
    const { status, body } = answer.data;
    if (status >= 200 && status < 300) return { data: body as T };
    return errorOf(status, body);
  }

  function errorOf(status: number, body: unknown): CallResult<never> {
    const error = (body as RestBody | null)?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return {
        error: { code: error.code, message: error.message, details: error.details ?? null },
      };
    }
    return failure('HTTP_ERROR', `Got HTTP ${status} without a plexmcp error body from ${where}.`);
  }

  return {
    async call(name, args, callOptions) {
      const answer = await request(
        'tools/call',
        { method: 'POST', body: { tool_name: name, arguments: args } },
        callOptions,
      );
      if (answer.error) return answer;
      const { status, body } = answer.data;
      const rest = body as RestBody;
      if (status >= 200 && status < 300 && rest?.success === true) {
        return {
          data: rest.result,
          ...(rest.images
            ? {
                images: rest.images.map((image) => ({
                  mimeType: image.mime_type,
                  data: image.data,
                })),
              }
            : {}),
        };
      }
      return errorOf(status, body);
    },
    listTools: () => get<ToolInfo[]>('tools'),
    health: () => get<Health>('health'),
  };
}
