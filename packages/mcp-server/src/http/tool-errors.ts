import type { ToolErrorCode, ToolErrorInfo } from '@plexmcp/plex-tools';

/** A tool failure as an HTTP caller gets it: status, the code it reads, the message. */
export interface HttpToolError {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown> | null;
}

const STATUS: Record<ToolErrorCode, number> = {
  INVALID_INPUT: 400,
  // The caller must choose or confirm; nothing failed on the server side.
  AMBIGUOUS: 400,
  CONFIRMATION_REQUIRED: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  // Plex refused the server's own token: the caller's key is fine, so not 401.
  UNAUTHORIZED: 502,
  PLEX_ERROR: 502,
  PLEX_UNREACHABLE: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
};

/**
 * The HTTP face of a tool error. A Plex-side 401 becomes 502 `PLEX_UNAUTHORIZED`, so that it does
 * not read as the caller's own key failing; `logDetail` (addresses, causes) never leaves.
 */
export function httpToolError(error: ToolErrorInfo): HttpToolError {
  return {
    status: STATUS[error.code],
    code: error.code === 'UNAUTHORIZED' ? 'PLEX_UNAUTHORIZED' : error.code,
    message:
      error.code === 'UNAUTHORIZED'
        ? "Plex refused this server's token. The server's operator must renew PLEX_TOKEN (plex-mcp-server login)."
        : error.message,
    details: error.details ?? null,
  };
}
