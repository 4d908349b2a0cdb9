// The console's routes, loaded on its first request (mount.ts). Read top to bottom: its hashed
// assets, the session, posters, now playing, the plex.tv sign-in, the /v1 proxy, and the page (at / and at every
// client-side route under /console/). Every answer carries the security headers, the CSP first.
// The routing is a few lines written here rather than a router: this chunk then shares no
// module with the server's start-up code (see mount.ts).

import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { CONSOLE_API_PREFIX, createApiProxy } from './api-proxy.js';
import { consoleDirectory, loadConsoleAssets } from './assets.js';
import type { FrontDoorFetch } from './front-door-request.js';
import { createNowPlaying } from './now-playing.js';
import type { ConsoleServerAccess } from './platform-access.js';
import { createPlexRoutes } from './plex-routes.js';
import { createSignInStore } from './plex-sign-ins.js';
import { createPosters } from './posters.js';
import { consoleError } from './replies.js';
import { createSessionRoutes } from './session-routes.js';
import { createSessionStore, SESSION_LIMITS, type SessionLimits } from './sessions.js';
import { sendAsset, sendPage } from './static-files.js';

/** What the console is served from and with. */
export interface ConsoleDoorOptions {
  /** The front door, which the console's /v1 requests go back through. */
  frontDoor: FrontDoorFetch;
  /** The platform, Plex clients and plex.tv, for posters and adding a Plex server. */
  access: ConsoleServerAccess;
  /** Where PLEXMCP_CONSOLE_DIR is read (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  limits?: SessionLimits;
}

/** Client-side routes: words and ids, never a file name (those are assets). */
const PAGE_PATH = /^\/console(\/[A-Za-z0-9_-]+)*$/;
const ASSET_PATH = /^\/console\/assets\/([^/]+)$/;
const POSTER_PATH = /^\/console\/api\/posters\/([^/]+)\/([^/]+)$/;
const PIN_PATH = /^\/console\/api\/plex\/pins\/([A-Za-z0-9_-]{1,64})$/;
const API_PATH = /^\/console\/api\/v1(\/.*)?$/;

type Handler = (c: Context<FrontDoorEnv>) => Response | Promise<Response>;

const methodNotAllowed = (allow: string) =>
  consoleError(405, 'method_not_allowed', `Use ${allow} here.`, { allow });

/** Builds the console's handler for the front door's `/`, `/console` and `/console/*`. */
export function createConsoleDoor(options: ConsoleDoorOptions): Handler {
  const assets = loadConsoleAssets(consoleDirectory(options.env));
  const limits = options.limits ?? SESSION_LIMITS;
  // A plex.tv sign-in in progress holds tokens for its session: it ends with the session.
  const signIns = createSignInStore();
  const sessions = createSessionStore(limits, (ended) => signIns.endAllOf(ended));
  const session = createSessionRoutes({ sessions, limits, frontDoor: options.frontDoor });
  const proxy = createApiProxy({ sessions, frontDoor: options.frontDoor });
  const posters = createPosters({ sessions, access: options.access });
  const nowPlaying = createNowPlaying({ sessions, frontDoor: options.frontDoor });
  const plex = createPlexRoutes({
    sessions,
    pending: signIns,
    access: options.access,
    frontDoor: options.frontDoor,
  });

  return (c) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // One trailing slash is the same path (the front door is not strict either).
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/$/, '') : c.req.path;
    const read = (handler: Handler) => (method === 'GET' ? handler(c) : methodNotAllowed('GET'));

    const asset = ASSET_PATH.exec(path);
    if (asset) return read(() => sendAsset(c, assets, decodeURIComponent(asset[1] ?? '')));
    if (path === '/console/session') {
      if (method === 'GET') return session.state(c);
      if (method === 'POST') return session.signIn(c);
      if (method === 'DELETE') return session.signOut(c);
      return methodNotAllowed('GET, POST, DELETE');
    }
    const poster = POSTER_PATH.exec(path);
    if (poster) return read(() => posters(c, poster[1] ?? '', poster[2] ?? ''));
    if (path === '/console/api/now-playing') return read(nowPlaying);
    if (path === '/console/api/plex/pins') {
      return method === 'POST' ? plex.start(c) : methodNotAllowed('POST');
    }
    const pin = PIN_PATH.exec(path);
    if (pin) return read(() => plex.check(c, pin[1] ?? ''));
    if (path === '/console/api/plex/servers') {
      return method === 'POST' ? plex.add(c) : methodNotAllowed('POST');
    }
    if (API_PATH.test(path)) return proxy(c);
    if (path.startsWith(`${CONSOLE_API_PREFIX}/`)) {
      return consoleError(404, 'not_found', 'No such console endpoint.');
    }
    if (path === '/' || PAGE_PATH.test(path)) return read(() => sendPage(c, assets));
    return consoleError(404, 'not_found', 'No such console page or file.');
  };
}
