import type { Player } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { candidateLine, candidateList } from './listing.js';

/** Player addressing: a machineIdentifier, or a name. */
export const playerAddressing = {
  client_id: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Player id'))),
  client_name: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Exact name, if no id')),
  ),
};

/** How a tool names a player. */
export interface PlayerRef {
  client_id?: string | undefined;
  client_name?: string | undefined;
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
 * Finds a player the server can reach by machineIdentifier, or by name (case-insensitive).
 * Several players with that name are AMBIGUOUS with candidates; none is NOT_FOUND naming the
 * players there are.
 */
export async function resolvePlayer(ctx: ToolContext, ref: PlayerRef): Promise<Player> {
  if (ref.client_id === undefined && ref.client_name === undefined)
    throw new ToolError('INVALID_INPUT', 'Give client_id, or client_name. client_list shows both.');
  const players = await ctx.plex.players.list({ signal: ctx.signal });
  let matches: Player[];
  let asked: string;
  if (ref.client_id !== undefined) {
    const id = ref.client_id;
    matches = players.filter((p) => p.machineIdentifier === id);
    asked = `with id "${id}"`;
  } else {
    const name = (ref.client_name ?? '').toLowerCase();
    matches = players.filter((p) => p.name.toLowerCase() === name);
    asked = `named "${ref.client_name}"`;
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} players are ${asked}: ${candidateList(
        matches.map((p) => candidateLine(p.machineIdentifier, p.name, [p.product])),
      )}. Call again with client_id.`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const names = players.map((p) => `"${p.name}" (id ${p.machineIdentifier})`);
  const finder = ref.client_id === undefined ? '' : ' (find ids with client_list)';
  throw new ToolError(
    'NOT_FOUND',
    `No player ${asked} is reachable${finder}. Players: ${names.join(', ') || 'none (open a Plex app on the device)'}.`,
    { players: players.map(candidateOf) },
  );
}
