import { ToolError } from '@plexmcp/plex-tools';
import type { Context } from 'hono';
import { failure, reply } from './envelope.js';
import { PlatformError } from './platform-error.js';
import { fromToolError } from './tool-errors.js';

/** Where the `/v1` layer writes what callers must not see (causes of 500s). */
export interface ErrorLog {
  error(message: string): void;
}

/** The default log: stderr, because stdout may belong to JSON-RPC. */
export const STDERR_LOG: ErrorLog = {
  error: (message) => process.stderr.write(`${message}\n`),
};

/** A PlatformError as its error envelope, with its status and headers. */
export function errorResponse(error: PlatformError): Response {
  return reply(error.status, failure(error.code, error.message, error.details), error.headers);
}

/**
 * The one place a thrown error becomes an answer: a PlatformError answers as itself; a ToolError
 * (a runtime's MCP failing while listing its tools or resources) as PLATFORM's table says; anything
 * else is 500 `internal_error` with a generic message, its description going only to the log
 * (a stack or a driver's message can carry SQL, paths or secrets).
 */
export function handleError(log: ErrorLog) {
  return (error: unknown, c: Context): Response => {
    if (error instanceof PlatformError) return errorResponse(error);
    if (error instanceof ToolError) {
      return errorResponse(
        fromToolError({
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        }),
      );
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log.error(`${c.req.method} ${c.req.path} failed: ${what}`);
    return errorResponse(
      new PlatformError(
        'internal_error',
        500,
        'Unexpected failure; the server log has the details.',
      ),
    );
  };
}
