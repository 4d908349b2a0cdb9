import { PlexError } from '@plexmcp/plex-client';

/** The closed set of error codes a tool call can end with. */
export type ToolErrorCode =
  | 'NOT_FOUND'
  | 'AMBIGUOUS'
  | 'INVALID_INPUT'
  | 'CONFIRMATION_REQUIRED'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'PLEX_UNREACHABLE'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  | 'PLEX_ERROR'
  | 'INTERNAL';

/** A failed tool call: a code, a message that says what to do next, and optional details. */
export interface ToolErrorInfo {
  code: ToolErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown by tools for expected failures; `callTool` turns it into an error result. */
export class ToolError extends Error {
  readonly code: ToolErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ToolErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ToolError';
    this.code = code;
    this.details = details;
  }
}

const FROM_PLEX: Record<PlexError['code'], ToolErrorCode> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'PLEX_ERROR',
  RATE_LIMITED: 'RATE_LIMITED',
  UNREACHABLE: 'PLEX_UNREACHABLE',
  TIMEOUT: 'TIMEOUT',
  INVALID_RESPONSE: 'PLEX_ERROR',
  HTTP_ERROR: 'PLEX_ERROR',
};

const HINTS: Partial<Record<ToolErrorCode, string>> = {
  UNAUTHORIZED: ' Check PLEX_TOKEN, or run `plex-mcp-server login` for a new one.',
  PLEX_UNREACHABLE: ' Check PLEX_URL and that Plex Media Server is running.',
  TIMEOUT: ' Try again; if it keeps happening, check the server load or raise the timeout.',
};

/**
 * The client's message plus the deployment hint. For an unreachable or slow Plex the client's own
 * closing advice ("Check the URL…", "…raise the timeout") says the same thing less precisely, so
 * the hint replaces it instead of repeating it.
 */
function withHint(message: string, code: ToolErrorCode): string {
  const hint = HINTS[code];
  if (!hint) return message;
  if (code === 'PLEX_UNREACHABLE' || code === 'TIMEOUT') {
    // The first sentence states the failure; URLs hold no spaces, so ". " ends it.
    const fact = /^[\s\S]*?\.(?= )/.exec(message)?.[0];
    if (fact) return `${fact}${hint}`;
  }
  return `${message}${hint}`;
}

/** The one place where any thrown value becomes a tool error. */
export function toToolError(error: unknown): ToolErrorInfo {
  if (error instanceof ToolError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof PlexError) {
    const code = FROM_PLEX[error.code];
    const details: Record<string, unknown> = { plex_code: error.code };
    if (error.status !== undefined) details.status = error.status;
    return { code, message: withHint(error.message, code), details };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'TIMEOUT', message: 'The call was cancelled before Plex answered.' };
  }
  return {
    code: 'INTERNAL',
    message: `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
  };
}
