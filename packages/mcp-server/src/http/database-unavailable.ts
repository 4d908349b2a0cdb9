// A database that is down or restarting is an outage to wait out, not our bug: any request that
// failed on it answers 503 with Retry-After in its door's shape, instead of the 500 the error
// handlers give an unexpected failure. The replica needs no restart: the pool reconnects.

import type { MiddlewareHandler } from 'hono';
import type { FrontDoorEnv } from './guards.js';
import { doorOf, refuse } from './replies.js';

/** The platform's StorageError('UNAVAILABLE'), known by shape: the platform loads lazily. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'StorageError' &&
    (error as { code?: unknown }).code === 'UNAVAILABLE'
  );
}

/**
 * Outermost middleware: after the app (or /v1's own error handler) answered a failure, a
 * database outage becomes 503. The cause was logged where it was caught.
 */
export function databaseUnavailableGuard(): MiddlewareHandler<FrontDoorEnv> {
  return async (c, next) => {
    await next();
    if (!isDatabaseUnavailable(c.error)) return;
    c.res = refuse(doorOf(c.req.path), {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: "The server's database is not answering: retry in a few seconds.",
      headers: { 'retry-after': '2' },
    });
  };
}
