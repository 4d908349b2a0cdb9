/**
 * Which answer shape a path's clients read: JSON-RPC for the MCP doors, the `{success, result,
 * error: {code, message, details}}` envelope for REST `/tools…`, MoviePilot's envelope (`error`
 * is one string) for its REST routes under `/api/v1/mcp/`, and the platform's `{success, error:
 * {code, message, details}}` with lower-case codes under `/v1`.
 */
export type Door = 'rpc' | 'rest' | 'moviepilot' | 'v1';

/** The door a path belongs to, for errors answered before its route runs. */
export function doorOf(path: string): Door {
  if (/^\/(mcp|sse|messages)(\/|$)/.test(path) || /^\/api\/v1\/mcp\/?$/.test(path)) return 'rpc';
  if (path.startsWith('/api/v1/mcp/')) return 'moviepilot';
  if (/^\/v1(\/|$)/.test(path)) return 'v1';
  return 'rest';
}

/** A refusal before or instead of a tool: status, our code, a message that says what to do. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown> | null;
  headers?: Record<string, string>;
}

/** The JSON-RPC error code a refusal carries on the MCP doors. */
function rpcCode(refusal: Refusal): number {
  return refusal.code === 'INVALID_REQUEST' || refusal.code === 'PAYLOAD_TOO_LARGE'
    ? -32600
    : -32000;
}

/** The platform's lower-case code for one of ours (PLATFORM.md's table where it names one). */
function v1Code(code: string): string {
  if (code === 'INVALID_INPUT' || code === 'INVALID_REQUEST') return 'invalid_request';
  if (code === 'INTERNAL') return 'internal_error';
  return code.toLowerCase();
}

/** A JSON answer. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A JSON-RPC error answer with a chosen code (id null: the request may not have had one). */
export function rpcError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
  id: string | number | null = null,
): Response {
  return json(status, { jsonrpc: '2.0', error: { code, message }, id }, headers);
}

/** The refusal in the shape the door's clients read. */
export function refuse(door: Door, refusal: Refusal): Response {
  const { status, code, message, headers = {} } = refusal;
  if (door === 'rpc') return rpcError(status, rpcCode(refusal), message, headers);
  if (door === 'v1') {
    return json(
      status,
      { success: false, error: { code: v1Code(code), message, details: refusal.details ?? null } },
      headers,
    );
  }
  if (door === 'moviepilot') {
    return json(status, { success: false, result: null, error: `${code}: ${message}` }, headers);
  }
  return json(
    status,
    { success: false, result: null, error: { code, message, details: refusal.details ?? null } },
    headers,
  );
}
