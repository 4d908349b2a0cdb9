// What a remote MCP's failures are to our callers: the tool error codes PLATFORM.md's table
// answers (upstream_unauthorized 502, upstream_error 502, upstream_unavailable 503,
// upstream_timeout 504). Messages are ours: the remote's URL and headers may carry secrets, and
// an exception's text from the transport can quote either, so it goes to logDetail at most,
// and even then without the URL.

import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolErrorInfo } from '@plexmcp/plex-tools';

/** Marks our failures (timeouts, a deadline) apart from whatever the transport throws. */
export class RemoteTimeout extends Error {
  constructor() {
    super('remote MCP timed out');
    this.name = 'RemoteTimeout';
  }
}

/** Said of every failure, so a caller knows which side failed. */
const REMOTE = 'The remote MCP';

/** Details every remote failure carries: the platform words refusals of our headers by them. */
const DETAILS = { upstream: 'remote' } as const;

/** The HTTP status a transport error carries, if it is one (-1: an unexpected content type). */
export function httpStatusOf(error: unknown): number | undefined {
  return error instanceof StreamableHTTPError && typeof error.code === 'number'
    ? error.code
    : undefined;
}

/**
 * Whether the remote forgot our session (it ended, or restarted): the spec answers 404, and some
 * servers answer 400 to a session id they do not know. Either way the request did not run, so
 * one retry on a fresh session is safe.
 */
export function isSessionLost(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === 404 || status === 400;
}

/** Node's fetch failing before any answer: refused, reset, no such host. */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|terminated|socket/i.test(error.message);
}

/** The exception's text for the operator's log, without anything that looks like a URL. */
function logDetailOf(mcpId: string, error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const scrubbed = `${text}${cause ? ` (${cause})` : ''}`.replace(
    /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
    '<url>',
  );
  return `remote MCP ${mcpId}: ${scrubbed.slice(0, 500)}`;
}

/** A thrown failure of talking to a remote MCP, as a tool error. */
export function remoteFailure(mcpId: string, error: unknown): ToolErrorInfo {
  const logDetail = logDetailOf(mcpId, error);
  // Ours, or the shared connect's own deadline (DOMException TimeoutError).
  if (error instanceof RemoteTimeout || (error instanceof Error && error.name === 'TimeoutError')) {
    return {
      code: 'TIMEOUT',
      message: `${REMOTE} did not answer in time. Try again later, or ask an admin to check it.`,
      details: { ...DETAILS },
      logDetail,
    };
  }
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return {
      code: 'TIMEOUT',
      message: `${REMOTE} did not answer in time.`,
      details: { ...DETAILS },
      logDetail,
    };
  }
  const status = httpStatusOf(error);
  if (status === 401 || status === 403) {
    return {
      code: 'UNAUTHORIZED',
      message: `${REMOTE} refused the headers stored for it (HTTP ${status}).`,
      details: { ...DETAILS, status },
      logDetail,
    };
  }
  if (status !== undefined) {
    return {
      code: 'PLEX_ERROR',
      message:
        status === -1
          ? `${REMOTE} answered something that is not MCP (an unexpected content type).`
          : `${REMOTE} answered HTTP ${status}.`,
      details: { ...DETAILS, ...(status === -1 ? {} : { status }) },
      logDetail,
    };
  }
  if (isConnectionFailure(error)) {
    return {
      code: 'PLEX_UNREACHABLE',
      message: `${REMOTE} cannot be reached. Check that it is running, or ask an admin to check its URL.`,
      details: { ...DETAILS },
      logDetail,
    };
  }
  if (error instanceof McpError) {
    // A JSON-RPC error the remote answered: its message is the remote's own words.
    return {
      code: error.code === ErrorCode.InvalidParams ? 'INVALID_INPUT' : 'PLEX_ERROR',
      message: `${REMOTE} refused the request: ${error.message.slice(0, 500)}`,
      details: { ...DETAILS, rpc_code: error.code },
      logDetail,
    };
  }
  // A body that is not JSON, JSON that is not MCP (a schema refusing it), anything else.
  return {
    code: 'PLEX_ERROR',
    message: `${REMOTE} answered something that is not valid MCP.`,
    details: { ...DETAILS },
    logDetail,
  };
}
