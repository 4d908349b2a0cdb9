// The web console's one hook into the front door. It is mounted on every HTTP server but costs
// nothing until a browser asks for it: the routes, sessions and assets load on the first request
// under / or /console/, so the HTTP server starts as fast as before and stdio never sees them.

import { createPlexClient } from '@plexmcp/plex-client';
import type { Context, Hono } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import type { ConsoleServerAccess } from './platform-access.js';

/** The console's paths: the page at `/`, and everything it serves or proxies under `/console`. */
const CONSOLE_PATHS = ['/', '/console', '/console/*'] as const;

/**
 * Serves the console from `app`, before the API-key guard: the console signs in with a key and
 * then works with its own cookie session, whose requests it sends back through `app` — so every
 * guard, limit and meter of `/v1` applies to them as to any other caller.
 */
export function mountConsole(
  app: Hono<FrontDoorEnv>,
  access: Omit<ConsoleServerAccess, 'createPlex'>,
): void {
  let door: Promise<(c: Context<FrontDoorEnv>) => Response | Promise<Response>> | undefined;
  const handle = async (c: Context<FrontDoorEnv>) => {
    door ??= import('./door.js').then(({ createConsoleDoor }) =>
      createConsoleDoor({
        frontDoor: (request, env) => app.fetch(request, env),
        // Handed over from here, where the server's chunk already has it: imported by the
        // console's own chunk, it would make the bundler split shared code differently, which
        // cost 2 MiB of RSS at every start (measured).
        access: { ...access, createPlex: createPlexClient },
      }),
    );
    return (await door)(c);
  };
  for (const path of CONSOLE_PATHS) app.all(path, handle);
}
