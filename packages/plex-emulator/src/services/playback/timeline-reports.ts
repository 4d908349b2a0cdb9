import type { ItemRecord, PlayerRecord } from '../../state/types.js';
import {
  seekPlayback,
  setPlayState,
  startPlayback,
  stopPlayback,
  syncPlayer,
} from './player-playback.js';
import {
  deviceIdFor,
  openSession,
  type PlaybackEnv,
  publishPlaying,
  timelineTypeOf,
} from './sessions.js';
import { sessionOf } from './timelines.js';
import {
  endSession,
  saveResumePoint,
  scrobbleIfWatched,
  settleReportedPlay,
} from './watch-progress.js';

/*
 * What a `/:/timeline` report does to the server's state. An emulated player's timeline follows
 * the report; any other client's report creates, moves or ends that client's session.
 */

/** The states a client may report. */
export type ReportedState = 'stopped' | 'buffering' | 'playing' | 'paused';

/** One parsed `/:/timeline` report. */
export interface TimelineReport {
  clientIdentifier: string;
  accountId: number;
  item: ItemRecord;
  state: ReportedState;
  /** Position in ms. */
  time: number;
  playQueueItemId?: number | undefined;
  /** How `/devices` names a client seen for the first time (from its X-Plex headers). */
  describeClient: () => { name: string; platform: string };
}

/** Applies a client's timeline report to the emulated player it names, or to its own session. */
export function applyTimelineReport(env: PlaybackEnv, report: TimelineReport): void {
  const player = env.state.players.get(report.clientIdentifier);
  if (player) applyToPlayer(env, player, report);
  else applyToClient(env, report);
}

function applyToPlayer(env: PlaybackEnv, player: PlayerRecord, report: TimelineReport): void {
  const { item, state, time } = report;
  syncPlayer(env, player);
  const type = timelineTypeOf(item);
  if (!type) return;
  const current = player.timelines[type];
  if (state === 'stopped') {
    if (current.ratingKey === item.ratingKey) {
      seekPlayback(env, player, type, time);
      stopPlayback(env, player, type);
    }
    return;
  }
  if (current.ratingKey !== item.ratingKey || current.state === 'stopped') {
    startPlayback(env, player, { item, offset: time, accountId: report.accountId });
  } else {
    seekPlayback(env, player, type, time);
  }
  setPlayState(env, player, type, state === 'paused' ? 'paused' : 'playing');
  const session = sessionOf(env, player, player.timelines[type]);
  if (session && state === 'buffering') session.state = 'buffering';
}

function clientSession(env: PlaybackEnv, clientId: string, item: ItemRecord) {
  for (const session of env.state.sessions.values()) {
    if (session.playerId === clientId && session.ratingKey === item.ratingKey) return session;
  }
  return undefined;
}

function applyToClient(env: PlaybackEnv, report: TimelineReport): void {
  const { clientIdentifier: clientId, accountId, item, state, time } = report;
  let session = clientSession(env, clientId, item);
  if (state === 'stopped') {
    if (session) {
      session.viewOffset = time;
      endSession(env, session);
    } else {
      settleReportedPlay(env, { accountId, item, offset: time, clientIdentifier: clientId });
    }
    return;
  }
  // The client is known from now on, as PMS lists it under /devices.
  deviceIdFor(env, clientId, report.describeClient);
  session ??= openSession(env, {
    item,
    accountId,
    playerId: clientId,
    state,
    offset: time,
    location: 'lan',
  });
  session.state = state;
  session.viewOffset = time;
  if (!scrobbleIfWatched(env, session) && state === 'paused') {
    saveResumePoint(env, accountId, item, time);
  }
  publishPlaying(env, session, state, { playQueueItemId: report.playQueueItemId });
}
