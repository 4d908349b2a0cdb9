// The console's way to /v1: `/console/api/v1/…` is `/v1/…` under the session's key. A request
// without a live session is 401; one that changes something must carry the session's CSRF token
// in `X-CSRF-Token` (403 without it) — a header another site's page cannot set on a request to
// us without a CORS preflight, which this server never grants. When /v1 stops accepting the key
// (revoked, expired), the session ends with it.

import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { type FrontDoorFetch, onBehalfOf } from './front-door-request.js';
import { consoleError } from './replies.js';
import { secured } from './security-headers.js';
import { type ConsoleSession, type createSessionStore, csrfMatches } from './sessions.js';

type Sessions = ReturnType<typeof createSessionStore>;

/** Methods that change nothing, so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The prefix the console's API sits under; what follows is the /v1 path. */
export const CONSOLE_API_PREFIX = '/console/api';

/** Answers 401 for a request without a live session, ending the browser's cookie. */
export function signedOut(c: Context): Response {
  return consoleError(401, 'unauthorized', 'Your console session has ended: sign in again.', {
    'set-cookie': clearedSessionCookie(c),
  });
}

/**
 * The live session of a console request, or the refusal to answer: 401 without one, 403 when a
 * request that may change something lacks the session's CSRF token.
 */
export function sessionOf(
  c: Context,
  sessions: Sessions,
): { id: string | undefined; session: ConsoleSession } | Response {
  const id = sessionCookie(c);
  const session = sessions.get(id);
  if (!session) return signedOut(c);
  if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(session, c.req.header('x-csrf-token'))) {
    return consoleError(403, 'forbidden', 'Missing or wrong CSRF token: reload the console.');
  }
  return { id, session };
}

/** The proxy from `/console/api/v1/…` to `/v1/…`. */
export function createApiProxy(options: { sessions: Sessions; frontDoor: FrontDoorFetch }) {
  const { sessions, frontDoor } = options;
  return async (c: Context<FrontDoorEnv>): Promise<Response> => {
    const found = sessionOf(c, sessions);
    if (found instanceof Response) return found;
    const { id, session } = found;
    const method = c.req.method;
    const url = new URL(c.req.url);
    const body = SAFE_METHODS.has(method) ? undefined : await c.req.arrayBuffer();
    const answer = await frontDoor(
      onBehalfOf(c.req.raw, session.key, {
        path: url.pathname.slice(CONSOLE_API_PREFIX.length),
        search: url.search,
        method,
        body,
      }),
      c.env,
    );
    if (answer.status === 401) {
      sessions.end(id);
      return signedOut(c);
    }
    const headers = secured(new Headers(answer.headers));
    headers.set('cache-control', 'no-store');
    return new Response(answer.body, { status: answer.status, headers });
  };
}
