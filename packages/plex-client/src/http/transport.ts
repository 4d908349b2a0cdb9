import { setTimeout as sleep } from 'node:timers/promises';
import type { KyInstance, Options as KyOptions } from 'ky';
import * as v from 'valibot';
import { PlexInvalidResponseError } from '../errors/invalid-response-error.js';
import type { PlexError } from '../errors/plex-error.js';
import type { ConcurrencyLimit } from './concurrency.js';
import { trimSlash } from './credentials.js';
import { DirectHttpError, directHeader, sendDirect } from './direct.js';
import { loadKy } from './ky-loader.js';
import { readCapped } from './policy/body-cap.js';
import { classify, networkCode } from './policy/failure.js';
import { type RequestTarget, scrubCause, toPlexError } from './policy/map-error.js';
import { type RetryPolicy, retryDelay } from './policy/retry.js';
import { type Query, toSearchParams } from './query.js';
import { pathOf, redactText, redactUrl } from './redact.js';

export type { RetryPolicy } from './policy/retry.js';

/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Which service a request goes to. */
export type Site = 'pms' | 'plexTv';

/** Everything the transport needs; built once by `createPlexClient`. */
export interface TransportOptions {
  /** Server base URLs in order of preference (local, remote, relay), without credentials. */
  baseUrls: readonly string[];
  plexTvUrl: string;
  /** `Authorization: Basic …` per base URL (and plex.tv URL) whose configured form had credentials. */
  authorizations: ReadonlyMap<string, string>;
  /** Passwords and encoded Basic credentials, masked like the token wherever text is printed. */
  credentialSecrets: readonly string[];
  /** The in-flight cap, shared by every client derived from the one that made it. */
  limit: ConcurrencyLimit;
  /** Undefined only for the plex.tv sign-in transport, which exists to get a token. */
  token: string | undefined;
  /** The X-Plex identity headers. */
  identityHeaders: Record<string, string>;
  timeoutMs: number;
  retry: RetryPolicy;
  /** A fetch to send every request through ky with; without it, bodiless requests go direct. */
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
  /** A long-lived answer read for as long as the caller wants (an event stream); see `send`. */
  stream?: boolean;
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
 * Sends requests to Plex through one of two engines, node:http for bodiless requests and one ky
 * instance for the rest: identity headers, token in a header only, timeouts, retries for
 * idempotent requests (one loop for both engines, rules in `policy/`), failover between base URLs, a cap on requests in
 * flight, and errors mapped to `PlexError`s with redacted URLs.
 */
export class Transport {
  /** The ky instance's settings; the instance itself is made on first use (see `ky()`). */
  private readonly kyOptions: KyOptions;
  private kyInstance: Promise<KyInstance> | undefined;
  private readonly baseUrls: readonly string[];
  /** Identity, Accept and token headers, sent with every request. */
  private readonly headers: Record<string, string>;
  /** What redaction masks: the token and any credentials taken out of the base URLs. */
  private readonly secrets: readonly string[];
  private active = 0;

  constructor(private readonly options: TransportOptions) {
    if (options.baseUrls.length === 0) throw new Error('at least one base URL is required');
    this.baseUrls = options.baseUrls.map(trimSlash);
    this.secrets = [
      ...(options.token === undefined ? [] : [options.token]),
      ...options.credentialSecrets,
    ];
    this.headers = {
      ...options.identityHeaders,
      Accept: 'application/json',
      ...(options.token === undefined ? {} : { 'X-Plex-Token': options.token }),
    };
    this.kyOptions = {
      headers: this.headers,
      timeout: options.timeoutMs,
      throwHttpErrors: true,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      // One try per call: retries are the transport's (`tries`), under the policy both engines share.
      retry: 0,
    };
  }

  /** The client's one ky instance, created when the first request needs it. */
  private ky(): Promise<KyInstance> {
    this.kyInstance ??= loadKy().then((ky) => ky.default.create(this.kyOptions));
    return this.kyInstance;
  }

