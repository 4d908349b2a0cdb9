// The session cookie: httpOnly (page scripts never read it), SameSite=Strict (no other site's
// page or link sends it), Secure with the __Host- prefix over https (so a sibling subdomain
// cannot plant one). Behind a TLS-terminating proxy the request arrives as http: the proxy's
// X-Forwarded-Proto says it was https, and trusting it can only add the Secure flag.
// Written here rather than with a cookie library: the console's chunk then shares no module
// with the server's start-up code, which would make the bundler split that code differently.

import type { Context } from 'hono';

const NAME = 'plexmcp_session';
const HOST_NAME = `__Host-${NAME}`;
/** What a session id looks like (base64url); anything else in the cookie is ignored. */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether the browser reached the server over https (directly or through a proxy). */
export function overHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

const nameFor = (c: Context) => (overHttps(c) ? HOST_NAME : NAME);

/** The session id the browser sent, if any. */
export function sessionCookie(c: Context): string | undefined {
  const name = nameFor(c);
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) {
      const value = part.slice(equals + 1).trim();
      return ID_SHAPE.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function cookie(c: Context, value: string, maxAgeSeconds: number): string {
  const secure = overHttps(c) ? '; Secure' : '';
  return `${nameFor(c)}=${value}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly${secure}; SameSite=Strict`;
}

/** A `Set-Cookie` value holding the session id for `maxAgeMs`. */
export function sessionSetCookie(c: Context, id: string, maxAgeMs: number): string {
  return cookie(c, id, Math.floor(maxAgeMs / 1000));
}

/** A `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(c: Context): string {
  return cookie(c, '', 0);
}
