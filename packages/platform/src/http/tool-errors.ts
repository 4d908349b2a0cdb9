import type { ToolErrorCode, ToolErrorInfo } from '@plexmcp/plex-tools';
import { type ErrorCode, PlatformError } from './platform-error.js';

/** The `/v1` face of one tool error code: our code and the HTTP status. */
export interface V1Failure {
  code: ErrorCode;
  status: number;
}

/**
 * PLATFORM.md's table from a tool's error code to the `/v1` code and status, for
 * `POST /v1/mcp/invoke`. Keyed by the tool codes' closed set, so a new tool code fails to compile
 * until it has a row.
 */
export const TOOL_ERRORS: Readonly<Record<ToolErrorCode, V1Failure>> = {
  INVALID_INPUT: { code: 'invalid_request', status: 400 },
  // The caller must choose (details.candidates) or confirm; nothing failed on our side.
  AMBIGUOUS: { code: 'ambiguous', status: 400 },
  CONFIRMATION_REQUIRED: { code: 'confirmation_required', status: 400 },
  NOT_FOUND: { code: 'not_found', status: 404 },
  FORBIDDEN: { code: 'forbidden', status: 403 },
  RATE_LIMITED: { code: 'rate_limited', status: 429 },
  // Plex refused the MCP's stored token: the caller's key is fine, so not 401.
  UNAUTHORIZED: { code: 'upstream_unauthorized', status: 502 },
  PLEX_ERROR: { code: 'upstream_error', status: 502 },
  PLEX_UNREACHABLE: { code: 'upstream_unavailable', status: 503 },
  TIMEOUT: { code: 'upstream_timeout', status: 504 },
  INTERNAL: { code: 'internal_error', status: 500 },
};

/**
 * A failed tool call as the PlatformError invoke throws. Plex (or a remote MCP) refusing the MCP's
 * own credentials gets a message of ours, so it cannot read as the caller's key failing; `logDetail` never leaves.
 */
export function fromToolError(error: ToolErrorInfo): PlatformError {
  const { code, status } = TOOL_ERRORS[error.code];
  // A remote MCP's failures say so in their details; its credentials are headers, not a token.
  const remote = error.details?.upstream === 'remote';
  const message =
    error.code !== 'UNAUTHORIZED'
      ? error.message
      : remote
        ? "The remote MCP refused this MCP's stored headers. An admin of the organization must update the MCP's headers."
        : "Plex refused this MCP's stored token. An admin of the organization must update the MCP's token.";
  return new PlatformError(code, status, message, v1Details(error));
}

/**
 * A tool's details as /v1 words them. Bad arguments name their fields as every invalid_request
 * of /v1 does (`details.fields`, paths within the request body), not as the tool's `issues`.
 */
function v1Details(error: ToolErrorInfo): Record<string, unknown> | null {
  const details = error.details ?? null;
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(details?.issues)) return details;
  const { issues, ...rest } = details;
  const fields = (issues as { field?: unknown; problem?: unknown }[]).map((issue) => ({
    field:
      typeof issue.field === 'string' && issue.field !== '(arguments)'
        ? `arguments.${issue.field}`
        : 'arguments',
    problem: String(issue.problem ?? 'is not valid'),
  }));
  return { ...rest, fields };
}