  /** The base URL requests go to now (the last one that answered). */
  get baseUrl(): string {
    return this.baseUrls[this.active] as string;
  }

  /** Sends a request and parses its JSON body with `schema`. */
  async json<S extends v.GenericSchema>(spec: RequestSpec, schema: S): Promise<v.InferOutput<S>> {
    const response = await this.read(spec);
    const text = response.body;
    let data: unknown;
    try {
      data = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      const target = this.target(spec, response.url);
      throw new PlexInvalidResponseError(
        `${target.site} answered ${target.method} ${pathOf(target.url)} with a body that is not JSON (${response.contentType ?? 'no content type'}, ${text.length} bytes).`,
        {
          ...target,
          status: response.status,
          cause: scrubCause(error, target.secrets),
          path: '',
        },
      );
    }
    // The redacted target is built only for a failure: it parses and rewrites the URL.
    const result = v.safeParse(schema, data);
    if (result.success) return result.output;
    return parseWith(schema, data, { ...this.target(spec, response.url), status: response.status });
  }

  /** Sends a request whose answer has no body worth reading (Plex's empty 200s). */
  async empty(spec: RequestSpec): Promise<void> {
    await this.read(spec);
  }

  /** Sends a request and hands back the raw response (images, zip archives, event streams). */
  raw(spec: RequestSpec): Promise<Response> {
    return this.send(spec, (request) => this.tries(spec, request, () => this.viaKy(spec, request)));
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

  /**
   * Bodiless requests skip ky's per-request Request, AbortSignal and option objects, which on
   * Node 20 cost more CPU than the HTTP exchange itself; both engines share the retry loop, the
   * body cap and the error mapping (`policy/`). A caller-supplied fetch (tests, proxies) always
   * goes through ky.
   */
  private goesDirect(spec: RequestSpec): boolean {
    return spec.body === undefined && this.options.fetch === undefined;
  }

  /** A whole answer, read by the engine that suits the request, retried as the policy says. */
  private read(spec: RequestSpec): Promise<Answer> {
    const direct = this.goesDirect(spec);
    return this.send(spec, (request) =>
      this.tries(spec, request, () =>
        direct ? this.readDirect(spec, request) : this.readKy(spec, request),
      ),
    );
  }

  /**
   * The one loop every request goes through: the concurrency cap, then failover between base
   * URLs; `once` sends the request to one of them.
   */
  private async send<R>(spec: RequestSpec, once: (request: Prepared) => Promise<R>): Promise<R> {
    // Streams skip the cap: their answer never ends, so a slot held while one is read would be
    // held forever (a few subscriptions would starve every other call), and one released at its
    // headers would count an open connection as finished. Callers open few, and on purpose.
    const limit = spec.stream ? undefined : this.options.limit;
    // A free slot is taken without a promise: waiting costs something only at the cap.
    if (limit && !limit.tryAcquire()) await limit.acquire(spec.signal);
    // The slot is held until the answer (its headers for raw, all of it otherwise), retries
    // and failover included: each is one more request at a server that may be under load.
    try {
      if ((spec.site ?? 'pms') === 'plexTv') {
        return await once(this.prepare(spec, trimSlash(this.options.plexTvUrl)));
      }
      const method = spec.method ?? 'GET';
      const order = this.baseUrls.map((_, i) => (this.active + i) % this.baseUrls.length);
      let firstError: PlexError | undefined;
      for (const index of order) {
        try {
          const response = await once(this.prepare(spec, this.baseUrls[index] as string));
          this.active = index;
          return response;
        } catch (error) {
          const plexError = error as PlexError;
          firstError ??= plexError;
          if (!canFailOver(plexError, method) || spec.signal?.aborted) throw plexError;
        }
      }
      throw firstError;
    } finally {
      limit?.release();
    }
  }

  /**
   * Tries one request until it succeeds or `retryDelay` (the policy both engines share) says the
   * failure is final, then maps it to a `PlexError`. An abort ends it with the caller's reason.
   */
  private async tries<R>(spec: RequestSpec, request: Prepared, once: () => Promise<R>): Promise<R> {
    const method = spec.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      try {
        return await once();
      } catch (error) {
        if (spec.signal?.aborted) throw error;
        const wait = retryDelay(classify(error), attempt, method, this.options.retry);
        if (wait === undefined) throw await toPlexError(error, this.target(spec, request.url));
        try {
          await sleep(wait, undefined, spec.signal ? { signal: spec.signal } : {});
        } catch {
          throw spec.signal?.reason ?? error;
        }
      }
    }
  }

