// The organization's MCPs: list and read them (any key), add, change and remove them (admin).

import type { KeyObject } from 'node:crypto';
import * as v from 'valibot';
import { pathId } from '../http/validation.js';
import { isId } from '../ids.js';
import type { McpRuntime } from '../runtime/mcp-runtime.js';
import {
  createMcp,
  deleteMcp,
  getMcp,
  listMcps,
  loadMcpTarget,
  updateMcp,
} from '../services/mcps.js';
import type { Storage } from '../storage/storage.js';
import { callerOf, defineV1Route } from './define.js';
import {
  CreateMcpBody,
  DeletedMcpSchema,
  McpDetailSchema,
  McpSchema,
  UpdateMcpBody,
} from './schemas.js';

const mcpId = pathId((s) => isId('mcp', s), 'An MCP id (mcp_…).');

/** How long `GET /mcps/{id}` waits for its health probe: a slow MCP is `timeout`, not a hang. */
export const PROBE_TIMEOUT_MS = 3000;

/**
 * The MCP routes over `storage`; `secretKey` seals the tokens and headers they store. With the
 * runtime, `GET /mcps/{id}` adds a health probe's status and the tool count.
 */
export function mcpRoutes(
  storage: Storage,
  secretKey: KeyObject,
  {
    runtime,
    changed = () => {},
  }: {
    runtime?: McpRuntime | undefined;
    /** Told after an MCP was changed or removed here, so nothing keeps its old settings. */
    changed?: (mcpId: string) => void;
  } = {},
) {
  return [
    defineV1Route({
      method: 'GET',
      path: '/mcps',
      summary: "The organization's MCPs",
      description:
        'Oldest first. A key confined to some MCPs (mcp_ids) lists only those. Never a token or header.',
      list: true,
      response: v.array(McpSchema),
      handler: ({ page }, c) => listMcps(storage, callerOf(c), page),
    }),
    defineV1Route({
      method: 'GET',
      path: '/mcps/:id',
      summary: 'One MCP',
      description:
        "With status (a health probe made for this answer, at most 3 s) and tool_count. 404 for another organization's MCP and for one outside the key's mcp_ids.",
      params: { id: mcpId },
      response: runtime ? McpDetailSchema : McpSchema,
      handler: async ({ params }, c) => {
        const caller = callerOf(c);
        if (!runtime) return getMcp(storage, caller, params.id);
        const target = await loadMcpTarget(storage, secretKey, caller, params.id);
        const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]);
        const probe = await runtime.probe(target, { caller, signal });
        return { ...target.mcp, ...probe };
      },
    }),
    defineV1Route({
      method: 'POST',
      path: '/mcps',
      summary: 'Add an MCP',
      description:
        'A Plex Media Server (kind plex: url, token, toolsets) or another MCP server over Streamable HTTP (kind remote: url, headers). Tokens and headers are stored encrypted and never answered. Access defaults to read. Names are unique per organization, ignoring case.',
      scope: 'admin',
      status: 201,
      body: CreateMcpBody,
      response: McpSchema,
      handler: ({ body }, c) => createMcp(storage, secretKey, callerOf(c), body),
    }),
    defineV1Route({
      method: 'PATCH',
      path: '/mcps/:id',
      summary: 'Change an MCP',
      description:
        "Only the fields sent change; null removes a token, headers or the toolset list. The kind never changes. The server's own Plex takes its url and token from PLEX_URL/PLEX_TOKEN.",
      scope: 'admin',
      params: { id: mcpId },
      body: UpdateMcpBody,
      response: McpSchema,
      handler: async ({ params, body }, c) => {
        const updated = await updateMcp(storage, secretKey, callerOf(c), params.id, body);
        changed(params.id);
        return updated;
      },
    }),
    defineV1Route({
      method: 'DELETE',
      path: '/mcps/:id',
      summary: 'Remove an MCP',
      description:
        "Keys confined to it keep its id, which matches nothing from then on. The server's own Plex is removed by unsetting PLEX_URL.",
      scope: 'admin',
      params: { id: mcpId },
      response: DeletedMcpSchema,
      handler: async ({ params }, c) => {
        const deleted = await deleteMcp(storage, callerOf(c), params.id);
        changed(params.id);
        return deleted;
      },
    }),
  ];
}
