import type { AnyTool, CallContext, ToolResult } from '@plexmcp/plex-tools';
import { runServedTool } from '../server/deployment-hints.js';
import type { Caller } from './auth.js';
import { createGate } from './gate.js';

/** Runs one tool for one caller (what every door calls). */
export type ToolRunner = (tool: AnyTool, args: unknown, ctx: CallContext) => Promise<ToolResult>;

/**
 * A runner per caller that lets each API key run at most `perKey` tool calls at once; the rest
 * wait their turn (or give up when their caller cancels). Together with the Plex client's own cap
 * on requests in flight, one key cannot crowd Plex out for the others.
 */
export function createToolCalls(perKey: number) {
  const gates = new Map<string, ReturnType<typeof createGate>>();
  return (caller: Caller): ToolRunner =>
    async (tool, args, ctx) => {
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
}
