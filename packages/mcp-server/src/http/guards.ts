import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { PlanLimiter } from '@plexmcp/platform';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../server/logger.js';
import { type AuthOutcome, type AuthRefusal, type Caller, LOCAL_CALLER } from './auth.js';
import type { RateLimitDecision, RateLimiter, RateLimitOptions } from './rate-limit.js';
import { rateLimitHeaders } from './rate-limit.js';
import { doorOf, type Refusal, refuse } from './replies.js';

/** What the guards leave on the request for the routes. */
export interface FrontDoorEnv {
  /** The Node request and response (absent when the app is called without a socket). */
  Bindings: Partial<HttpBindings>;
  Variables: {
    caller: Caller;
    /** The parsed JSON body of a POST, or NOT_JSON when it did not parse. */
    body: unknown;
    /** Charges a JSON-RPC batch's further messages to the caller's rate budget (none: no limit). */
    chargeBatch: ((extra: number) => Promise<Response | undefined>) | undefined;
  };
}

/** Marks a POST body that is not valid JSON (the route answers in its own shape). */
export const NOT_JSON: unique symbol = Symbol('not JSON');

type Guard = MiddlewareHandler<FrontDoorEnv>;

const deny = (c: Context, refusal: Refusal) => refuse(doorOf(c.req.path), refusal);

/** The remote address of the socket (what per-address limits count). */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Runs `fn` once when the response has been sent or the client has gone, whichever is first.
 * Without a Node response (the app called through `fetch`, as in embedding), only the request's
 * abort is known: `fn` then runs when the caller aborts, not when the answer is read.
 */
export function whenAnswered(c: Context<FrontDoorEnv>, fn: () => void): void {
  const outgoing = c.env?.outgoing;
  if (outgoing) outgoing.once('close', fn);
  else c.req.raw.signal.addEventListener('abort', fn, { once: true });
}

/** 403 unless Host (and Origin, when sent) pass the check. */
export function hostOriginGuard(check: (headers: Headers) => string | undefined): Guard {
  return async (c, next) => {
    const reason = check(c.req.raw.headers);
    if (reason) return deny(c, { status: 403, code: 'FORBIDDEN', message: reason });
    await next();
  };
}

/**
 * 415 for a POST whose body is not declared JSON. Browsers send `text/plain` across sites
 * without asking first; requiring JSON forces a CORS preflight, which this server never grants.
 */
export function jsonOnlyGuard(): Guard {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        return deny(c, {
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Unsupported Media Type: Content-Type must be application/json.',
        });
      }
    }
    await next();
  };
}

/**
 * 413 for a body over `maxBytes`, declared or streamed. A declared length is checked from the
 * header alone (Node reads exactly that many bytes), so the common request is not buffered here;
 * only a chunked body is counted as it arrives.
 */
export function bodyLimitGuard(maxBytes: number): Guard {
  const tooLarge = (c: Context) =>
    deny(c, {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than ${maxBytes} bytes.`,
    });
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > maxBytes) return tooLarge(c);
    await next();
  };
}

/** How key checks are made and failures slowed down. */
export interface AuthGuardOptions {
  authenticate: (headers: Headers, url: URL) => Promise<AuthOutcome>;
  /**
   * Whether the server is open right now: no key of any kind exists and it listens on loopback
   * only. Every request is then the local user. Asked per request: the first managed key
   * created (by the CLI, another replica) closes it.
   */
  open: () => boolean | Promise<boolean>;
  /** Failed checks per remote address; an empty bucket answers 429 without checking. */
  failures: RateLimiter;
  logger: Logger;
}

const REFUSED: Record<AuthRefusal, string> = {
  missing: 'An API key is required: send Authorization: Bearer <key>, X-API-KEY or ?apikey=.',
  invalid: 'The API key is not valid.',
  revoked: 'The API key has been revoked; ask an admin of your organization for a new one.',
  expired: 'The API key has expired; ask an admin of your organization for a new one.',
};

/**
 * 401 without a valid key. Failed checks are counted per remote address: after a burst, the
 * address's failures answer 429 for a while, so guessing is slow. A valid key always passes, so
 * someone guessing from a shared address (a proxy, NAT, Docker's bridge) cannot lock the key's
 * holders out. Each failure is logged with the address and path, never the key.
 */
export function authGuard({ authenticate, failures, logger, open }: AuthGuardOptions): Guard {
  return async (c, next) => {
    // Without keys every caller is the local user: nothing to check or throttle.
    if (await open()) {
      c.set('caller', LOCAL_CALLER);
      return next();
    }
    const outcome = await authenticate(c.req.raw.headers, new URL(c.req.url));
    if (typeof outcome !== 'string') {
      c.set('caller', outcome);
      return next();
    }
    const address = remoteAddress(c);
    if (failures.blocked(address)) {
      // Less than one token is left, so asking for one spends nothing and says when it is back.
      const retryAfter = Math.max(1, failures.take(address, 1).retryAfterSeconds);
      return deny(c, {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many failed API-key checks from this address. Retry in ${retryAfter} s.`,
        headers: { 'retry-after': String(retryAfter) },
      });
    }
    failures.take(address);
    logger.warn(
      `refused ${c.req.method} ${c.req.path} from ${address}: ${outcome === 'missing' ? 'no API key' : `${outcome === 'invalid' ? 'wrong' : outcome} API key`}`,
    );
    return deny(c, {
      status: 401,
      code: 'UNAUTHORIZED',
      message: REFUSED[outcome],
      headers: { 'www-authenticate': 'Bearer' },
    });
  };
}

