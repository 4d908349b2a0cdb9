import type { ItemRecord, SessionRecord } from '../../state/types.js';
import {
  deviceIdFor,
  type PlaybackEnv,
  publishPlaying,
  type QueueRef,
  removeSession,
} from './sessions.js';
import { pastWatchedMark, playedState } from './watch-marks.js';

/**
 * Marks an item watched for an account the way a finished play does: view count up, last viewed
 * now, resume point cleared, and one history entry for the device that played it.
 */
export function recordPlay(
  env: PlaybackEnv,
  play: { accountId: number; ratingKey: string; deviceId: number },
): void {
  const now = env.services.nowSeconds();
  const watch = env.state.watchState(play.accountId, play.ratingKey);
  env.state.setWatchState(play.accountId, play.ratingKey, playedState(watch, now));
  env.state.history.push({
    historyKey: env.state.nextId('history'),
    ratingKey: play.ratingKey,
    accountId: play.accountId,
    deviceId: play.deviceId,
    viewedAt: now,
  });
}

/** Stores a resume point, as PMS does from the progress a client reports. */
export function saveResumePoint(
  env: PlaybackEnv,
  accountId: number,
  item: ItemRecord,
  offset: number,
): void {
  if (offset <= 0) return;
  const watch = env.state.watchState(accountId, item.ratingKey);
  env.state.setWatchState(accountId, item.ratingKey, {
    ...watch,
    viewOffset: offset,
    lastViewedAt: env.services.nowSeconds(),
  });
}

/** The `/devices` id of a playing client (an emulated player or any other client). */
function clientDeviceId(env: PlaybackEnv, clientIdentifier: string): number {
  return deviceIdFor(env, clientIdentifier, () => {
    const player = env.state.players.get(clientIdentifier);
    return { name: player?.name ?? clientIdentifier, platform: player?.platform ?? 'Unknown' };
  });
}

/** Settles a play reported as stopped with no live session: scrobble it or keep its position. */
export function settleReportedPlay(
  env: PlaybackEnv,
  play: { accountId: number; item: ItemRecord; offset: number; clientIdentifier: string },
): void {
  if (!pastWatchedMark(play.item, play.offset)) {
    saveResumePoint(env, play.accountId, play.item, play.offset);
    return;
  }
  recordPlay(env, {
    accountId: play.accountId,
    ratingKey: play.item.ratingKey,
    deviceId: clientDeviceId(env, play.clientIdentifier),
  });
}

/** Scrobbles a session once it has passed the watched mark; true when it has (now or before). */
export function scrobbleIfWatched(env: PlaybackEnv, session: SessionRecord): boolean {
  if (session.scrobbled) return true;
  const item = env.state.items.get(session.ratingKey);
  if (!item || !pastWatchedMark(item, session.viewOffset)) return false;
  session.scrobbled = true;
  recordPlay(env, {
    accountId: session.accountId,
    ratingKey: session.ratingKey,
    deviceId: clientDeviceId(env, session.playerId),
  });
  return true;
}

/**
 * Ends a session: it leaves `/status/sessions`, the play is scrobbled when it got far enough or
 * its position is kept as a resume point, and a `stopped` notification goes out.
 */
export function endSession(env: PlaybackEnv, session: SessionRecord, queue: QueueRef = {}): void {
  removeSession(env.state, session);
  const item = env.state.items.get(session.ratingKey);
  if (item && !scrobbleIfWatched(env, session)) {
    saveResumePoint(env, session.accountId, item, session.viewOffset);
  }
  publishPlaying(env, session, 'stopped', queue);
}
