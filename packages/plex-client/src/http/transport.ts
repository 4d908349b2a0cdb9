import ky, { type KyInstance } from 'ky';
import * as v from 'valibot';
import { PlexInvalidResponseError } from '../errors/invalid-response-error.js';
import type { PlexError } from '../errors/plex-error.js';
import { networkCode, type RequestTarget, scrubCause, toPlexError } from './map-error.js';
import { type Query, toSearchParams } from './query.js';
import { redactText, redactUrl } from './redact.js';

/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Which service a request goes to. */
export type Site = 'pms' | 'plexTv';

/** Retry policy for idempotent requests. */
export interface RetryPolicy {
  /** Retries after the first attempt. 0 turns retrying off. */
  limit: number;
  /** Delay before the first retry; doubles each time, with ±50 % jitter. */
  baseDelayMs: number;
  /** Upper bound for one delay. */
  maxDelayMs: number;
}

/** Everything the transport needs; built once by `createPlexClient`. */
export interface TransportOptions {
  /** Server base URLs in order of preference (local, remote, relay). */
  baseUrls: readonly string[];
  plexTvUrl: string;
  /** Undefined only for the plex.tv sign-in transport, which exists to get a token. */
  token: string | undefined;
  /** The X-Plex identity headers. */
  identityHeaders: Record<string, string>;
  timeoutMs: number;
  retry: RetryPolicy;
  fetch?: typeof fetch;
}

/** The window of a paged request. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** One request. */
export interface RequestSpec {
  method?: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Query;
  /**
   * An already-encoded query string appended after `query`, for the few Plex forms whose exact
   * bytes matter (python-plexapi's edit syntax, hub keys that carry their own query).
   */
  rawQuery?: string;
  headers?: Record<string, string>;
  body?: RequestInit['body'];
  site?: Site;
  /** Sends `X-Plex-Container-Start` / `-Size`. */
  page?: PageWindow;
  signal?: AbortSignal;
}

/** Network failures where the request never reached the server, so another URL is safe to try. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Sends requests to Plex through one ky instance: identity headers, token in a header only,
 * timeouts, retries for idempotent requests, failover between base URLs, and errors mapped to
 * `PlexError`s with redacted URLs.
 */
export class Transport {
  private readonly http: KyInstance;
  private readonly baseUrls: readonly string[];
  private active = 0;

