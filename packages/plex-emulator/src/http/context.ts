import type { Services } from '../services/services.js';
import type { EmulatorState } from '../state/store.js';
import type { AccountRecord } from '../state/types.js';
import type { PageRequest } from './paging.js';

/**
 * What the dispatcher reads from every request. The socket server hands these over with the
 * WHATWG Request built only when a handler asks for it (bodies, abort signals): building one per
 * request was a tenth of the emulator's CPU time.
 */
export interface IncomingRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  readonly headers: Pick<Headers, 'get'>;
  /** The full Request, built on first use. */
  toRequest(): Request;
}

/** A WHATWG Request as an `IncomingRequest` (what `emulator.fetch` receives). */
export function fromRequest(request: Request): IncomingRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    toRequest: () => request,
  };
}

/** Everything a route handler needs to know about one request. */
export interface RequestContext {
  request: Request;
  url: URL;
  /** Path placeholders, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The paging window the client asked for. */
  page: PageRequest;
  /** The caller, known from its token; undefined only on public routes called without one. */
  account: AccountRecord | undefined;
  /** The caller's `X-Plex-Client-Identifier` (header or query). */
  clientIdentifier: string | undefined;
  state: EmulatorState;
  services: Services;
}

/** Thrown by handlers to answer with Plex's HTML error page for `status`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message = `HTTP ${status}`) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** The caller's account; handlers behind auth can rely on it. */
export function requireAccount(ctx: RequestContext): AccountRecord {
  if (!ctx.account) throw new HttpError(401, 'no account for this request');
  return ctx.account;
}

/**
 * The caller when it is the server owner. Admin-only endpoints answer 403 to managed and shared
 * users with a valid token, as PMS does; 401 stays for a missing or unknown token.
 */
export function requireOwner(ctx: RequestContext): AccountRecord {
  const account = requireAccount(ctx);
  if (account.kind !== 'owner') throw new HttpError(403, `${account.username} is not the admin`);
  return account;
}

/** A required query parameter, or 400 as PMS answers. */
export function requireQuery(ctx: RequestContext, name: string): string {
  const value = ctx.query.get(name);
  if (value === null || value === '') throw new HttpError(400, `missing query parameter ${name}`);
  return value;
}

/** An integer path or query value, or 400. */
export function toInt(value: string | null | undefined, what: string): number {
  const parsed = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isInteger(parsed)) {
    throw new HttpError(400, `${what} must be an integer`);
  }
  return parsed;
}
