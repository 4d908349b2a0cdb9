// The console talks to /v1 with the SDK's platform client, through the server's session proxy
// (/console/api/v1/…): the proxy adds the session's key, so the client's own Authorization
// header is dropped here, and every request carries the CSRF token instead.

import { createPlexMcpPlatform, type PlatformError, type UnknownTools } from '@plexmcp/sdk';
import { csrfToken, sessionEnded } from './session.js';

/** The client's key option must be set, but the proxy never reads it: a placeholder. */
const NO_KEY_IN_THE_PAGE = 'console-session';

const sessionFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.delete('authorization');
  headers.set('x-csrf-token', csrfToken());
  const response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401) sessionEnded();
  return response;
};

/** The platform client every page uses; MCPs other than Plex have tools it cannot type. */
export const platform = createPlexMcpPlatform<UnknownTools>({
  baseUrl: new URL('/console/api/', window.location.origin),
  apiKey: NO_KEY_IN_THE_PAGE,
  fetch: sessionFetch,
});

/** A failed request in words for the person. */
export function describeError(error: PlatformError): string {
  return error.message || `Request failed (${error.code}).`;
}
