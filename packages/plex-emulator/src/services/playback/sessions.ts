import { createHash } from 'node:crypto';
import type { EmulatorState } from '../../state/store.js';
import type { ItemRecord, SessionRecord, TimelineRecord } from '../../state/types.js';
import { notifyPlaying, type PlayingEvent } from '../events.js';
import type { Services } from '../services.js';

/** What playback bookkeeping needs from a request: the state and the services. */
export interface PlaybackEnv {
  state: EmulatorState;
  services: Services;
}

/** A player timeline kind: `video`, `music` or `photo`. */
export type TimelineType = TimelineRecord['type'];

/** Which player timeline plays an item; undefined for types no player plays (shows, albums). */
export function timelineTypeOf(item: ItemRecord): TimelineType | undefined {
  if (item.type === 'movie' || item.type === 'episode') return 'video';
  if (item.type === 'track') return 'music';
  if (item.type === 'photo') return 'photo';
  return undefined;
}

/** A new session's `sessionKey`: PMS numbers sessions upwards and never reuses a key. */
export function nextSessionKey(state: EmulatorState): string {
  let highest = 0;
  for (const session of state.sessions.values()) {
    const key = Number(session.sessionKey);
    if (Number.isInteger(key) && key > highest) highest = key;
  }
  return String(state.nextId('sessionKey', highest + 1));
}

const SESSION_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The opaque 24-character `Session.id` PMS hands out (`93h7e00ncblxncqw9lkfaoxi`). */
export function sessionIdFor(state: EmulatorState, sessionKey: string, playerId: string): string {
  const digest = createHash('sha256')
    .update(`${state.server.machineIdentifier}:${sessionKey}:${playerId}`)
    .digest();
  let id = '';
  for (let i = 0; i < 24; i++) id += SESSION_ID_ALPHABET[(digest[i] ?? 0) % 36];
  return id;
}

/** What a new streaming session is opened with. */
export interface NewSession {
  item: ItemRecord;
  accountId: number;
  /** The client identifier of the player or app that plays. */
  playerId: string;
  state: SessionRecord['state'];
  /** Start position in ms. */
  offset: number;
  location: SessionRecord['location'];
}

/**
 * Opens a session under the next `sessionKey` and stores it, with the bandwidth PMS reports for
 * a direct play (the media's bitrate plus 10 % overhead).
 */
export function openSession(env: PlaybackEnv, input: NewSession): SessionRecord {
  const sessionKey = nextSessionKey(env.state);
  const media = input.item.media[0];
  const session: SessionRecord = {
    sessionKey,
    id: sessionIdFor(env.state, sessionKey, input.playerId),
    ratingKey: input.item.ratingKey,
    accountId: input.accountId,
    playerId: input.playerId,
    state: input.state,
    viewOffset: input.offset,
    bandwidth: Math.round((media?.bitrate ?? 320) * 1.1),
    location: input.location,
    startedAt: env.services.nowSeconds(),
  };
  env.state.sessions.set(sessionKey, session);
  return session;
}

/** Removes a session from the state, whatever key it was stored under. */
export function removeSession(state: EmulatorState, session: SessionRecord): void {
  for (const [key, value] of state.sessions) {
    if (value === session) state.sessions.delete(key);
  }
  refreshTranscoderCount(state);
}

/** Keeps the server's `transcoderActiveVideoSessions` equal to the live video transcodes. */
export function refreshTranscoderCount(state: EmulatorState): void {
  let count = 0;
  for (const session of state.sessions.values()) {
    if (session.transcode?.videoDecision === 'transcode') count++;
  }
  state.server.transcoderActiveVideoSessions = count;
}

/**
 * The `/devices` id of a client, registering it the first time it plays something, as PMS does
 * when an unknown client identifier starts a session.
 */
export function deviceIdFor(
  env: PlaybackEnv,
  clientIdentifier: string,
  describe: () => { name: string; platform: string },
): number {
  const known = env.state.devices.find((device) => device.clientIdentifier === clientIdentifier);
  if (known) return known.id;
  const id = env.state.devices.reduce((highest, device) => Math.max(highest, device.id), 0) + 1;
  env.state.devices.push({
    id,
    ...describe(),
    clientIdentifier,
    createdAt: env.services.nowSeconds(),
  });
  return id;
}

/** The bare transcode id a `playing` notification carries (`/transcode/sessions/` stripped). */
function transcodeId(session: SessionRecord): string | undefined {
  const key = session.transcode?.key;
  return key === undefined ? undefined : key.slice(key.lastIndexOf('/') + 1);
}

/** The play queue ids a `playing` notification carries for a session, when it plays from one. */
export interface QueueRef {
  playQueueId?: number | undefined;
  playQueueItemId?: number | undefined;
}

/** Publishes a `playing` notification for a session, with its queue and transcode ids. */
export function publishPlaying(
  env: PlaybackEnv,
  session: SessionRecord,
  state: PlayingEvent['state'],
  queue: QueueRef = {},
): void {
  notifyPlaying(env.services, {
    sessionKey: session.sessionKey,
    clientIdentifier: session.playerId,
    ratingKey: session.ratingKey,
    state,
    viewOffset: session.viewOffset,
    playQueueId: queue.playQueueId,
    playQueueItemId: queue.playQueueItemId,
    transcodeSession: transcodeId(session),
  });
}
