import type { Player, PlayerTimelines } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { mapGated } from '../../shared/concurrency.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { isActive, playerState, timelineOf, timelineOut, timelinesOf } from './shared.js';

/** A player's timelines, or undefined when it did not answer (one silent player fails no list). */
async function pollQuietly(ctx: ToolContext, player: Player): Promise<PlayerTimelines | undefined> {
  try {
    return await timelinesOf(ctx, player);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return undefined;
  }
}

/** client_get_active: the players playing (or paused on) something now. */
export const clientGetActive = defineTool({
  name: 'client_get_active',
  module: 'client',
  access: 'read',
  title: 'Active players',
  description: 'Players now playing or paused, with item and position.',
  input: v.object({}),
  output: v.object({
    players: v.array(
      v.object({
        id: v.string(),
        name: v.string(),
        product: v.optional(v.string()),
        state: v.string(),
        playing: v.array(timelineOut),
      }),
    ),
    total: v.number(),
    ...warningsField,
  }),
  async run(ctx) {
    const players = await ctx.plex.players.list({ signal: ctx.signal });
    const polled = await mapGated(players, (player) => pollQuietly(ctx, player));
    const warnings = new Warnings(ctx.signal);
    const active = [];
    for (const [i, player] of players.entries()) {
      const timelines = polled[i];
      const on = timelines?.timelines.filter(isActive) ?? [];
      if (on.length === 0) continue;
      active.push({
        id: player.machineIdentifier,
        name: player.name,
        product: player.product,
        state: playerState(timelines) ?? 'unknown',
        playing: await Promise.all(on.map((timeline) => timelineOf(ctx, timeline, warnings))),
      });
    }
    return warnings.attach({ players: active, total: active.length });
  },
});
