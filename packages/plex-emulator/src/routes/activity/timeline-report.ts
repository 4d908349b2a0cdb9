import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { container } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { ItemRecord, PlayerRecord } from '../../state/types.js';
import { seekPlayback, setPlayState, startPlayback, stopPlayback, syncPlayer } from './playback.js';
import { endSession, saveResumePoint, scrobbleIfWatched, settleReportedPlay } from './progress.js';
import {
  deviceIdFor,
  nextSessionKey,
  publishPlaying,
  sessionIdFor,
  timelineTypeOf,
} from './records.js';
import { ADMIN_TERMINATED, takeTermination } from './terminations.js';
import { sessionOf } from './timelines.js';

type ReportedState = 'stopped' | 'buffering' | 'playing' | 'paused';

const STATES = new Set<string>(['stopped', 'buffering', 'playing', 'paused']);

function reportedItem(ctx: RequestContext): ItemRecord {
  const ratingKey =
    ctx.query.get('ratingKey') ??
    /\/library\/metadata\/(\d+)/.exec(ctx.query.get('key') ?? '')?.[1];
  if (!ratingKey) throw new HttpError(400, 'timeline report without ratingKey or key');
  const item = ctx.state.items.get(ratingKey);
  if (!item || !timelineTypeOf(item)) throw new HttpError(404, `no playable item ${ratingKey}`);
  return item;
}

/** An emulated player reporting through the server: its timeline follows the report. */
function applyToPlayer(
  ctx: RequestContext,
  player: PlayerRecord,
  item: ItemRecord,
  state: ReportedState,
  time: number,
  accountId: number,
): void {
  syncPlayer(ctx, player);
  const type = timelineTypeOf(item);
  if (!type) return;
  const current = player.timelines[type];
  if (state === 'stopped') {
    if (current.ratingKey === item.ratingKey) {
      seekPlayback(ctx, player, type, time);
      stopPlayback(ctx, player, type);
    }
    return;
  }
  if (current.ratingKey !== item.ratingKey || current.state === 'stopped') {
    startPlayback(ctx, player, { item, offset: time, accountId });
  } else {
    seekPlayback(ctx, player, type, time);
  }
  setPlayState(ctx, player, type, state === 'paused' ? 'paused' : 'playing');
  const session = sessionOf(ctx, player, player.timelines[type]);
  if (session && state === 'buffering') session.state = 'buffering';
}

function clientSession(ctx: RequestContext, clientId: string, item: ItemRecord) {
  for (const session of ctx.state.sessions.values()) {
    if (session.playerId === clientId && session.ratingKey === item.ratingKey) return session;
  }
  return undefined;
}

/** Any other client: its report creates, moves or ends its session. */
function applyToClient(
  ctx: RequestContext,
  clientId: string,
  item: ItemRecord,
  state: ReportedState,
  time: number,
  accountId: number,
): void {
  let session = clientSession(ctx, clientId, item);
  if (state === 'stopped') {
    if (session) {
      session.viewOffset = time;
      endSession(ctx, session);
    } else {
      settleReportedPlay(ctx, { accountId, item, offset: time, clientIdentifier: clientId });
    }
    return;
  }
  // The client is known from now on, as PMS lists it under /devices.
  deviceIdFor(ctx, clientId, () => ({
    name:
      ctx.request.headers.get('X-Plex-Device-Name') ??
      ctx.request.headers.get('X-Plex-Product') ??
      clientId,
    platform: ctx.request.headers.get('X-Plex-Platform') ?? 'Unknown',
  }));
  if (!session) {
    const sessionKey = nextSessionKey(ctx.state);
    const media = item.media[0];
    session = {
      sessionKey,
      id: sessionIdFor(ctx.state, sessionKey, clientId),
      ratingKey: item.ratingKey,
      accountId,
      playerId: clientId,
      state,
      viewOffset: time,
      bandwidth: Math.round((media?.bitrate ?? 320) * 1.1),
      location: 'lan',
      startedAt: ctx.services.nowSeconds(),
    };
    ctx.state.sessions.set(sessionKey, session);
  }
  session.state = state;
  session.viewOffset = time;
  if (!scrobbleIfWatched(ctx, session) && state === 'paused') {
    saveResumePoint(ctx, accountId, item, time);
  }
  const playQueueItemId = ctx.query.get('playQueueItemID');
  publishPlaying(ctx, session, state, {
    playQueueItemId: playQueueItemId ? toInt(playQueueItemId, 'playQueueItemID') : undefined,
  });
}

/**
 * `/:/timeline`: a client reports what it plays (`ratingKey`/`key`, `state`, `time`, ms). PMS
 * keeps the client's session, watch progress and scrobbles in step with these reports, and
 * answers a client whose stream the owner terminated with the termination code and text.
 */
function reportTimeline(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const clientId = ctx.clientIdentifier;
  if (!clientId) throw new HttpError(400, 'X-Plex-Client-Identifier is missing');
  const state = ctx.query.get('state') ?? '';
  if (!STATES.has(state)) throw new HttpError(400, `bad timeline state ${state}`);
  const item = reportedItem(ctx);
  const time = Math.max(0, toInt(ctx.query.get('time') ?? '0', 'time'));
  const terminated = takeTermination(ctx.state, clientId, item.ratingKey);
  if (terminated !== undefined) {
    return container({ size: 0, terminationCode: ADMIN_TERMINATED, terminationText: terminated });
  }
  const player = ctx.state.players.get(clientId);
  if (player) applyToPlayer(ctx, player, item, state as ReportedState, time, account.id);
  else applyToClient(ctx, clientId, item, state as ReportedState, time, account.id);
  return container({ size: 0 });
}

/** Playback progress reports from clients. */
export const timelineReportRoutes: Route[] = [
  { method: ['GET', 'POST'], path: '/:/timeline', handler: reportTimeline },
];
