import { checkedTimeout } from '../checks.js';
import { serverAddress } from '../failures.js';
import { type JsonAnswer, requestJson } from '../json-request.js';
import type { CallFailure } from '../types.js';
import { rateLimitOf, rateLimitWaitMs, retryAfterOf, sleep } from './rate-limit.js';
import type { PageResult, PlatformFailure, RequestOptions } from './types.js';

/** How the platform client reaches `/v1`. */
export interface PlatformRequestOptions {
  /** The API's base, ending in `/v1/`. */
  baseUrl: URL;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retryOnRateLimit?: { maxWaitMs: number; maxRetries: number } | undefined;
}

/** One request: its method, its path under `/v1/`, and a query or a JSON body. */
export interface PlatformCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined> | undefined;
  body?: unknown;
}

/** Sends a request and answers the envelope's data (and pagination), or why there is none. */
export type SendPlatform = (
  call: PlatformCall,
  options: RequestOptions | undefined,
) => Promise<PageResult<unknown>>;

/** The `/v1` envelope: `{ success, data, pagination? }` or `{ success: false, error }`. */
interface Envelope {
  success?: unknown;
  data?: unknown;
  pagination?: unknown;
  error?: { code?: unknown; message?: unknown; details?: unknown } | null;
}

/**
 * The platform's request pipeline over the shared JSON request: the envelope unwrapped, errors
 * with the platform's lower-case code and the HTTP status, the `X-RateLimit-*` figures on every
 * result, and the opt-in wait-and-retry on `rate_limited`.
 */
export function platformRequester(options: PlatformRequestOptions): SendPlatform {
  const where = serverAddress(options.baseUrl);

  async function once(call: PlatformCall, callOptions: RequestOptions) {
    const url = new URL(call.path, options.baseUrl);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const answer = await requestJson({
      fetch: options.fetch,
      url,
      method: call.method,
      body: call.body,
      apiKey: options.apiKey,
      timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
      signal: callOptions.signal,
      where,
    });
    return answer.error ? withoutAnswer(answer) : unwrapped(answer.data);
  }

  function unwrapped({ status, headers, body }: JsonAnswer): PageResult<unknown> {
    const envelope = (body ?? {}) as Envelope;
    const rateLimit = rateLimitOf(headers);
    const figures = rateLimit ? { rateLimit } : {};
    if (status >= 200 && status < 300 && envelope.success === true) {
      return {
        data: envelope.data,
        ...(envelope.pagination ? { pagination: envelope.pagination } : {}),
        ...figures,
      } as PageResult<unknown>;
    }
    const error = envelope.error;
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
      return {
        error: {
          code: 'http_error',
          message: `Got HTTP ${status} without a platform error body from ${where}.`,
          details: null,
          status,
        },
        ...figures,
      };
    }
    const retryAfter = status === 429 ? retryAfterOf(headers) : undefined;
    return {
      error: {
        code: error.code,
        message: error.message,
        details: (error.details as Record<string, unknown> | null | undefined) ?? null,
        status,
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      },
      ...figures,
    };
  }

  async function withRetries(call: PlatformCall, callOptions: RequestOptions) {
    const retry = options.retryOnRateLimit;
    for (let attempt = 0; ; attempt++) {
      const result = await once(call, callOptions);
      if (result.error?.code !== 'rate_limited' || !retry || attempt >= retry.maxRetries) {
        return result;
      }
      const waitMs = rateLimitWaitMs(result.error.retryAfter, result.rateLimit);
      if (waitMs > retry.maxWaitMs) return result;
      if (!(await sleep(waitMs, callOptions.signal))) return cancelled();
    }
  }

  return (call, callOptions = {}) => {
    // Misuse throws at the call, not as a rejection.
    if (callOptions.timeoutMs !== undefined) checkedTimeout(callOptions.timeoutMs);
    return withRetries(call, callOptions);
  };
}

/**
 * A request that got no platform answer, in this client's lower-case codes. `INVALID_RESPONSE`
 * (something else answered) keeps the HTTP status it came with.
 */
function withoutAnswer({ error }: CallFailure): PlatformFailure {
  const status = typeof error.details?.status === 'number' ? error.details.status : null;
  return {
    error: { code: error.code.toLowerCase(), message: error.message, details: null, status },
  };
}

function cancelled(): PlatformFailure {
  return {
    error: {
      code: 'cancelled',
      message: 'The request was cancelled by its caller.',
      details: null,
      status: null,
    },
  };
}
