import { failure, networkFailure } from './failures.js';
import type { CallResult } from './types.js';

/** One JSON request to a plexmcp server. */
export interface JsonRequest {
  fetch: typeof fetch;
  url: URL;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON when present. */
  body?: unknown;
  apiKey?: string | undefined;
  timeoutMs: number;
  /** The caller's signal: aborting it answers CANCELLED rather than TIMEOUT. */
  signal?: AbortSignal | undefined;
  /** How errors name the server (see `serverAddress`). */
  where: string;
}

/** What came back: the status, the headers and the parsed JSON body. */
export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Sends one request with nothing but `fetch` and answers the parsed JSON, whatever the status.
 * A request that gets no answer is SERVER_UNREACHABLE, TIMEOUT or CANCELLED; an answer that is
 * not JSON (a proxy's error page) is INVALID_RESPONSE. Shared by the REST and platform clients.
 */
export async function requestJson(request: JsonRequest): Promise<CallResult<JsonAnswer>> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  // The key travels in a header only, never in the URL.
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(request.url, {
      method: request.method,
      headers,
      signal,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    text = await response.text();
  } catch (error) {
    return networkFailure(error, request.where, request.timeoutMs, request.signal);
  }
  try {
    return { data: { status: response.status, headers: response.headers, body: JSON.parse(text) } };
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    return failure(
      'INVALID_RESPONSE',
      `Expected JSON from ${request.where} but got HTTP ${response.status} with ${type}. Is baseUrl the plexmcp server (not a proxy or another service)?`,
      { status: response.status },
    );
  }
}
