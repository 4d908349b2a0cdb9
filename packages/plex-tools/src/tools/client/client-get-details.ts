import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { playerAddressing } from '../../shared/inputs.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import {
  activeTimeline,
  playerInfo,
  playerInfoOf,
  playerState,
  timelineOf,
  timelineOut,
  timelinesOf,
} from './shared.js';

/** client_get_details: one player, its device facts and what it is doing now. */
export const clientGetDetails = defineTool({
  name: 'client_get_details',
  module: 'client',
  access: 'read',
  title: 'Player details',
  description: "A player's device, version, address, capabilities and current item.",
  input: v.object(playerAddressing),
  output: v.object({
    ...playerInfo.entries,
    version: v.optional(v.string()),
    platform_version: v.optional(v.string()),
    address: v.optional(v.string()),
    port: v.optional(v.number()),
    protocol_version: v.optional(v.number()),
    /** These three are null when the player did not answer the timeline poll (see `warnings`). */
    state: v.nullish(v.string()),
    location: v.nullish(v.string()),
    now_playing: v.nullish(timelineOut),
    ...warningsField,
  }),
  async run(ctx, input) {
    const player = await resolvePlayer(ctx, input);
    // Who the player is comes from the server's list; what it plays is a detail an asleep or
    // unreachable player may not give.
    const warnings = new Warnings(ctx.signal);
    const timelines = await warnings.optional('player timeline', () => timelinesOf(ctx, player));
    const details = {
      ...playerInfoOf(player),
      version: player.version,
      platform_version: player.platformVersion,
      address: player.address ?? player.host,
      port: player.port,
      protocol_version: player.protocolVersion,
    };
    if (timelines === null) {
      return warnings.attach({ ...details, state: null, location: null, now_playing: null });
    }
    const active = activeTimeline(timelines);
    return warnings.attach({
      ...details,
      state: playerState(timelines),
      location: timelines?.location,
      now_playing: active ? await timelineOf(ctx, active, warnings) : undefined,
    });
  },
});
