import { failure, networkFailure, serverAddress } from './failures.js';
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

  async function request(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown },
    callOptions: CallOptions = {},
  ): Promise<CallResult<{ status: number; body: RestBody | unknown }>> {
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callOptions.signal ? AbortSignal.any([timeout, callOptions.signal]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    // The key travels in a header only, never in the URL.
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(new URL(path, options.baseUrl), {
        method: init.method,
        headers,
        signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      text = await response.text();
    } catch (error) {
      return networkFailure(error, where, timeoutMs, callOptions.signal);
    }
    try {
      return { data: { status: response.status, body: JSON.parse(text) } };
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      return failure(
        'INVALID_RESPONSE',
        `Expected JSON from ${where} but got HTTP ${response.status} with ${type}. Is baseUrl the plexmcp server (not a proxy or another service)?`,
      );
    }
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
