// Requests the console sends back through the front door on a browser's behalf. They keep what
// the guards look at (Host, Origin, the socket's address through the bindings) and lose what is
// the browser's alone: its cookies, any key or CSRF token it sent. The session's key is the only
// credential they carry.

import type { FrontDoorEnv } from '../http/guards.js';

/** Calls the front door with a request, on the same socket bindings. */
export type FrontDoorFetch = (
  request: Request,
  env: FrontDoorEnv['Bindings'],
) => Response | Promise<Response>;

const BROWSER_ONLY = ['cookie', 'authorization', 'x-api-key', 'x-csrf-token', 'content-length'];

/** A request for `path` (with `search`) under the session's key, built from the browser's. */
export function onBehalfOf(
  browser: Request,
  key: string,
  target: { path: string; search: string; method: string; body: ArrayBuffer | undefined },
): Request {
  const headers = new Headers(browser.headers);
  for (const name of BROWSER_ONLY) headers.delete(name);
  headers.set('authorization', `Bearer ${key}`);
  if (target.body === undefined) headers.delete('content-type');
  const url = new URL(browser.url);
  url.pathname = target.path;
  url.search = target.search;
  // A key in the query would reach /v1 logs and limits as the caller's: the session's key only.
  url.searchParams.delete('apikey');
  return new Request(url, {
    method: target.method,
    headers,
    ...(target.body === undefined ? {} : { body: target.body }),
  });
}
