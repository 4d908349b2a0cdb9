import type { RequestContext } from '../../http/context.js';
import { json } from '../../http/responses.js';

/**
 * A plex.tv v2 error body. plex.tv numbers its errors itself (1000 for a missing parameter,
 * 1020 for an unknown or expired PIN), so handlers that know the code answer it directly rather
 * than throwing `HttpError`, whose generic code the dispatcher derives from the status.
 */
export function plexTvError(status: number, code: number, message: string): Response {
  return json({ errors: [{ code, message, status }] }, { status });
}

/** plex.tv's answer when a v2 endpoint that needs `X-Plex-Client-Identifier` gets none. */
export function missingClientIdentifier(): Response {
  return plexTvError(400, 1000, 'X-Plex-Client-Identifier is missing');
}

/** The caller's client identifier, or undefined when it sent none (header or query). */
export function clientIdentifierOf(ctx: RequestContext): string | undefined {
  const id = ctx.clientIdentifier?.trim();
  return id ? id : undefined;
}
