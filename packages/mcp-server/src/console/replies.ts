// The console's own answers. JSON ones use the platform's envelope (`{success: false, error:
// {code, message, details}}`, lower-case codes), since the console reads /v1 answers through
// the same code; none of them is ever cached.

import { secured } from './security-headers.js';

/** A JSON answer of the console, never cached. */
export function consoleJson(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: secured(
      new Headers({
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...headers,
      }),
    ),
  });
}

/** A refusal in the platform's error shape. */
export function consoleError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return consoleJson(status, { success: false, error: { code, message, details: null } }, headers);
}
