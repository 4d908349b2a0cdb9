import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { playerAddressing, resolvePlayer } from '../../shared/resolve-player.js';
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
  description: "A player's device, version, address, capabilities and what it plays now.",
  input: v.object(playerAddressing),
  output: v.object({
    ...playerInfo.entries,
    version: v.optional(v.string()),
    platform_version: v.optional(v.string()),
    address: v.optional(v.string()),
    port: v.optional(v.number()),
    protocol_version: v.optional(v.number()),
    state: v.optional(v.string()),
    location: v.optional(v.string()),
    now_playing: v.optional(timelineOut),
  }),
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(ctx, input) {
    const player = await resolvePlayer(ctx, input);
    const timelines = await timelinesOf(ctx, player);
    const active = activeTimeline(timelines);
    return {
      ...playerInfoOf(player),
      version: player.version,
      platform_version: player.platformVersion,
      address: player.address ?? player.host,
      port: player.port,
      protocol_version: player.protocolVersion,
      state: playerState(timelines),
      location: timelines?.location,
      now_playing: active ? await timelineOf(ctx, active) : undefined,
    };
  },
});