/**
 * Parses a JSON-RPC door's POST body once, for the route and for the rate limit: the request was
 * charged one token before its body was read, and a batch pays for its other messages here.
 * REST routes validate their own bodies.
 */
export function jsonRpcBodyReader(): Guard {
  return async (c, next) => {
    if (c.req.method === 'POST' && doorOf(c.req.path) === 'rpc') {
      const text = await c.req.text();
      let body: unknown = NOT_JSON;
      try {
        body = JSON.parse(text);
      } catch {
        // The route answers in its own shape.
      }
      if (Array.isArray(body) && body.length > 1) {
        const refused = await c.get('chargeBatch')?.(body.length - 1);
        if (refused) return refused;
      }
      c.set('body', body);
    }
    await next();
  };
}

/** What the rate limit guard counts with. */
export interface RateLimitGuardOptions {
  /** The server's own bucket (`--rate-limit`): for callers the platform does not know. */
  limiter: RateLimiter;
  options: RateLimitOptions;
  /**
   * The platform's plan limits, when it is loaded: a caller with a platform identity (a managed
   * key, or a configured key acting in the default organization) spends its plan's requests per
   * second instead of the server's bucket, counted across replicas on PostgreSQL.
   */
  plans: PlanLimiter | undefined;
}

/** Says what limit a refused request ran into, for the 429's message and details. */
interface Budget {
  take(cost: number): RateLimitDecision | Promise<RateLimitDecision>;
  describe(decision: RateLimitDecision): string;
  details(decision: RateLimitDecision): Record<string, unknown>;
  /** The most a key may send at once, in words, for a batch that could never pass. */
  most(decision: RateLimitDecision): string;
}

/**
 * A budget per API key (per address without keys), charged before any body is read: the plan's
 * requests per second for a platform caller, else the server's token bucket. On the JSON-RPC
 * doors every message of a batch costs one, so a batch is not a way around the limit; one larger
 * than the most a key may send at once could never pass, and is refused as such. Every answer
 * past this point carries `X-RateLimit-*`.
 */
export function rateLimitGuard({ limiter, options, plans }: RateLimitGuardOptions): Guard {
  const bucket = (key: string): Budget => ({
    take: (cost) => limiter.take(key, cost),
    describe: () => `${options.perSecond} per second (bursts of ${options.burst})`,
    details: () => ({ per_second: options.perSecond, burst: options.burst }),
    most: () => `the burst of ${options.burst} this server allows`,
  });
  const plan = (key: string, limits: PlanLimiter, name: PlanName): Budget => ({
    take: (cost) => limits.take(key, name, cost),
    describe: (d) => `${d.limit} per second per API key on the ${name} plan`,
    details: (d) => ({ plan: name, per_second: d.limit, burst: d.limit }),
    most: (d) => `the ${d.limit} per second the ${name} plan allows`,
  });
  const refusal = (budget: Budget, decision: RateLimitDecision, cost: number) =>
    ({
      status: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests: the limit is ${budget.describe(decision)}.${cost > 1 ? ` This batch of ${cost} messages costs ${cost}.` : ''} Retry in ${decision.retryAfterSeconds} s.`,
      details: { ...budget.details(decision), retry_after_seconds: decision.retryAfterSeconds },
      headers: rateLimitHeaders(decision),
    }) satisfies Refusal;
  return async (c, next) => {
    const caller = c.get('caller');
    const key = caller.keyed ? caller.owner : `address:${remoteAddress(c)}`;
    const budget = plans && caller.platform ? plan(key, plans, caller.platform.plan) : bucket(key);
    let decision = await budget.take(1);
    if (!decision.allowed) return deny(c, refusal(budget, decision, 1));
    c.set('chargeBatch', async (extra) => {
      const cost = extra + 1;
      // decision.limit is the most a key may send at once: the bucket's burst, or the plan's
      // one-second window.
      if (cost > decision.limit) {
        return deny(c, {
          status: 400,
          code: 'INVALID_REQUEST',
          message: `Invalid Request: a batch of ${cost} messages costs ${cost} requests, more than ${budget.most(decision)}; split it.`,
        });
      }
      decision = await budget.take(extra);
      return decision.allowed ? undefined : deny(c, refusal(budget, decision, cost));
    });
    await next();
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) {
      c.res.headers.set(name, value);
    }
  };
}

/** A plan's name, as the platform's callers carry it. */
type PlanName = NonNullable<Caller['platform']>['plan'];
