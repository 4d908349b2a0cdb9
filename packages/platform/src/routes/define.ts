// Routes of the organization and key tables, typed for the env that carries the Caller.

import type { Context } from 'hono';
import type * as v from 'valibot';
import { defineRoute, type Route, type RouteSpec } from '../http/route.js';
import type { BodySchema, PathParam, QuerySchema } from '../http/validation.js';
import type { Caller } from '../services/caller.js';

/**
 * The Hono env of the `/v1` app: `authorize` stores the authenticated Caller in it, under a name
 * of its own because the app is mounted inside the server's front door, whose guards keep their
 * own `caller` in the same context.
 */
export interface V1Env {
  Variables: { platformCaller: Caller };
}

/** `defineRoute` for the V1Env, keeping the inference of params, body and answer. */
export function defineV1Route<
  P extends Record<string, PathParam> = Record<never, PathParam>,
  Q extends QuerySchema | undefined = undefined,
  B extends BodySchema | undefined = undefined,
  R extends v.GenericSchema = v.GenericSchema,
>(spec: RouteSpec<V1Env, P, Q, B, R>): Route<V1Env> {
  return defineRoute<V1Env, P, Q, B, R>(spec);
}

/** The caller `authorize` stored; a route reached without it is a wiring bug (500). */
export function callerOf(c: Context<V1Env>): Caller {
  const caller = c.get('platformCaller');
  if (!caller) throw new Error('A /v1 route ran without an authenticated caller');
  return caller;
}
