import type { ToolErrorCode } from '@plexmcp/plex-tools';
import { describe, expect, it } from 'vitest';
import { PlatformError } from './platform-error.js';
import { fromToolError, TOOL_ERRORS } from './tool-errors.js';

// PLATFORM.md's table, restated row by row so a change to either side is seen.
const TABLE: [ToolErrorCode, string, number][] = [
  ['INVALID_INPUT', 'invalid_request', 400],
  ['AMBIGUOUS', 'ambiguous', 400],
  ['CONFIRMATION_REQUIRED', 'confirmation_required', 400],
  ['NOT_FOUND', 'not_found', 404],
  ['FORBIDDEN', 'forbidden', 403],
  ['RATE_LIMITED', 'rate_limited', 429],
  ['UNAUTHORIZED', 'upstream_unauthorized', 502],
  ['PLEX_ERROR', 'upstream_error', 502],
  ['PLEX_UNREACHABLE', 'upstream_unavailable', 503],
  ['TIMEOUT', 'upstream_timeout', 504],
  ['INTERNAL', 'internal_error', 500],
];

describe('tool errors on /v1', () => {
  it('has exactly one row per tool error code', () => {
    expect(Object.keys(TOOL_ERRORS).sort()).toEqual(TABLE.map(([tool]) => tool).sort());
  });

  it.each(TABLE)('%s → %s (%i)', (tool, code, status) => {
    expect(TOOL_ERRORS[tool]).toEqual({ code, status });
    const error = fromToolError({ code: tool, message: 'What to do next.', details: { n: 1 } });
    expect(error).toBeInstanceOf(PlatformError);
    expect([error.code, error.status, error.details]).toEqual([code, status, { n: 1 }]);
  });

  it('names bad arguments in details.fields, as every invalid_request of /v1 does', () => {
    const error = fromToolError({
      code: 'INVALID_INPUT',
      message: 'Invalid arguments for media_search: query: required.',
      details: {
        issues: [
          { field: 'query', problem: 'required' },
          { field: 'filters.year', problem: 'Invalid type' },
          { field: '(arguments)', problem: 'Unknown key' },
        ],
      },
    });
    expect(error.details).toEqual({
      fields: [
        { field: 'arguments.query', problem: 'required' },
        { field: 'arguments.filters.year', problem: 'Invalid type' },
        { field: 'arguments', problem: 'Unknown key' },
      ],
    });
  });

  it('keeps the tool message and details (ambiguous candidates included)', () => {
    const candidates = [{ media_id: 1, title: 'Alien' }];
    const error = fromToolError({
      code: 'AMBIGUOUS',
      message: "2 items match 'Alien'; call again with media_id.",
      details: { candidates },
    });
    expect(error.message).toBe("2 items match 'Alien'; call again with media_id.");
    expect(error.details).toEqual({ candidates });
  });

  it("words Plex refusing the MCP's token as ours, and never sends logDetail", () => {
    const error = fromToolError({
      code: 'UNAUTHORIZED',
      message: 'Plex refused the token. Set PLEX_TOKEN.',
      logDetail: 'GET http://10.0.0.5:32400/library failed',
    });
    expect(error.message).toMatch(/^Plex refused this MCP's stored token/);
    expect(error.message).not.toContain('PLEX_TOKEN');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('10.0.0.5');
    expect(error.details).toBeNull();
  });

  it('words a remote MCP refusing its stored headers as about headers, not a Plex token', () => {
    const error = fromToolError({
      code: 'UNAUTHORIZED',
      message: 'The remote MCP refused the headers stored for it (HTTP 401).',
      details: { upstream: 'remote', status: 401 },
    });
    expect([error.code, error.status]).toEqual(['upstream_unauthorized', 502]);
    expect(error.message).toMatch(/^The remote MCP refused this MCP's stored headers/);
    expect(error.details).toEqual({ upstream: 'remote', status: 401 });
  });
});
