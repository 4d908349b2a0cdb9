import type { Player, PlayerTimelines, Timeline } from '@plexmcp/plex-client';
import { PlexError } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { ToolError } from '../../errors.js';
import { missingReason, type Warnings } from '../../shared/warnings.js';

/** The player a command went to, as command results name it. */
export const playerRef = v.object({ id: v.string(), name: v.string() });

/** `{ id, name }` of a player. */
export function playerRefOf(player: Player) {
  return { id: player.machineIdentifier, name: player.name };
}

/** What the player advertises it takes (`protocolCapabilities`); none when it says nothing. */
export function capabilitiesOf(player: Player): string[] {
  return player.protocolCapabilities ?? [];
}

/** A player's listing: who it is and what it can be told to do. */
export const playerInfo = v.object({
  id: v.string(),
  name: v.string(),
  product: v.optional(v.string()),
  platform: v.optional(v.string()),
  device_class: v.optional(v.string()),
  capabilities: v.array(v.string()),
});

/** The listing fields of a player. */
export function playerInfoOf(player: Player): v.InferInput<typeof playerInfo> {
  return {
    id: player.machineIdentifier,
    name: player.name,
    product: player.product,
    platform: player.platform,
    device_class: player.deviceClass,
    capabilities: capabilitiesOf(player),
  };
}

/** The item on a timeline: its id always, title and context when this server knows it. */
export const timelineItem = v.object({
  id: v.string(),
  /** Null when Plex refused the lookup (see `warnings`); absent for items of another server. */
  title: v.nullish(v.string()),
  type: v.optional(v.string()),
  year: v.optional(v.number()),
  parent: v.optional(v.string()),
});

/** One timeline: stopped ones carry only type and state. */
export const timelineOut = v.object({
  type: v.string(),
  state: v.string(),
  item: v.optional(timelineItem),
  position_ms: v.optional(v.number()),
  duration_ms: v.optional(v.number()),
  volume: v.optional(v.number()),
  muted: v.optional(v.boolean()),
  shuffle: v.optional(v.boolean()),
  repeat: v.optional(v.picklist(['off', 'one', 'all'])),
  play_queue_id: v.optional(v.number()),
  video_stream_id: v.optional(v.number()),
  audio_stream_id: v.optional(v.number()),
  subtitle_stream_id: v.optional(v.number()),
  controllable: v.optional(v.array(v.string())),
});

const REPEAT = ['off', 'one', 'all'] as const;

/** Whether something is on the timeline (playing, paused or buffering). */
export function isActive(timeline: Timeline): boolean {
  return timeline.state !== 'stopped' && timeline.ratingKey !== undefined;
}

/**
 * A timeline as tools report it. The item's title is looked up on this server; an item the
 * player streams from elsewhere keeps just its id, and a refused lookup a null title and a
 * warning (the timeline is the answer, the title a detail).
 */
export async function timelineOf(
  ctx: ToolContext,
  timeline: Timeline,
  warnings: Warnings,
  options: { controllable?: boolean } = {},
): Promise<v.InferInput<typeof timelineOut>> {
  if (!isActive(timeline)) return { type: timeline.type, state: timeline.state };
  const id = String(timeline.ratingKey);
  let item: v.InferInput<typeof timelineItem> = { id };
  try {
    const found = await ctx.plex.metadata.get(id, { signal: ctx.signal });
    item = {
      id,
      title: found.title,
      type: found.type,
      year: found.year,
      parent: found.grandparentTitle ?? found.parentTitle,
    };
  } catch (error) {
    if (ctx.signal.aborted || !(error instanceof PlexError)) throw error;
    if (error.code !== 'NOT_FOUND') {
      warnings.add(`playing item titles unavailable: ${missingReason(error)}`);
      item = { id, title: null };
    }
  }
  const isVideo = timeline.type === 'video';
  return {
    type: timeline.type,
    state: timeline.state,
    item,
    position_ms: timeline.time,
    duration_ms: timeline.duration,
    volume: timeline.volume,
    muted: timeline.mute,
    shuffle: timeline.shuffle,
    repeat: timeline.repeat === undefined ? undefined : REPEAT[timeline.repeat],
    play_queue_id: timeline.playQueueID,
    video_stream_id: isVideo ? timeline.videoStreamID : undefined,
    audio_stream_id: isVideo ? timeline.audioStreamID : undefined,
    subtitle_stream_id: isVideo ? timeline.subtitleStreamID : undefined,
    ...(options.controllable ? { controllable: timeline.controllable } : {}),
  };
}

/**
 * Refuses a command the player does not advertise (`protocolCapabilities` in `/clients`),
 * before Plex relays it to a player that would ignore or reject it.
 */
export function requireCapability(player: Player, capability: string, what: string): void {
  const capabilities = capabilitiesOf(player);
  if (capabilities.includes(capability)) return;
  const has = capabilities.join(', ') || 'none';
  throw new ToolError(
    'INVALID_INPUT',
    `${player.name} does not take ${what} (its capabilities: ${has}). Pick another player from client_list.`,
    { player: playerRefOf(player), capabilities },
  );
}

/** The player's timelines, or undefined when it does not report them. */
export async function timelinesOf(
  ctx: ToolContext,
  player: Player,
): Promise<PlayerTimelines | undefined> {
  if (!capabilitiesOf(player).includes('timeline')) return undefined;
  return ctx.plex.players.timeline(player.machineIdentifier, { signal: ctx.signal });
}

/**
 * The player's timelines polled after a command went through: null and a warning when the poll
 * fails, since the command itself was delivered.
 */
export function timelinesAfter(
  ctx: ToolContext,
  player: Player,
  warnings: Warnings,
): Promise<PlayerTimelines | undefined | null> {
  return warnings.optional('player timeline after the command', () => timelinesOf(ctx, player));
}

/** The timeline something is on, video first (the one Plex players show full screen). */
export function activeTimeline(timelines: PlayerTimelines | undefined): Timeline | undefined {
  const active = timelines?.timelines.filter(isActive) ?? [];
  return (
    active.find((t) => t.type === 'video') ??
    active.find((t) => t.type === 'photo') ??
    active.find((t) => t.type === 'music')
  );
}

/** `playing`, `paused`, `buffering` or `idle`, from the player's timelines. */
export function playerState(timelines: PlayerTimelines | undefined): string | undefined {
  if (!timelines) return undefined;
  return activeTimeline(timelines)?.state ?? 'idle';
}
