import { setTimeout as sleep } from 'node:timers/promises';
import { connectionError, type Faults } from '../faults/faults.js';
import { malformedResponse } from '../faults/malformed.js';
import type { Services } from '../services/services.js';
import type { EmulatorState } from '../state/store.js';
import type { AccountRecord } from '../state/types.js';
import { fromRequest, HttpError, type IncomingRequest, type RequestContext } from './context.js';
import { DropConnection } from './node-server.js';
import { readPageRequest } from './paging.js';
import { htmlError, json, withBody } from './responses.js';
import type { Router } from './router.js';

/** What the dispatcher needs from the emulator. */
export interface DispatchDeps {
  pms: Router;
  plexTv: Router;
  state: EmulatorState;
  services: Services;
  faults: Faults;
}

/** Which kind of caller is asking: `fetch()` callers get thrown errors, sockets get hang-ups. */
export type Transport = 'fetch' | 'socket';

/**
 * Routes one request through faults, auth and the route table to a response. Socket callers get
 * JSON bodies through `bufferedBody`; `fetch()` callers get them in the Response.
 */
export async function dispatch(
  deps: DispatchDeps,
  received: Request | IncomingRequest,
  transport: Transport,
): Promise<Response> {
  const response = await answer(deps, received, transport);
  return transport === 'fetch' ? withBody(response) : response;
}

async function answer(
  deps: DispatchDeps,
  received: Request | IncomingRequest,
  transport: Transport,
): Promise<Response> {
  // Not `instanceof Request`: a Request from another copy of undici (msw, a polyfill) is welcome too.
  const request = 'toRequest' in received ? received : fromRequest(received);
  const url = new URL(request.url);
  const fault = deps.faults.decide(url.pathname);
  if (fault.kind === 'unreachable') {
    throw transport === 'fetch' ? connectionError('ECONNREFUSED') : new DropConnection();
  }
  const latency = deps.faults.config.latencyMs;
  if (latency > 0) await sleep(latency, undefined, { signal: request.toRequest().signal });
  if (fault.kind === 'drop') {
    throw transport === 'fetch' ? connectionError('ECONNRESET') : new DropConnection();
  }
  if (fault.kind === 'error') return htmlError(fault.status);
  if (fault.kind === 'malformed') return malformedResponse(fault.body);

  const plexTvPrefix = deps.services.behaviour.plexTvPath;
  if (url.pathname === plexTvPrefix || url.pathname.startsWith(`${plexTvPrefix}/`)) {
    return route(deps, request, url, url.pathname.slice(plexTvPrefix.length) || '/', 'plex.tv');
  }
  return route(deps, request, url, url.pathname, 'pms');
}

async function route(
  deps: DispatchDeps,
  request: IncomingRequest,
  url: URL,
  path: string,
  site: 'pms' | 'plex.tv',
): Promise<Response> {
  const router = site === 'pms' ? deps.pms : deps.plexTv;
  const match = router.match(request.method, path);
  if (match.kind === 'not-found') return notFound(site);
  if (match.kind === 'method-not-allowed') return htmlError(405);

  const token = request.headers.get('X-Plex-Token') ?? url.searchParams.get('X-Plex-Token');
  const account = token ? findAccount(deps.state, token, site) : undefined;
  if (!account && !match.route.public) return unauthorized(site);

  if (site === 'pms') logRequest(deps.services, request.method, url, account);
  const ctx: RequestContext = {
    get request() {
      return request.toRequest();
    },
    url,
    params: match.params,
    query: url.searchParams,
    page: readPageRequest(request.headers, url.searchParams),
    account,
    clientIdentifier:
      request.headers.get('X-Plex-Client-Identifier') ??
      url.searchParams.get('X-Plex-Client-Identifier') ??
      undefined,
    state: deps.state,
    services: deps.services,
  };
  try {
    return await match.route.handler(ctx);
  } catch (error) {
    if (error instanceof HttpError) {
      deps.services.log('Plex Media Server.log', 'WARN', `${error.message} (${error.status})`);
      return site === 'pms' ? htmlError(error.status) : plexTvError(error.status, error.message);
    }
    deps.services.log('Plex Media Server.log', 'ERROR', `Handler failed: ${String(error)}`);
    return htmlError(500);
  }
}

function findAccount(
  state: EmulatorState,
  token: string,
  site: 'pms' | 'plex.tv',
): AccountRecord | undefined {
  return site === 'pms' ? state.accountByServerToken(token) : state.accountByPlexTvToken(token);
}

function unauthorized(site: 'pms' | 'plex.tv'): Response {
  return site === 'pms' ? htmlError(401) : plexTvError(401, 'User could not be authenticated');
}

function notFound(site: 'pms' | 'plex.tv'): Response {
  return site === 'pms' ? htmlError(404) : plexTvError(404, 'Not Found');
}

/** plex.tv's v2 API answers errors as JSON `{errors: [...]}`. */
function plexTvError(status: number, message: string): Response {
  const code = status === 401 ? 1001 : status === 404 ? 1020 : 1000 + status;
  return json({ errors: [{ code, message, status }] }, { status });
}

function logRequest(
  services: Services,
  method: string,
  url: URL,
  account: AccountRecord | undefined,
): void {
  const query = new URLSearchParams(url.searchParams);
  if (query.has('X-Plex-Token')) query.set('X-Plex-Token', 'xxxxxxxxxxxxxxxxxxxx');
  const search = query.size > 0 ? `?${query}` : '';
  const who = account ? `Signed-in Token (${account.username})` : 'Unauthenticated';
  services.log(
    'Plex Media Server.log',
    'DEBUG',
    `Request: [127.0.0.1:0 (Loopback)] ${method} ${url.pathname}${search} (${who})`,
  );
}
