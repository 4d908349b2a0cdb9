import type { MetadataItem } from '@plexmcp/plex-client';
import { PlexError } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { playerAddressing } from '../../shared/inputs.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import {
  isActive,
  playerRef,
  playerRefOf,
  requireCapability,
  timelineOf,
  timelineOut,
  timelinesAfter,
  timelinesOf,
} from './shared.js';

const streamId = (description: string, min: number) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(min), v.description(description)));

/** Plex's streamType per kind. */
const KINDS = [
  ['video', 1],
  ['audio', 2],
  ['subtitle', 3],
] as const;

type Kind = (typeof KINDS)[number][0];

/** The item on the timeline, or undefined when this server does not have it. */
async function playingItem(ctx: ToolContext, ratingKey: string): Promise<MetadataItem | undefined> {
  try {
    return await ctx.plex.metadata.get(ratingKey, { signal: ctx.signal });
  } catch (error) {
    if (error instanceof PlexError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Refuses ids that are not streams of that kind in the playing item, listing the ones there
 * are, so the caller need not guess (Plex would relay the bad id and the player ignore it).
 */
function checkStreams(item: MetadataItem, wanted: Partial<Record<Kind, number>>): void {
  const streams = item.Media.flatMap((media) => media.Part.flatMap((part) => part.Stream));
  for (const [kind, streamType] of KINDS) {
    const id = wanted[kind];
    if (id === undefined || (kind === 'subtitle' && id === 0)) continue;
    const ofKind = streams.filter((s) => s.streamType === streamType);
    if (ofKind.some((s) => s.id === id)) continue;
    const choices = ofKind.map(
      (s) => `${s.id} (${s.displayTitle ?? s.language ?? s.codec ?? '?'})`,
    );
    throw new ToolError(
      'INVALID_INPUT',
      `"${item.title}" has no ${kind} stream ${id}. ${kind[0]?.toUpperCase()}${kind.slice(1)} streams: ${choices.join(', ') || 'none'}${kind === 'subtitle' ? '; 0 turns subtitles off' : ''}.`,
      {
        streams: ofKind.map((s) => ({
          id: s.id,
          language: s.language,
          title: s.displayTitle ?? s.title,
        })),
      },
    );
  }
}

/** client_set_streams: switches audio, subtitles or video version of what a player plays. */
export const clientSetStreams = defineTool({
  name: 'client_set_streams',
  module: 'client',
  access: 'write',
  title: 'Set player streams',
  description: "Switch a player's audio, subtitle or video stream (ids from media_get_details).",
  input: v.object({
    ...playerAddressing,
    audio_stream_id: streamId('Audio stream id', 1),
    subtitle_stream_id: streamId('Subtitle stream id, 0=off', 0),
    video_stream_id: streamId('Video stream id', 1),
  }),
  output: v.object({
    player: playerRef,
    /** Null when the player's timeline could not be read after the switch (see `warnings`). */
    timeline: v.nullable(timelineOut),
    ...warningsField,
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const wanted: Partial<Record<Kind, number>> = {};
    if (input.audio_stream_id !== undefined) wanted.audio = input.audio_stream_id;
    if (input.subtitle_stream_id !== undefined) wanted.subtitle = input.subtitle_stream_id;
    if (input.video_stream_id !== undefined) wanted.video = input.video_stream_id;
    if (Object.keys(wanted).length === 0) {
      throw new ToolError(
        'INVALID_INPUT',
        'Give audio_stream_id, subtitle_stream_id (0 = off) or video_stream_id.',
      );
    }
    const player = await resolvePlayer(ctx, input);
    requireCapability(player, 'playback', 'playback commands');
    requireCapability(player, 'timeline', 'timeline polls, needed to find what it plays');
    const before = await timelinesOf(ctx, player);
    const video = before?.timelines.find((t) => t.type === 'video' && isActive(t));
    if (!video?.ratingKey) {
      throw new ToolError(
        'INVALID_INPUT',
        `${player.name} is not playing a video; streams can only be switched on a playing video.`,
      );
    }
    const item = await playingItem(ctx, String(video.ratingKey));
    if (item) checkStreams(item, wanted);

    await ctx.plex.players.playback(player.machineIdentifier, 'setStreams', {
      type: 'video',
      ...(wanted.audio === undefined ? {} : { audioStreamID: wanted.audio }),
      ...(wanted.subtitle === undefined ? {} : { subtitleStreamID: wanted.subtitle }),
      ...(wanted.video === undefined ? {} : { videoStreamID: wanted.video }),
      signal: ctx.signal,
    });
    const warnings = new Warnings(ctx.signal);
    const after = await timelinesAfter(ctx, player, warnings);
    if (after === null) return warnings.attach({ player: playerRefOf(player), timeline: null });
    const shown = after?.timelines.find((t) => t.type === 'video') ?? video;
    return warnings.attach({
      player: playerRefOf(player),
      timeline: await timelineOf(ctx, shown, warnings),
    });
  },
});
