// What a remote MCP's headers may be: sent on every request to it, so they must be valid HTTP,
// bounded, and must not take over what the MCP client itself sets.

import type { FieldProblem } from '../http/platform-error.js';

/** Most headers a remote MCP may have. */
export const MAX_HEADERS = 20;
/** Longest header value accepted (a long bearer token or JWT fits). */
export const MAX_HEADER_VALUE_LENGTH = 4096;

/** An HTTP field name (RFC 9110 token). */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;
/** A field value without line breaks or NUL (which would split or smuggle a header). */
export const HEADER_VALUE_PATTERN = /^[^\r\n\0]*$/;

// Set by the transport for every request; a stored value would break the protocol or the body.
const RESERVED = new Set([
  'host',
  'content-length',
  'content-type',
  'accept',
  'connection',
  'transfer-encoding',
  'mcp-session-id',
  'mcp-protocol-version',
]);

/** Whether a header name is one the MCP client sets itself. */
export function isReservedHeader(name: string): boolean {
  return RESERVED.has(name.toLowerCase());
}

/** Everything wrong with `headers`, each naming `headers.<name>` (empty when they are fine). */
export function headerProblems(headers: Readonly<Record<string, string>>): FieldProblem[] {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) {
    return [{ field: 'headers', problem: `must have at most ${MAX_HEADERS} entries` }];
  }
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    const field = `headers.${name}`;
    if (!HEADER_NAME_PATTERN.test(name)) {
      problems.push({ field, problem: 'is not a valid HTTP header name' });
    } else if (isReservedHeader(name)) {
      problems.push({ field, problem: 'is set by the MCP client itself and cannot be stored' });
    } else if (seen.has(name.toLowerCase())) {
      problems.push({ field, problem: 'repeats a header name (names ignore case)' });
    } else if (typeof value !== 'string' || !HEADER_VALUE_PATTERN.test(value)) {
      problems.push({ field, problem: 'must be a string without line breaks' });
    } else if (value.length > MAX_HEADER_VALUE_LENGTH) {
      problems.push({ field, problem: `must be at most ${MAX_HEADER_VALUE_LENGTH} characters` });
    }
    seen.add(name.toLowerCase());
  }
  return problems;
}
