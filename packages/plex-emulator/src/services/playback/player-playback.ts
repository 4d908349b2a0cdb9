import type {
  ItemRecord,
  PlayerRecord,
  PlayQueueRecord,
  TimelineRecord,
} from '../../state/types.js';
import {
  openSession,
  type PlaybackEnv,
  publishPlaying,
  type TimelineType,
  timelineTypeOf,
} from './sessions.js';
import { defaultStreams, idle, queueOf, queueRef, sessionOf } from './timelines.js';
import { endSession, saveResumePoint, scrobbleIfWatched } from './watch-progress.js';

/**
 * The player side of playback. An emulated player keeps one timeline per media kind; while one
 * plays video or music it feeds a session, so `/status/sessions`, watch state, history and
 * `playing` notifications follow what the player does, as they would on a real server.
 */

/** Timeline kinds that cannot play at the same time on one player (music can play under photos). */
const EXCLUSIVE: Record<TimelineType, TimelineType[]> = {
  video: ['music', 'photo'],
  music: ['video'],
  photo: ['video'],
};

/** What to start playing on a player. */
export interface StartRequest {
  item: ItemRecord;
  /** Start position in ms. */
  offset: number;
  /** The account the player plays as (the token it was handed). */
  accountId: number;
  queue?: PlayQueueRecord | undefined;
  queueItemId?: number | undefined;
}

/**
 * Brings a player up to date before anyone looks at it or commands it: sessions that name it
 * (seeded or reported through `/:/timeline`) show on its timelines, and playing timelines move on
 * by the time that passed, finishing items that reached their end.
 */
export function syncPlayer(env: PlaybackEnv, player: PlayerRecord): void {
  for (const session of env.state.sessions.values()) {
    if (session.playerId !== player.machineIdentifier) continue;
    const item = env.state.items.get(session.ratingKey);
    const type = item ? timelineTypeOf(item) : undefined;
    if (!item || !type || player.timelines[type].state !== 'stopped') continue;
    player.timelines[type] = {
      ...idle(player.timelines[type]),
      ...defaultStreams(item),
      state: session.state,
      ratingKey: item.ratingKey,
      time: session.viewOffset,
      ...(item.duration === undefined ? {} : { duration: item.duration }),
    };
  }
  for (const type of ['video', 'music', 'photo'] as const) advance(env, player, type);
}

/** `syncPlayer` for every emulated player, before sessions or history are read. */
export function syncAllPlayers(env: PlaybackEnv): void {
  for (const player of env.state.players.values()) syncPlayer(env, player);
}

function advance(env: PlaybackEnv, player: PlayerRecord, type: TimelineType): void {
  const timeline = player.timelines[type];
  if (timeline.state !== 'playing') return;
  const now = env.services.now();
  const since = timeline.updatedAtMs;
  timeline.updatedAtMs = now;
  if (since === undefined || now <= since) return;
  const time = timeline.time + (now - since);
  if (timeline.duration !== undefined && time >= timeline.duration) {
    timeline.time = timeline.duration;
    const session = sessionOf(env, player, timeline);
    if (session) session.viewOffset = timeline.duration;
    finishItem(env, player, type);
    return;
  }
  timeline.time = time;
  const session = sessionOf(env, player, timeline);
  if (session) {
    session.viewOffset = time;
    scrobbleIfWatched(env, session);
  }
}

/** An item played to its end: repeat it, go on to the next queue item, or stop. */
function finishItem(env: PlaybackEnv, player: PlayerRecord, type: TimelineType): void {
  const timeline = player.timelines[type];
  const item = timeline.ratingKey ? env.state.items.get(timeline.ratingKey) : undefined;
  if (timeline.repeat === 1 && item) {
    if (playEntry(env, player, type, entryIndex(env, timeline))) return;
    startPlayback(env, player, { item, offset: 0, accountId: accountOf(env, player, timeline) });
    return;
  }
  skip(env, player, type, 1);
}

/** Starts an item on a player; whatever played on a conflicting timeline stops first. */
export function startPlayback(
  env: PlaybackEnv,
  player: PlayerRecord,
  request: StartRequest,
): TimelineRecord {
  const type = timelineTypeOf(request.item);
  if (!type) throw new Error(`a ${request.item.type} cannot be played`);
  for (const other of [type, ...EXCLUSIVE[type]]) stopPlayback(env, player, other);
  const { item } = request;
  const duration = item.duration;
  const time = Math.max(0, Math.min(request.offset, duration ?? request.offset));
  const timeline: TimelineRecord = {
    ...idle(player.timelines[type]),
    ...(type === 'photo' ? {} : defaultStreams(item)),
    state: 'playing',
    ratingKey: item.ratingKey,
    time,
    ...(duration === undefined ? {} : { duration }),
    ...(request.queue ? { playQueueId: request.queue.id } : {}),
    ...(request.queueItemId === undefined ? {} : { playQueueItemId: request.queueItemId }),
  };
  timeline.updatedAtMs = env.services.now();
  player.timelines[type] = timeline;
  // Photos show on the player's timeline but do not make a streaming session.
  if (type !== 'photo') {
    const session = openSession(env, {
      item,
      accountId: request.accountId,
      playerId: player.machineIdentifier,
      state: 'playing',
      offset: time,
      location: player.local ? 'lan' : 'wan',
    });
    scrobbleIfWatched(env, session);
    publishPlaying(env, session, 'playing', queueRef(timeline));
  }
  return timeline;
}