  /**
   * One try over node:http(s), the timeout covering the whole answer. Redirects, which fetch
   * follows and node:http does not, are handed to ky for this try.
   */
  private async readDirect(spec: RequestSpec, request: Prepared): Promise<Answer> {
    const response = await sendDirect(request.url, {
      method: spec.method ?? 'GET',
      headers: { ...this.headers, ...request.headers },
      timeoutMs: this.options.timeoutMs,
      signal: spec.signal,
    });
    const { status } = response;
    if (status >= 300 && status < 400 && directHeader(response, 'Location')) {
      return this.readKy(spec, request);
    }
    if (status < 200 || status >= 300) throw new DirectHttpError(response);
    const contentType = directHeader(response, 'content-type');
    return { url: response.url, status, body: response.body, contentType };
  }

  /**
   * One try through ky, its body read under the same cap and the same timeout as the node:http
   * engine's: ky's own timeout ends when the headers arrive, so the body gets what is left.
   */
  private async readKy(spec: RequestSpec, request: Prepared): Promise<Answer> {
    const deadline = Date.now() + this.options.timeoutMs;
    const response = await this.viaKy(spec, request);
    const body = await readCapped(response, deadline);
    const contentType = response.headers.get('content-type');
    return { url: response.url, status: response.status, body, contentType };
  }

  /** One try through the client's ky instance (`retry: 0`; `tries` retries). */
  private async viaKy(spec: RequestSpec, request: Prepared): Promise<Response> {
    const http = await this.ky();
    return http(request.url, {
      method: spec.method ?? 'GET',
      headers: request.headers,
      ...(spec.body === undefined ? {} : { body: spec.body }),
      ...(spec.signal ? { signal: spec.signal } : {}),
    });
  }

  /** The URL and per-request headers of `spec` sent to `base` (Basic auth for that URL only). */
  private prepare(spec: RequestSpec, base: string): Prepared {
    const headers = requestHeaders(spec);
    const authorization = this.options.authorizations.get(base);
    if (authorization !== undefined) headers.Authorization = authorization;
    return { url: withQuery(`${base}${spec.path}`, spec), headers };
  }

  private target(spec: RequestSpec, url: string): RequestTarget {
    return {
      method: spec.method ?? 'GET',
      // By name (`X-Plex-Token=`, `token=`) and by value, wherever a caller put it.
      url: redactText(redactUrl(url), this.secrets),
      site: (spec.site ?? 'pms') === 'pms' ? 'Plex Media Server' : 'plex.tv',
      timeoutMs: this.options.timeoutMs,
      secrets: this.secrets,
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
    `${target.site} answered ${target.method} ${pathOf(target.url)} with an unexpected shape at ${path || 'the top level'}: ${problem}.`,
    {
      method: target.method,
      url: target.url,
      ...(target.status ? { status: target.status } : {}),
      path,
    },
  );
}

/** A whole answer: what `json()` reads, from either engine. */
interface Answer {
  url: string;
  status: number;
  body: string;
  contentType: string | null;
}

/** A request bound to one base URL: its full URL and the headers beyond the client's own. */
interface Prepared {
  url: string;
  headers: Record<string, string>;
}

/** The spec's own headers plus its paging window. */
function requestHeaders(spec: RequestSpec): Record<string, string> {
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.page) {
    headers['X-Plex-Container-Start'] = String(spec.page.offset);
    headers['X-Plex-Container-Size'] = String(spec.page.limit);
  }
  return headers;
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
