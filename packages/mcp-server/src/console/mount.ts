// The web console's one hook into the front door. It is mounted on every HTTP server but costs
// nothing until a browser asks for it: the routes, sessions and assets load on the first request
// under / or /console/, so the HTTP server starts as fast as before and stdio never sees them.
//
// It sits before the front door's Host/Origin and body-limit guards and applies them itself,
// with one exception: a link on another site may open a console page (a top-level navigation
// to the page, which carries no cookie under SameSite=Strict and changes nothing). Its Host is
// still checked; everything else — assets, the session, the API — passes both guards as before.

import { createPlexClient, createPlexSignIn } from '@plexmcp/plex-client';
import { type Context, Hono } from 'hono';
import { bodyLimitGuard, type FrontDoorEnv, hostOriginGuard } from '../http/guards.js';
import type { ConsoleServerAccess } from './platform-access.js';

/** The console's paths: the page at `/`, and everything it serves or proxies under `/console`. */
const CONSOLE_PATHS = ['/', '/console', '/console/*'] as const;

/** Page paths (not assets or the API): what a link from elsewhere may open. */
const PAGE_PATH = /^\/(console(\/[A-Za-z0-9_-]+)*\/?)?$/;

/** What the console is mounted with. */
export interface ConsoleMount extends Omit<ConsoleServerAccess, 'createPlex' | 'createSignIn'> {
  /** The front door's Host/Origin check. */
  hostOrigin: (headers: Headers) => string | undefined;
  /** The front door's request body limit. */
  bodyBytes: number;
}

/** A browser opening a page: a top-level GET navigation to a page path. */
function isPageNavigation(c: Context): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    c.req.header('sec-fetch-mode') === 'navigate' &&
    c.req.header('sec-fetch-dest') === 'document' &&
    PAGE_PATH.test(c.req.path)
  );
}

/**
 * Serves the console from `app`, before the API-key guard: the console signs in with a key and
 * then works with its own cookie session, whose requests it sends back through `app` — so every
 * guard, limit and meter of `/v1` applies to them as to any other caller.
 */
export function mountConsole(app: Hono<FrontDoorEnv>, mount: ConsoleMount): void {
  const { hostOrigin, bodyBytes, ...access } = mount;
  let door: Promise<(c: Context<FrontDoorEnv>) => Response | Promise<Response>> | undefined;
  const serve = async (c: Context<FrontDoorEnv>) => {
    door ??= import('./door.js').then(({ createConsoleDoor }) =>
      createConsoleDoor({
        frontDoor: (request, env) => app.fetch(request, env),
        // Handed over from here, where the server's chunk already has it: imported by the
        // console's own chunk, it would make the bundler split shared code differently, which
        // cost 2 MiB of RSS at every start (measured).
        access: { ...access, createPlex: createPlexClient, createSignIn: createPlexSignIn },
      }),
    );
    return (await door)(c);
  };
  const guarded = new Hono<FrontDoorEnv>({ strict: false });
  guarded.use(hostOriginGuard(hostOrigin));
  guarded.use(bodyLimitGuard(bodyBytes));
  guarded.all('*', serve);
  // Only the Host of a navigation is checked: its Origin and Sec-Fetch-Site say where the link was.
  const hostOnly = hostOriginGuard((headers) =>
    hostOrigin(new Headers({ host: headers.get('host') ?? '' })),
  );
  const handle = async (c: Context<FrontDoorEnv>) => {
    if (!isPageNavigation(c)) return guarded.fetch(c.req.raw, c.env);
    const refused = await hostOnly(c, async () => {});
    return refused ?? serve(c);
  };
  for (const path of CONSOLE_PATHS) app.all(path, handle);
}
