// The console's routes, loaded on its first request (mount.ts). Read top to bottom: the page (at
// / and at every client-side route under /console/), its hashed assets, the session, and the
// /v1 proxy. Every answer carries the security headers, the CSP first.

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { CONSOLE_API_PREFIX, createApiProxy } from './api-proxy.js';
import { consoleDirectory, loadConsoleAssets } from './assets.js';
import type { FrontDoorFetch } from './front-door-request.js';
import { createNowPlaying } from './now-playing.js';
import type { ConsoleServerAccess } from './platform-access.js';
import { createPosters } from './posters.js';
import { consoleError } from './replies.js';
import { createSessionRoutes } from './session-routes.js';
import { createSessionStore, SESSION_LIMITS, type SessionLimits } from './sessions.js';
import { sendAsset, sendPage } from './static-files.js';

/** What the console is served from and with. */
export interface ConsoleDoorOptions {
  /** The front door, which the console's /v1 requests go back through. */
  frontDoor: FrontDoorFetch;
  /** The platform and Plex client, for posters. */
  access: ConsoleServerAccess;
  /** Where PLEXMCP_CONSOLE_DIR is read (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  limits?: SessionLimits;
}

/** Client-side routes: lower-case words and ids, never a file name (those are assets). */
const PAGE_PATH = /^\/console(\/[A-Za-z0-9_-]+)*\/?$/;

/** Builds the console's handler for the front door's `/`, `/console` and `/console/*`. */
export function createConsoleDoor(options: ConsoleDoorOptions) {
  const assets = loadConsoleAssets(consoleDirectory(options.env));
  const limits = options.limits ?? SESSION_LIMITS;
  const sessions = createSessionStore(limits);
  const session = createSessionRoutes({ sessions, limits, frontDoor: options.frontDoor });
  const proxy = createApiProxy({ sessions, frontDoor: options.frontDoor });
  const posters = createPosters({ sessions, access: options.access });
  const nowPlaying = createNowPlaying({ sessions, frontDoor: options.frontDoor });

  const app = new Hono<FrontDoorEnv>({ strict: false });
  const methodNotAllowed = (allow: string) => () =>
    consoleError(405, 'method_not_allowed', `Use ${allow} here.`, { allow });

  app.get('/console/assets/:name', (c) => sendAsset(c, assets, c.req.param('name')));
  app.get('/console/session', session.state);
  app.post('/console/session', session.signIn);
  app.delete('/console/session', session.signOut);
  app.all('/console/session', methodNotAllowed('GET, POST, DELETE'));
  app.all(`${CONSOLE_API_PREFIX}/v1`, proxy);
  app.all(`${CONSOLE_API_PREFIX}/v1/*`, proxy);
  app.get(`${CONSOLE_API_PREFIX}/posters/:mcp_id/:item_id`, posters);
  app.get(`${CONSOLE_API_PREFIX}/now-playing`, nowPlaying);
  app.all(`${CONSOLE_API_PREFIX}/*`, () =>
    consoleError(404, 'not_found', 'No such console endpoint.'),
  );
  app.get('/', (c) => sendPage(c, assets));
  app.all('/', methodNotAllowed('GET'));
  app.get('*', (c) =>
    PAGE_PATH.test(c.req.path)
      ? sendPage(c, assets)
      : consoleError(404, 'not_found', 'No such console page or file.'),
  );
  app.all('*', methodNotAllowed('GET'));

  return (c: Context<FrontDoorEnv>) => app.fetch(c.req.raw, c.env) as Promise<Response>;
}
