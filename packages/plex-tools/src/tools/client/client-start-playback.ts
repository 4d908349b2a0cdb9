import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { mediaAddressing, playerAddressing } from '../../shared/inputs.js';
import { playKindOf } from '../../shared/play-kind.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import {
  activeTimeline,
  playerRef,
  playerRefOf,
  requireCapability,
  timelineItem,
  timelineOf,
  timelineOut,
  timelinesAfter,
} from './shared.js';

/** client_start_playback: plays a library item on a player, through a new play queue. */
export const clientStartPlayback = defineTool({
  name: 'client_start_playback',
  module: 'client',
  access: 'write',
  title: 'Start playback',
  description: 'Play a movie, an episode or music on a player.',
  input: v.object({
    ...playerAddressing,
    ...mediaAddressing,
    offset_ms: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Start position')),
    ),
  }),
  output: v.object({
    player: playerRef,
    item: timelineItem,
    play_queue_id: v.number(),
    offset_ms: v.number(),
    /** Null when the player's timeline could not be read after the start (see `warnings`). */
    timeline: v.nullish(timelineOut),
    ...warningsField,
  }),
  async run(ctx, input) {
    const player = await resolvePlayer(ctx, input);
    requireCapability(player, 'playback', 'playback commands');
    const item = await resolveMedia(ctx, input);
    const type = playKindOf(item.type);
    if (type === undefined) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${item.title}" is a ${item.type}, which a player cannot play; pick a movie, episode, track, show, season or album.`,
      );
    }
    const offsetMs = input.offset_ms ?? 0;
    const isLeaf = item.type === 'movie' || item.type === 'episode' || item.type === 'track';
    if (offsetMs > 0 && isLeaf && item.duration !== undefined && offsetMs >= item.duration) {
      throw new ToolError(
        'INVALID_INPUT',
        `offset_ms ${offsetMs} is past the end of "${item.title}" (${item.duration} ms long).`,
      );
    }
    const queue = await ctx.plex.players.playMedia(
      player.machineIdentifier,
      { ratingKey: item.ratingKey, offsetMs, type },
      { signal: ctx.signal },
    );
    // Playback was started; the poll after it only shows where the player is.
    const warnings = new Warnings(ctx.signal);
    const after = await timelinesAfter(ctx, player, warnings);
    const active = after === null ? undefined : activeTimeline(after);
    return warnings.attach({
      player: playerRefOf(player),
      item: {
        id: item.ratingKey,
        title: item.title,
        type: item.type,
        year: item.year,
        parent: item.grandparentTitle ?? item.parentTitle,
      },
      play_queue_id: queue.playQueueID,
      offset_ms: offsetMs,
      timeline:
        after === null ? null : active ? await timelineOf(ctx, active, warnings) : undefined,
    });
  },
});
