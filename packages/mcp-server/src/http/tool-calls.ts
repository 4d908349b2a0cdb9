import type { AnyTool, CallContext, ToolResult } from '@plexmcp/plex-tools';
import { runServedTool } from '../server/deployment-hints.js';
import type { Caller } from './auth.js';
import { createGate } from './gate.js';
import { meteringActive, recordToolCall } from './metering.js';

/** Runs one tool for one caller (what every door calls). */
export type ToolRunner = (tool: AnyTool, args: unknown, ctx: CallContext) => Promise<ToolResult>;

/**
 * A runner per caller that lets each API key run at most `perKey` tool calls at once; the rest
 * wait their turn (or give up when their caller cancels). Together with the Plex client's own cap
 * on requests in flight, one key cannot crowd Plex out for the others.
 *
 * Every door's tool calls pass here, so this is where they are metered: each call, with its
 * outcome and its duration including the wait for its turn (what the caller felt), counted in
 * memory under the door and MCP of the request it runs in (see metering.ts).
 */
export function createToolCalls(perKey: number) {
  const gates = new Map<string, ReturnType<typeof createGate>>();

  /** The call itself, in its caller's turn. */
  const runInTurn = async (
    caller: Caller,
    tool: AnyTool,
    args: unknown,
    ctx: CallContext,
  ): Promise<ToolResult> => {
    let gate = gates.get(caller.owner);
    if (!gate) {
      gate = createGate(perKey);
      gates.set(caller.owner, gate);
    }
    let leave: () => void;
    try {
      leave = await gate.enter(ctx.signal);
    } catch {
      return {
        ok: false,
        error: { code: 'TIMEOUT', message: 'The call was cancelled before it started.' },
      };
    }
    try {
      return await runServedTool(tool, args, ctx);
    } finally {
      leave();
      if (gate.idle()) gates.delete(caller.owner);
    }
  };

  return (caller: Caller): ToolRunner =>
    async (tool, args, ctx) => {
      // The local user, and tool runs that are part of a /v1 request, are not counted here.
      if (!caller.platform || !meteringActive()) return runInTurn(caller, tool, args, ctx);
      const started = performance.now();
      // A throw is counted as what the caller will see: an internal failure.
      let outcome = 'INTERNAL';
      try {
        const result = await runInTurn(caller, tool, args, ctx);
        outcome = result.ok ? 'ok' : result.error.code;
        return result;
      } finally {
        recordToolCall(caller, tool.name, outcome, performance.now() - started);
      }
    };
}
