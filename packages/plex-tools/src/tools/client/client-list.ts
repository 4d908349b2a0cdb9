import type { Player } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { mapGated } from '../../shared/concurrency.js';
import { playerInfo, playerInfoOf, playerState, timelinesOf } from './shared.js';

const listedPlayer = v.object({
  ...playerInfo.entries,
  state: v.optional(v.string()),
  version: v.optional(v.string()),
  platform_version: v.optional(v.string()),
  address: v.optional(v.string()),
  port: v.optional(v.number()),
  protocol_version: v.optional(v.number()),
});

/**
 * What the player is doing; `unknown` when it did not answer the poll (asleep, or gone since
 * the server listed it), which should not fail the whole list.
 */
async function stateOf(ctx: ToolContext, player: Player): Promise<string | undefined> {
  try {
    return playerState(await timelinesOf(ctx, player));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return 'unknown';
  }
}

/** client_list: the players the server can reach and control. */
export const clientList = defineTool({
  name: 'client_list',
  module: 'client',
  access: 'read',
  title: 'List players',
  description: 'List remote-controllable players with state and capabilities.',
  input: v.object({
    include_details: v.optional(
      v.pipe(v.boolean(), v.description('Add version, address, port')),
      false,
    ),
  }),
  output: v.object({ players: v.array(listedPlayer), total: v.number() }),
  async run(ctx, input) {
    const players = await ctx.plex.players.list({ signal: ctx.signal });
    const states = await mapGated(players, (player) => stateOf(ctx, player));
    return {
      players: players.map((player, i) => ({
        ...playerInfoOf(player),
        state: states[i],
        ...(input.include_details
          ? {
              version: player.version,
              platform_version: player.platformVersion,
              address: player.address ?? player.host,
              port: player.port,
              protocol_version: player.protocolVersion,
            }
          : {}),
      })),
      total: players.length,
    };
  },
});
