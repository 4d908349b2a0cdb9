import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import * as v from 'valibot';
import { type Logger, logToolFailure } from '../server/logger.js';
import { mcpToolListing } from '../server/tool-list.js';
import { toCallToolResult } from '../server/tool-result.js';
import type { Caller } from './auth.js';
import { type FrontDoorEnv, NOT_JSON } from './guards.js';
import { jsonObject } from './json-object.js';
import { json, rpcError } from './replies.js';
import { findToolFor, isRefusal, runFor, type ServedTools, toolsFor } from './served-tools.js';
import type { SessionRegistry } from './sessions.js';

/** The protocol versions MoviePilot's API names, newest first. */
export const MOVIEPILOT_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2024-11-05'] as const;

/** JSON-RPC error codes as MoviePilot's API documents them, with the HTTP status each gets. */
const ERRORS = {
  parse: { code: -32700, status: 400 },
  invalidRequest: { code: -32600, status: 400 },
  methodNotFound: { code: -32601, status: 200 },
  invalidParams: { code: -32602, status: 400 },
  sessionNotFound: { code: -32002, status: 404 },
  notInitialized: { code: -32003, status: 400 },
  internal: { code: -32603, status: 500 },
} as const;

type RpcId = string | number | null;

const fail = (kind: keyof typeof ERRORS, message: string, id: RpcId = null) =>
  rpcError(ERRORS[kind].status, ERRORS[kind].code, message, {}, id);

const answer = (id: RpcId, result: unknown, headers: Record<string, string> = {}) =>
  json(200, { jsonrpc: '2.0', id, result }, headers);

/** One JSON-RPC 2.0 request or notification, as this door accepts it. */
const RpcMessage = v.object({
  jsonrpc: v.literal('2.0'),
  method: v.string(),
  id: v.optional(v.union([v.string(), v.number(), v.null()])),
  params: v.optional(jsonObject('params must be an object')),
});

const CallParams = v.object({
  name: v.pipe(v.string(), v.nonEmpty()),
  arguments: v.optional(v.nullable(jsonObject('arguments must be an object'))),
});

interface RpcSession {
  initialized: boolean;
}

/** What the MoviePilot-style JSON-RPC door needs. */
export interface MoviePilotDoorOptions {
  served: ServedTools;
  sessions: SessionRegistry;
  logger: Logger;
  version: string;
}

/**
 * MoviePilot's JSON-RPC at `POST /api/v1/mcp`: plain JSON answers whatever the client accepts
 * (no SSE, so no 406), sessions by `Mcp-Session-Id` from `initialize`, and the error codes that
 * API documents: -32002 for an unknown session, -32003 for any method but initialize and ping
 * before `notifications/initialized`. Sessions share the registry's quotas with the other doors.
 */
export function createMoviePilotDoor(options: MoviePilotDoorOptions) {
  const state = new Map<string, RpcSession>();

  function initialize(caller: Caller, id: RpcId, params: Record<string, unknown> | undefined) {
    const asked = params?.protocolVersion;
    const protocolVersion = MOVIEPILOT_PROTOCOL_VERSIONS.find((known) => known === asked);
    const sessionId = randomUUID();
    state.set(sessionId, { initialized: false });
    options.sessions.admit({
      id: sessionId,
      owner: caller.owner,
      close: () => state.delete(sessionId),
    });
    return answer(
      id,
      {
        protocolVersion: protocolVersion ?? MOVIEPILOT_PROTOCOL_VERSIONS[0],
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'plexmcp', title: 'Plex', version: options.version },
      },
      { 'mcp-session-id': sessionId },
    );
  }

  async function callTool(
    c: Context<FrontDoorEnv>,
    id: RpcId,
    params: Record<string, unknown> | undefined,
  ) {
    const parsed = v.safeParse(CallParams, params ?? {});
    if (!parsed.success) {
      return fail(
        'invalidParams',
        'Invalid params: tools/call needs params.name (a tool from tools/list) and, optionally, params.arguments as an object.',
        id,
      );
    }
    const caller = c.get('caller');
    const tool = findToolFor(options.served, caller, parsed.output.name);
    // A tool outside the key's scopes is as unknown here as it is absent from tools/list.
    if (isRefusal(tool)) {
      return fail(
        'invalidParams',
        `Invalid params: unknown tool ${parsed.output.name}. Call tools/list for the tools this key may use.`,
        id,
      );
    }
    const result = await runFor(
      options.served,
      caller,
      tool,
      parsed.output.arguments ?? {},
      c.req.raw.signal,
    );
    if (!result.ok) logToolFailure(options.logger, tool.name, result.error);
    return answer(id, toCallToolResult(result));
  }

  async function dispatch(c: Context<FrontDoorEnv>): Promise<Response> {
    const body = c.get('body');
    if (body === NOT_JSON) return fail('parse', 'Parse error: the body is not JSON.');
    if (Array.isArray(body)) {
      return fail('invalidRequest', 'Invalid Request: send one JSON-RPC message per POST.');
    }
    const message = v.safeParse(RpcMessage, body);
    if (!message.success) {
      const rawId = (body as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
      return fail(
        'invalidRequest',
        'Invalid Request: expected {"jsonrpc": "2.0", "method": "...", "id": ...}.',
        id,
      );
    }
    const { method, params } = message.output;
    const id = message.output.id ?? null;
    const isNotification = message.output.id === undefined;
    const caller = c.get('caller');

    if (method === 'initialize') return initialize(caller, id, params);
    if (method === 'ping') return answer(id, {});

    const sessionId = c.req.header('mcp-session-id');
    if (sessionId === undefined) {
      return fail('notInitialized', 'Not initialized: call initialize first.', id);
    }
    const session = options.sessions.use(sessionId, caller.owner) && state.get(sessionId);
    if (!session) {
      return fail('sessionNotFound', 'Session not found: call initialize for a new one.', id);
    }
    if (method === 'notifications/initialized') {
      session.initialized = true;
      return new Response(null, { status: 202 });
    }
    if (isNotification) return new Response(null, { status: 202 });
    if (!session.initialized) {
      return fail(
        'notInitialized',
        'Not initialized: send notifications/initialized after initialize.',
        id,
      );
    }
    if (method === 'tools/list') {
      return answer(id, { tools: mcpToolListing(toolsFor(options.served, caller)) });
    }
    if (method === 'tools/call') return callTool(c, id, params);
    return fail('methodNotFound', `Method not found: ${method}.`, id);
  }

  return {
    async post(c: Context<FrontDoorEnv>): Promise<Response> {
      try {
        return await dispatch(c);
      } catch (error) {
        // The operator gets the failure; the caller a code, never an internal dump.
        const detail = error instanceof Error ? error.message : String(error);
        options.logger.error(`/api/v1/mcp failed: ${detail}`);
        return fail('internal', 'Internal error: the server log has the details.');
      }
    },

    delete(c: Context<FrontDoorEnv>): Response {
      const sessionId = c.req.header('mcp-session-id');
      // Only this door's sessions: the same key's /mcp or /sse session is not for it to end.
      if (
        !sessionId ||
        !state.has(sessionId) ||
        !options.sessions.use(sessionId, c.get('caller').owner)
      ) {
        return fail('sessionNotFound', 'Session not found: nothing to close.');
      }
      options.sessions.close(sessionId);
      return new Response(null, { status: 204 });
    },
  };
}
