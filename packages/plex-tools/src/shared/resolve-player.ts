import type { Player } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { candidateLine, candidateList } from './listing.js';

/** How a tool names a player. */
export interface PlayerRef {
  client: string;
}

/** A player line for AMBIGUOUS and NOT_FOUND details. */
function candidateOf(player: Player) {
  return {
    id: player.machineIdentifier,
    name: player.name,
    ...(player.product === undefined ? {} : { product: player.product }),
  };
}

/**
 * Finds a player the server can reach by machineIdentifier, else by name (case-insensitive).
 * Several players with that name are AMBIGUOUS with candidates; none is NOT_FOUND naming the
 * players there are.
 */
export async function resolvePlayer(ctx: ToolContext, ref: PlayerRef): Promise<Player> {
  const players = await ctx.plex.players.list({ signal: ctx.signal });
  const asked = ref.client;
  const byId = players.filter((p) => p.machineIdentifier === asked);
  const matches =
    byId.length > 0 ? byId : players.filter((p) => p.name.toLowerCase() === asked.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} players are named "${asked}": ${candidateList(
        matches.map((p) => candidateLine(p.machineIdentifier, p.name, [p.product])),
      )}. Call again with client set to one id.`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const names = players.map((p) => `"${p.name}" (id ${p.machineIdentifier})`);
  throw new ToolError(
    'NOT_FOUND',
    `No player with id or name "${asked}" is reachable (client_list shows them). Players: ${names.join(', ') || 'none (open a Plex app on the device)'}.`,
    { players: players.map(candidateOf) },
  );
}
