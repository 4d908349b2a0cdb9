// The server's own Plex (PLEX_URL/PLEX_TOKEN) as an MCP of the default organization, so a
// single-server deployment lists and calls it like any other without configuring anything.
// The row holds no address and no token: the server supplies its own client for it.

import type { ToolModule } from '@plexmcp/plex-tools';
import { newId } from '../ids.js';
import type { McpAccess } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { formatToolsets } from '../storage/toolsets.js';
import { nameKey, toTimestamp } from '../storage/values.js';
import { type Mcp, mcpView } from './views.js';

/** How the builtin MCP is first made; an existing one is never changed by this. */
export interface BuiltinMcpOptions {
  /** Default `Plex`; when an MCP of that name exists, `Plex (server)` and so on. */
  name?: string;
  /** Default `read`; pass the server's configured access (PLEX_MCP_ACCESS). */
  access?: McpAccess;
  /** Default null (every toolset); pass the server's PLEX_MCP_TOOLSETS. */
  toolsets?: readonly ToolModule[] | null;
  now?: Date;
}

/** The organization's builtin MCP, if it has one. */
export async function builtinMcp(
  storage: Storage,
  organizationId: string,
): Promise<Mcp | undefined> {
  const row = await storage.db
    .selectFrom('mcps')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('origin', '=', 'server')
    .executeTakeFirst();
  return row ? mcpView(row) : undefined;
}

/** The names tried in turn: an admin may already have an MCP called `Plex`. */
function candidateNames(name: string): string[] {
  return [name, `${name} (server)`, ...[2, 3, 4].map((n) => `${name} (server ${n})`)];
}

/**
 * The builtin MCP of `organizationId`, created when it has none. Idempotent and safe for
 * replicas starting together: the partial unique index allows one per organization, a losing
 * insert does nothing, and everyone answers the row that won.
 */
export async function ensureBuiltinMcp(
  storage: Storage,
  organizationId: string,
  options: BuiltinMcpOptions = {},
): Promise<Mcp> {
  const existing = await builtinMcp(storage, organizationId);
  if (existing) return existing;
  const stamp = toTimestamp(options.now);
  for (const name of candidateNames(options.name ?? 'Plex')) {
    await storage.db
      .insertInto('mcps')
      .values({
        id: newId('mcp'),
        organization_id: organizationId,
        name,
        name_key: nameKey(name),
        kind: 'plex',
        url: null,
        secret_sealed: null,
        access: options.access ?? 'read',
        toolsets: formatToolsets(options.toolsets ?? null),
        origin: 'server',
        created_at: stamp,
        updated_at: stamp,
      })
      // Either unique index may refuse: another process's builtin, or a stored MCP's name.
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    const winner = await builtinMcp(storage, organizationId);
    if (winner) return winner;
  }
  throw new Error(
    `Could not name the builtin MCP of ${organizationId}: every candidate name is taken`,
  );
}
