// Metering for every door, in two parts. This middleware, right after the key check, (1) counts
// each /v1 request once it is answered and (2) tells the tool runner, through the request's async
// context, which door and MCP a tool call came through — the runner (tool-calls.ts) sees every
// tool call but not the request. Counting is the platform's in-memory meter: never a database
// write here. The local user of a keyless server has no organization and is not metered.

import { AsyncLocalStorage } from 'node:async_hooks';
// Types only: the platform is an optional package, imported lazily (platform.ts); a value from
// it here would make HTTP mode fail to load without it.
import type { UsageDoor } from '@plexmcp/platform';
import type { MiddlewareHandler } from 'hono';
import type { Caller } from './auth.js';
import type { FrontDoorEnv } from './guards.js';
import type { ServerPlatform } from './platform.js';

/** What a tool call needs to know about the request it runs in. */
export interface UsageScope {
  door: UsageDoor;
  /** The MCP the door serves: `/mcp/{id}`'s, else the organization's builtin (resolved later). */
  mcpId: string;
  record: ServerPlatform['recordUsage'];
}

const scopes = new AsyncLocalStorage<UsageScope>();

/**
 * The metered door and MCP of a path; undefined for paths that are not metered. `builtin` is the
 * platform's marker for "the organization's builtin MCP" (the server's own tools).
 */
export function meteredPlace(
  path: string,
  builtin: string,
): { door: UsageDoor; mcpId: string } | undefined {
  if (path === '/v1' || path.startsWith('/v1/')) return { door: 'v1', mcpId: '' };
  const byId = /^\/mcp\/(mcp_[^/]+)\/?$/.exec(path);
  if (byId) return { door: 'mcp', mcpId: byId[1]! };
  if (/^\/mcp\/?$/.test(path)) return { door: 'mcp', mcpId: builtin };
  if (/^\/(sse|messages)\/?$/.test(path)) return { door: 'sse', mcpId: builtin };
  if (path.startsWith('/api/v1/mcp')) return { door: 'moviepilot', mcpId: builtin };
  if (path === '/tools' || path.startsWith('/tools/')) return { door: 'tools', mcpId: builtin };
  return undefined;
}

/**
 * Counts one tool call of `caller` on the door of the request it runs in. A no-op outside a
 * metered request, for a caller without an organization, and on /v1 (invoke's tool calls are
 * counted by the platform, with the MCP they target; other /v1 tool runs are part of a request).
 */
export function recordToolCall(
  caller: Caller,
  tool: string,
  outcome: string,
  durationMs: number,
): void {
  const scope = scopes.getStore();
  const platform = caller.platform;
  if (!scope || !platform || scope.door === 'v1') return;
  scope.record({
    organizationId: platform.organizationId,
    keyId: platform.keyId,
    mcpId: scope.mcpId,
    tool,
    door: scope.door,
    outcome,
    durationMs,
  });
}

/** Whether the request running now is metered (the runner skips timing otherwise). */
export function meteringActive(): boolean {
  const scope = scopes.getStore();
  return scope !== undefined && scope.door !== 'v1';
}

/** The middleware; without the platform it does nothing. */
export function meteringGuard(
  platform: ServerPlatform | undefined,
): MiddlewareHandler<FrontDoorEnv> {
  if (!platform) return (_c, next) => next();
  const record = platform.recordUsage;
  const builtin = platform.builtinMcpMarker;
  return async (c, next) => {
    const caller = c.get('caller')?.platform;
    const place = caller ? meteredPlace(c.req.path, builtin) : undefined;
    if (!caller || !place) return next();
    const started = performance.now();
    await scopes.run({ ...place, record }, next);
    if (place.door !== 'v1') return;
    record({
      organizationId: caller.organizationId,
      keyId: caller.keyId,
      mcpId: null,
      tool: null,
      door: 'v1',
      outcome: await outcomeOf(c.res),
      durationMs: performance.now() - started,
    });
  };
}

/** `ok`, or the /v1 error code the answer carries (its status's code when it carries none). */
async function outcomeOf(response: Response): Promise<string> {
  if (response.status < 400) return 'ok';
  try {
    // Error bodies are small envelopes; reading a copy leaves the answer untouched.
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') return body.error.code;
  } catch {
    // Not JSON: fall through to the status.
  }
  return (
    STATUS_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : 'invalid_request')
  );
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};
