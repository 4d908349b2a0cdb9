import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { playerAddressing } from '../../shared/inputs.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { playerRef, playerRefOf, requireCapability, timelineOf, timelineOut } from './shared.js';

/** client_get_timelines: the player's video, music and photo timelines right now. */
export const clientGetTimelines = defineTool({
  name: 'client_get_timelines',
  module: 'client',
  access: 'read',
  title: 'Player timelines',
  description: "A player's state, item, position and volume per timeline.",
  input: v.object(playerAddressing),
  output: v.object({
    player: playerRef,
    location: v.optional(v.string()),
    timelines: v.array(timelineOut),
    ...warningsField,
  }),
  async run(ctx, input) {
    const player = await resolvePlayer(ctx, input);
    requireCapability(player, 'timeline', 'timeline polls');
    const polled = await ctx.plex.players.timeline(player.machineIdentifier, {
      signal: ctx.signal,
    });
    const warnings = new Warnings(ctx.signal);
    const timelines = await Promise.all(
      polled.timelines.map((timeline) =>
        timelineOf(ctx, timeline, warnings, { controllable: true }),
      ),
    );
    return warnings.attach({ player: playerRefOf(player), location: polled.location, timelines });
  },
});
