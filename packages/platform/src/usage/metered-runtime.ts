// Tool calls through /v1/mcp/invoke are metered here, around the runtime, rather than in the
// server's tool runner: this is the one place that sees every invoke with the MCP it targets,
// whatever kind of MCP runs it (the server's own Plex, a stored Plex, a remote MCP).

import type { McpRuntime } from '../runtime/mcp-runtime.js';
import type { UsageEvent } from './meter.js';

/** `runtime` with each `invoke` counted as a tool call on door `invoke`. */
export function meteredRuntime(
  runtime: McpRuntime,
  record: (event: UsageEvent) => void,
): McpRuntime {
  return {
    ...runtime,
    // Spreading an object built from closures keeps its methods; `this` is not used by runtimes.
    async invoke(target, tool, args, call) {
      const started = performance.now();
      let outcome = 'internal';
      try {
        const result = await runtime.invoke(target, tool, args, call);
        outcome = result.ok ? 'ok' : result.error.code;
        return result;
      } finally {
        record({
          organizationId: call.caller.organizationId,
          keyId: call.caller.keyId,
          mcpId: target.mcp.id,
          tool: tool.name,
          door: 'invoke',
          outcome,
          durationMs: performance.now() - started,
        });
      }
    },
  };
}
