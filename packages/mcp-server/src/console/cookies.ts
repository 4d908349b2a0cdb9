// The session cookie: httpOnly (page scripts never read it), SameSite=Strict (no other site's
// page or link sends it), Secure with the __Host- prefix over https (so a sibling subdomain
// cannot plant one). Behind a TLS-terminating proxy the request arrives as http: the proxy's
// X-Forwarded-Proto says it was https, and trusting it can only add the Secure flag.

import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';

const NAME = 'plexmcp_session';
const HOST_NAME = `__Host-${NAME}`;

/** Whether the browser reached the server over https (directly or through a proxy). */
export function overHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

const nameFor = (c: Context) => (overHttps(c) ? HOST_NAME : NAME);

/** The session id the browser sent, if any. */
export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, nameFor(c)) || undefined;
}

/** A `Set-Cookie` value holding the session id for `maxAgeMs`. */
export function sessionSetCookie(c: Context, id: string, maxAgeMs: number): string {
  return generateCookie(nameFor(c), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(c),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** A `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(c: Context): string {
  return generateCookie(nameFor(c), '', {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(c),
    maxAge: 0,
  });
}
