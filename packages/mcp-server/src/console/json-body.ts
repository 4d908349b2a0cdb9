// The console's JSON request bodies. JSON only: a cross-site form cannot send it without a CORS
// preflight, which this server never grants.

import type { Context } from 'hono';
import { consoleError } from './replies.js';

/** The request's JSON object, or the refusal to answer (415 not JSON, 400 not an object). */
export async function jsonBody(
  c: Context,
  example: string,
): Promise<Record<string, unknown> | Response> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return consoleError(415, 'unsupported_media_type', `Send JSON: ${example}.`);
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return consoleError(400, 'invalid_request', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return consoleError(400, 'invalid_request', `Send a JSON object: ${example}.`);
  }
  return body as Record<string, unknown>;
}