  constructor(private readonly options: TransportOptions) {
    if (options.baseUrls.length === 0) throw new Error('at least one base URL is required');
    this.baseUrls = options.baseUrls.map(trimSlash);
    const { retry } = options;
    this.http = ky.create({
      headers: {
        ...options.identityHeaders,
        Accept: 'application/json',
        ...(options.token === undefined ? {} : { 'X-Plex-Token': options.token }),
      },
      timeout: options.timeoutMs,
      throwHttpErrors: true,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      retry: {
        limit: retry.limit,
        // Writes are never retried: Plex may have applied them before the connection failed.
        methods: ['get', 'head'],
        statusCodes: [429, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfter: options.timeoutMs,
        delay: (attempt) => jittered(retry, attempt),
      },
    });
  }

  /** The base URL requests go to now (the last one that answered). */
  get baseUrl(): string {
    return this.baseUrls[this.active] as string;
  }

  /** Sends a request and parses its JSON body with `schema`. */
  async json<S extends v.GenericSchema>(spec: RequestSpec, schema: S): Promise<v.InferOutput<S>> {
    const response = await this.send(spec);
    const text = await response.text();
    const target = this.target(spec, response.url);
    let data: unknown;
    try {
      data = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new PlexInvalidResponseError(
        `${target.site} answered ${target.method} ${target.url} with a body that is not JSON (${describeBody(response, text)}).`,
        {
          ...target,
          status: response.status,
          cause: scrubCause(error, target.secrets),
          path: '',
        },
      );
    }
    return parseWith(schema, data, { ...target, status: response.status });
  }

  /** Sends a request whose answer has no body worth reading (Plex's empty 200s). */
  async empty(spec: RequestSpec): Promise<void> {
    const response = await this.send(spec);
    await response.body?.cancel();
  }

  /** Sends a request and hands back the raw response (images, zip archives, event streams). */
  raw(spec: RequestSpec): Promise<Response> {
    return this.send(spec);
  }

  /** A full URL for `path` on the active server, for callers that must hand a URL out. */
  url(path: string, query?: Query, site: Site = 'pms'): URL {
    const base = site === 'pms' ? this.baseUrl : trimSlash(this.options.plexTvUrl);
    const url = new URL(`${base}${path}`);
    url.search = toSearchParams(query).toString();
    return url;
  }

  /**
   * `url()` with the token in the query. Only for URLs Plex requires it in and that another
   * program must open without our headers (image transcodes, event streams): never log it.
   */
  authenticatedUrl(path: string, query?: Query, site: Site = 'pms'): URL {
    const url = this.url(path, query, site);
    if (this.options.token === undefined)
      throw new Error('this client has no token to put in a URL');
    url.searchParams.set('X-Plex-Token', this.options.token);
    return url;
  }

  private async send(spec: RequestSpec): Promise<Response> {
    if ((spec.site ?? 'pms') === 'plexTv')
      return this.attempt(spec, trimSlash(this.options.plexTvUrl));
    const method = spec.method ?? 'GET';
    const order = this.baseUrls.map((_, i) => (this.active + i) % this.baseUrls.length);
    let firstError: PlexError | undefined;
    for (const index of order) {
      try {
        const response = await this.attempt(spec, this.baseUrls[index] as string);
        this.active = index;
        return response;
      } catch (error) {
        const plexError = error as PlexError;
        firstError ??= plexError;
        if (!canFailOver(plexError, method) || spec.signal?.aborted) throw plexError;
      }
    }
    throw firstError;
  }

  private async attempt(spec: RequestSpec, base: string): Promise<Response> {
    const url = withQuery(`${base}${spec.path}`, spec);
    const method = spec.method ?? 'GET';
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.page) {
      headers['X-Plex-Container-Start'] = String(spec.page.offset);
      headers['X-Plex-Container-Size'] = String(spec.page.limit);
    }
    try {
      return await this.http(url, {
        method,
        headers,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        ...(spec.signal ? { signal: spec.signal } : {}),
      });
    } catch (error) {
      if (spec.signal?.aborted) throw error;
      throw await toPlexError(error, this.target(spec, url));
    }
  }

  private secrets(): string[] {
    return this.options.token === undefined ? [] : [this.options.token];
  }

  private target(spec: RequestSpec, url: string): RequestTarget {
    return {
      method: spec.method ?? 'GET',
      // By name (`X-Plex-Token=`, `token=`) and by value, wherever a caller put it.
      url: redactText(redactUrl(url), this.secrets()),
      site: (spec.site ?? 'pms') === 'pms' ? 'Plex Media Server' : 'plex.tv',
      timeoutMs: this.options.timeoutMs,
      secrets: this.secrets(),
    };
  }
}

/** Parses `data` with a schema, turning failures into an error that names the field path. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  target: RequestTarget & { status?: number },
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '';
  // valibot quotes the received value, which may be a credential the server echoed.
  const problem = redactText(issue.message, target.secrets);
  throw new PlexInvalidResponseError(
    `${target.site} answered ${target.method} ${target.url} with an unexpected shape at ${path || 'the top level'}: ${problem}.`,
    {
      method: target.method,
      url: target.url,
      ...(target.status ? { status: target.status } : {}),
      path,
    },
  );
}

/** `url` with the spec's query and raw query appended. */
function withQuery(url: string, spec: RequestSpec): string {
  const parts = [toSearchParams(spec.query).toString(), spec.rawQuery ?? ''].filter(Boolean);
  if (parts.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

function canFailOver(error: PlexError, method: string): boolean {
  if (error.code === 'TIMEOUT') return method === 'GET';
  if (error.code !== 'UNREACHABLE') return false;
  if (method === 'GET') return true;
  const code = networkCode(error.cause);
  return code !== undefined && NEVER_SENT.has(code);
}

function jittered(retry: RetryPolicy, attempt: number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return exponential * (0.5 + Math.random());
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function describeBody(response: Response, text: string): string {
  const type = response.headers.get('content-type') ?? 'no content type';
  return `${type}, ${text.length} bytes`;
}