/** Pauses or resumes a timeline (and its session). */
export function setPlayState(
  env: PlaybackEnv,
  player: PlayerRecord,
  type: TimelineType,
  state: 'playing' | 'paused',
): void {
  advance(env, player, type);
  const timeline = player.timelines[type];
  if (timeline.state === 'stopped') return;
  timeline.state = state;
  if (state === 'playing') timeline.updatedAtMs = env.services.now();
  else delete timeline.updatedAtMs;
  const session = sessionOf(env, player, timeline);
  if (!session) return;
  session.state = state;
  const item = env.state.items.get(session.ratingKey);
  if (state === 'paused' && item && !scrobbleIfWatched(env, session)) {
    saveResumePoint(env, session.accountId, item, session.viewOffset);
  }
  publishPlaying(env, session, state, queueRef(timeline));
}

/** Moves a timeline to an absolute position (clamped to the item). */
export function seekPlayback(
  env: PlaybackEnv,
  player: PlayerRecord,
  type: TimelineType,
  offset: number,
): void {
  advance(env, player, type);
  const timeline = player.timelines[type];
  if (timeline.state === 'stopped') return;
  timeline.time = Math.max(0, Math.min(offset, timeline.duration ?? offset));
  if (timeline.state === 'playing') timeline.updatedAtMs = env.services.now();
  const session = sessionOf(env, player, timeline);
  if (!session) return;
  session.viewOffset = timeline.time;
  scrobbleIfWatched(env, session);
  publishPlaying(env, session, session.state, queueRef(timeline));
}

/** Stops a timeline; its session ends (scrobbling it when it got far enough). */
export function stopPlayback(env: PlaybackEnv, player: PlayerRecord, type: TimelineType): void {
  advance(env, player, type);
  const timeline = player.timelines[type];
  if (timeline.state === 'stopped') return;
  const session = sessionOf(env, player, timeline);
  player.timelines[type] = idle(timeline);
  if (session) {
    session.viewOffset = timeline.time;
    endSession(env, session, queueRef(timeline));
  }
}

/** The account now playing on a timeline (the player's own when nothing plays). */
function accountOf(env: PlaybackEnv, player: PlayerRecord, timeline: TimelineRecord): number {
  return sessionOf(env, player, timeline)?.accountId ?? player.accountId;
}

/** Where the playing entry sits in its play queue; -1 without one. */
function entryIndex(env: PlaybackEnv, timeline: TimelineRecord): number {
  const entries = queueOf(env, timeline)?.items ?? [];
  return entries.findIndex((entry) => entry.playQueueItemId === timeline.playQueueItemId);
}

/** Plays the play-queue entry at `index` from its start; false when there is no such entry. */
function playEntry(env: PlaybackEnv, player: PlayerRecord, type: TimelineType, index: number) {
  const timeline = player.timelines[type];
  const queue = queueOf(env, timeline);
  const entry = queue?.items[index];
  const item = entry ? env.state.items.get(entry.ratingKey) : undefined;
  if (!queue || !entry || !item) return false;
  queue.selectedItemId = entry.playQueueItemId;
  queue.selectedOffset = index;
  const accountId = accountOf(env, player, timeline);
  startPlayback(env, player, {
    item,
    offset: 0,
    accountId,
    queue,
    queueItemId: entry.playQueueItemId,
  });
  return true;
}

/**
 * Moves through the play queue by `step` items. Past the end it wraps when repeating all, else
 * playback stops; before the start it restarts the current item. Without a queue there is
 * nothing to move to, which counts as the end.
 */
export function skip(env: PlaybackEnv, player: PlayerRecord, type: TimelineType, step: 1 | -1) {
  const timeline = player.timelines[type];
  const count = queueOf(env, timeline)?.items.length ?? 0;
  const at = entryIndex(env, timeline);
  let next = at < 0 ? (step > 0 ? count : -1) : at + step;
  if (timeline.repeat === 2 && count > 0) next = (next + count) % count;
  if (playEntry(env, player, type, next)) return;
  if (step < 0) seekPlayback(env, player, type, 0);
  else stopPlayback(env, player, type);
}

/**
 * A listener's "next" on a music timeline: PMS counts the track as skipped for that listener
 * (`skipCount`) before moving on. Videos and the natural end of a track count nothing.
 */
export function skipNext(env: PlaybackEnv, player: PlayerRecord, type: TimelineType): void {
  const timeline = player.timelines[type];
  const item = timeline.ratingKey ? env.state.items.get(timeline.ratingKey) : undefined;
  if (item?.type === 'track') {
    const accountId = accountOf(env, player, timeline);
    const watch = env.state.watchState(accountId, item.ratingKey);
    env.state.setWatchState(accountId, item.ratingKey, {
      ...watch,
      skipCount: (watch.skipCount ?? 0) + 1,
    });
  }
  skip(env, player, type, 1);
}

/** Jumps to the queue entry playing `ratingKey`; false when the queue has no such entry. */
export function skipToItem(
  env: PlaybackEnv,
  player: PlayerRecord,
  type: TimelineType,
  ratingKey: string,
): boolean {
  const entries = queueOf(env, player.timelines[type])?.items ?? [];
  const index = entries.findIndex((entry) => entry.ratingKey === ratingKey);
  return playEntry(env, player, type, index);
}
