// `/mcp/{mcp_id}`: every MCP of the platform as a Streamable HTTP endpoint for assistants, through
// the `/mcp` door (same keys, scopes, sessions and limits). The MCP is loaded for the caller on
// every request, so another organization's MCP, one outside the key's mcp_ids, or one deleted
// meanwhile is 404 at once (and a session on a deleted MCP ends); a session lives as long as the
// MCP is unchanged — after a PATCH its client is told to initialize again. A Plex MCP is served
// by our own MCP server over its Plex client, a remote one by a proxy to its client.

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { McpTarget } from '@plexmcp/platform';
import type { Context } from 'hono';
import { createPlexMcpServer } from '../server/create-server.js';
import type { Logger } from '../server/logger.js';
import { type Caller, scopeFilter } from './auth.js';
import type { FrontDoorEnv } from './guards.js';
import type { createMcpDoor } from './mcp-door.js';
import type { ServerPlatform } from './platform.js';
import type { PlatformRuntime } from './platform-runtime.js';
import type { RemoteClients } from './remote-clients.js';
import { createRemoteProxyServer } from './remote-proxy.js';
import type { RemoteRuntime } from './remote-runtime.js';
import { refuse } from './replies.js';
import type { ServedTools } from './served-tools.js';

/** What the door serves MCPs with. */
export interface McpIdDoorOptions {
  door: ReturnType<typeof createMcpDoor>;
  platform: ServerPlatform;
  runtime: PlatformRuntime;
  remote: RemoteRuntime;
  clients: RemoteClients;
  served: ServedTools;
  logger: Logger;
  version: string | undefined;
}

export function createMcpIdDoor(options: McpIdDoorOptions) {
  const { platform, runtime, logger } = options;

  const sessionServer = (target: McpTarget, caller: Caller): Server => {
    if (target.mcp.kind === 'remote') {
      return createRemoteProxyServer({
        target,
        caller,
        clients: options.clients,
        remote: options.remote,
        logger,
        version: options.version ?? '0.1.0',
      });
    }
    const serving = runtime.plexServing(target);
    return createPlexMcpServer({
      plex: serving.plex,
      config: serving.config,
      allow: scopeFilter(caller),
      logger,
      runTool: options.served.runnerFor(caller),
      ...(serving.options ? { tools: serving.options } : {}),
      ...(options.version ? { version: options.version } : {}),
    });
  };

  return {
    async handle(c: Context<FrontDoorEnv>): Promise<Response> {
      const id = c.req.param('mcp_id') ?? '';
      const caller = c.get('caller');
      const target = caller.platform ? await platform.loadMcp(caller.platform, id) : undefined;
      if (!target) {
        const sessionId = c.req.header('mcp-session-id');
        if (sessionId !== undefined) options.door.end(c, sessionId, `/mcp/${id}`);
        // The same words whether it exists elsewhere or nowhere: nothing of another tenant leaks.
        return refuse('rpc', {
          status: 404,
          code: 'NOT_FOUND',
          message: `No MCP ${id} for this key. GET /v1/mcps lists the MCPs it may use.`,
        });
      }
      return options.door.handle(c, {
        key: `/mcp/${id}`,
        version: target.mcp.updated_at,
        createServer: (who) => sessionServer(target, who),
      });
    },
  };
}
