import { networkReason } from './network-reason.js';
import type { CallFailure, ErrorCode } from './types.js';

/** A failed call with this code and message. */
export function failure(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> | null = null,
): CallFailure {
  return { error: { code, message, details } };
}

/** How errors name the server: origin and path only, so no key in a query can leak. */
export function serverAddress(url: URL): string {
  return `the plexmcp server at ${url.origin}${url.pathname.replace(/\/$/, '')}`;
}

/** A thrown fetch (or MCP transport) error as CANCELLED, TIMEOUT or SERVER_UNREACHABLE. */
export function networkFailure(
  error: unknown,
  where: string,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): CallFailure {
  if (callerSignal?.aborted) return failure('CANCELLED', 'The call was cancelled by its caller.');
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return failure(
      'TIMEOUT',
      `No answer from ${where} within ${timeoutMs} ms. It may be busy or Plex may be slow; try again or raise timeoutMs.`,
    );
  }
  return failure(
    'SERVER_UNREACHABLE',
    `Could not reach ${where} (${networkReason(error)}). Is it running with --transport http, and is baseUrl right?`,
  );
}
