// Signing in and out. Sign-in takes an API key once, checks it by asking /v1 for the key's
// organization through the front door (so a wrong key is refused, logged and throttled exactly
// as on any other door), and starts a session under a new id — whatever session cookie the
// browser brought is ended, never adopted (no session fixation). The key is not sent back.

import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { clearedSessionCookie, sessionCookie, sessionSetCookie } from './cookies.js';
import { type FrontDoorFetch, onBehalfOf } from './front-door-request.js';
import { jsonBody } from './json-body.js';
import { consoleError, consoleJson } from './replies.js';
import { type createSessionStore, csrfMatches, type SessionLimits } from './sessions.js';

type Sessions = ReturnType<typeof createSessionStore>;

/** What a key looks like on the wire: visible ASCII, as every door accepts in a header. */
const KEY_SHAPE = /^[\x21-\x7e]{1,512}$/;

/** What the console page learns about its session: never the key. */
function sessionState(
  session: { csrfToken: string; organizationId: string; createdAt: number },
  limits: SessionLimits,
) {
  return {
    signed_in: true,
    csrf_token: session.csrfToken,
    organization_id: session.organizationId,
    expires_at: new Date(session.createdAt + limits.lifetimeMs).toISOString(),
  };
}

/** The session routes: GET (state and CSRF token), POST (sign in), DELETE (sign out). */
export function createSessionRoutes(options: {
  sessions: Sessions;
  limits: SessionLimits;
  frontDoor: FrontDoorFetch;
}) {
  const { sessions, limits, frontDoor } = options;

  const state = (c: Context<FrontDoorEnv>) => {
    const session = sessions.get(sessionCookie(c));
    if (session) return consoleJson(200, sessionState(session, limits));
    const stale = sessionCookie(c) !== undefined;
    return consoleJson(
      200,
      { signed_in: false },
      stale ? { 'set-cookie': clearedSessionCookie(c) } : {},
    );
  };

  const signIn = async (c: Context<FrontDoorEnv>) => {
    const body = await jsonBody(c, 'the key as {"api_key": "…"}');
    if (body instanceof Response) return body;
    const key = body.api_key;
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      return consoleError(400, 'invalid_request', 'Paste an API key (plexmcp_…) to sign in.');
    }
    sessions.end(sessionCookie(c));
    const answer = await frontDoor(
      onBehalfOf(c.req.raw, key, {
        path: '/v1/organization',
        search: '',
        method: 'GET',
        body: undefined,
      }),
      c.env,
    );
    const reply = (await answer.json().catch(() => null)) as {
      data?: { id?: unknown };
      error?: { code?: unknown; message?: unknown };
    } | null;
    const organizationId = reply?.data?.id;
    if (answer.status !== 200 || typeof organizationId !== 'string') {
      const status = answer.status === 200 ? 502 : answer.status;
      const code = typeof reply?.error?.code === 'string' ? reply.error.code : 'unauthorized';
      const message =
        typeof reply?.error?.message === 'string'
          ? reply.error.message
          : 'This key cannot sign in.';
      const retryAfter = answer.headers.get('retry-after');
      return consoleError(status, code, message, {
        'set-cookie': clearedSessionCookie(c),
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
    }
    const { id, session } = sessions.create(key, organizationId);
    return consoleJson(200, sessionState(session, limits), {
      'set-cookie': sessionSetCookie(c, id, limits.lifetimeMs),
    });
  };

  const signOut = (c: Context<FrontDoorEnv>) => {
    const id = sessionCookie(c);
    const session = sessions.get(id);
    if (session && !csrfMatches(session, c.req.header('x-csrf-token'))) {
      return consoleError(403, 'forbidden', 'Missing or wrong CSRF token: reload the console.');
    }
    sessions.end(id);
    return consoleJson(200, { signed_in: false }, { 'set-cookie': clearedSessionCookie(c) });
  };

  return { state, signIn, signOut };
}
