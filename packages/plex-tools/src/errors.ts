import { isPlexError, type PlexError, redactText } from '@plexmcp/plex-client';

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
  /**
   * For the operator's log only: never sent to callers. What went wrong where (the server's
   * address, the original exception), which a caller of the MCP server has no business seeing.
   */
  logDetail?: string;
}

/**
 * Marks every `ToolError`, whichever copy of this package built it (`Symbol.for` is shared across
 * copies, a class is not): a tool defined against an app's own `@plexmcp/plex-tools` may throw
 * into a server running another copy.
 */
const TOOL_ERROR_BRAND: unique symbol = Symbol.for('plexmcp.ToolError');

/** Whether `value` carries the brand of a `ToolError` from any copy of this package. */
function hasToolErrorBrand(value: unknown): value is ToolError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [TOOL_ERROR_BRAND]?: unknown })[TOOL_ERROR_BRAND] === true
  );
}

/**
 * Thrown by tools for expected failures; `callTool` turns it into an error result.
 * `error instanceof ToolError` checks the brand, so it holds across copies of this package.
 */
export class ToolError extends Error {
  /** The brand `instanceof ToolError` looks for; set on the prototype, not on each instance. */
  declare readonly [TOOL_ERROR_BRAND]: true;

  static {
    Object.defineProperty(ToolError.prototype, TOOL_ERROR_BRAND, { value: true });
    Object.defineProperty(ToolError, Symbol.hasInstance, { value: toolErrorHasInstance });
  }

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

// A call that timed out may well work a moment later, which the client's advice does not say.
const TIMEOUT_ADVICE =
  ' Try again; if it keeps happening, check the server load or raise the timeout.';

/**
 * The client's message, which already says what to do in words that fit any deployment. Only a
 * timeout's closing advice is replaced. Settings of a particular deployment (environment
 * variables, commands) are for the application serving the tools to add (see mcp-server).
 */
function toolMessage(message: string, code: ToolErrorCode): string {
  if (code !== 'TIMEOUT') return message;
  const fact = firstSentence(message);
  return fact === undefined ? `${message}${TIMEOUT_ADVICE}` : `${fact}${TIMEOUT_ADVICE}`;
}

/** The first sentence of a client message (URLs hold no spaces, so ". " ends it). */
function firstSentence(message: string): string | undefined {
  return /^[\s\S]*?\.(?= )/.exec(message)?.[0];
}

/** The one place where any thrown value becomes a tool error. */
export function toToolError(error: unknown): ToolErrorInfo {
  // Brand checks, not class checks: the error may come from another copy of either package.
  if (hasToolErrorBrand(error)) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (isPlexError(error)) {
    const code = FROM_PLEX[error.code];
    const details: Record<string, unknown> = { plex_code: error.code };
    if (error.status !== undefined) details.status = error.status;
    return {
      code,
      message: toolMessage(error.message, code),
      details,
      logDetail: plexDetail(error),
    };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'TIMEOUT', message: 'The call was cancelled before Plex answered.' };
  }
  // An unexpected exception's text can hold anything (paths, addresses, a library's internals):
  // the caller learns that it happened, the operator's log learns what it was.
  return {
    code: 'INTERNAL',
    message: 'Unexpected failure inside the tool; the server log has the details.',
    logDetail: redactText(describeThrown(error)),
  };
}

/**
 * `plex UNREACHABLE GET http://192.168.1.10:32400/library/sections (ECONNREFUSED)`: the client's
 * code, status, method and full URL (already redacted by the client), and the network code.
 */
function plexDetail(error: PlexError): string {
  const status = error.status === undefined ? '' : ` ${error.status}`;
  const network = networkCode(error.cause);
  const why = network === undefined ? '' : ` (${network})`;
  return `plex ${error.code}${status} ${error.method} ${error.url}${why}`;
}

/** The errno-style code (`ECONNREFUSED`, `ENOTFOUND`, …) somewhere in a cause chain. */
function networkCode(cause: unknown): string | undefined {
  let current = cause;
  for (let depth = 0; depth < 4 && current instanceof Object; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `Name: message` of a thrown value, whatever was thrown. */
function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `Non-error thrown: ${String(error)}`;
  } catch {
    return 'Non-error thrown (not printable)';
  }
}

/**
 * `instanceof` for ToolError and the subclasses that inherit it: the brand for ToolError itself, so
 * an error from another copy of the package passes; the prototype chain for a subclass.
 */
function toolErrorHasInstance(this: unknown, value: unknown): boolean {
  if (this === ToolError) return hasToolErrorBrand(value);
  return Function.prototype[Symbol.hasInstance].call(this, value);
}
