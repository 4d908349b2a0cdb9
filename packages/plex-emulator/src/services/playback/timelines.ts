import type {
  ItemRecord,
  PlayerRecord,
  PlayQueueRecord,
  SessionRecord,
  StreamRecord,
  TimelineRecord,
} from '../../state/types.js';
import type { PlaybackEnv, QueueRef } from './sessions.js';

/** The session a player's timeline feeds, if any. */
export function sessionOf(
  env: PlaybackEnv,
  player: PlayerRecord,
  timeline: TimelineRecord,
): SessionRecord | undefined {
  if (timeline.ratingKey === undefined) return undefined;
  for (const session of env.state.sessions.values()) {
    if (session.playerId === player.machineIdentifier && session.ratingKey === timeline.ratingKey) {
      return session;
    }
  }
  return undefined;
}

/** The play queue a timeline plays from, if it still exists. */
export function queueOf(env: PlaybackEnv, timeline: TimelineRecord): PlayQueueRecord | undefined {
  return timeline.playQueueId === undefined
    ? undefined
    : env.state.playQueues.get(timeline.playQueueId);
}

/** The play queue ids a `playing` notification carries for a timeline. */
export function queueRef(timeline: TimelineRecord): QueueRef {
  return { playQueueId: timeline.playQueueId, playQueueItemId: timeline.playQueueItemId };
}

/** A stopped timeline that keeps the player's volume, mute, shuffle and repeat settings. */
export function idle(previous: TimelineRecord): TimelineRecord {
  return {
    type: previous.type,
    state: 'stopped',
    time: 0,
    volume: previous.volume,
    muted: previous.muted,
    repeat: previous.repeat,
    shuffle: previous.shuffle,
  };
}

/** The streams a player picks when it starts an item: the selected (or first) of each kind. */
export function defaultStreams(item: ItemRecord): Partial<TimelineRecord> {
  const streams = item.media[0]?.parts[0]?.streams ?? [];
  const pick = (type: StreamRecord['streamType']) => {
    const ofType = streams.filter((stream) => stream.streamType === type);
    return ofType.find((stream) => stream.selected) ?? (type === 3 ? undefined : ofType[0]);
  };
  const video = pick(1);
  const audio = pick(2);
  const subtitle = pick(3);
  return {
    ...(video ? { videoStreamId: video.id } : {}),
    ...(audio ? { audioStreamId: audio.id } : {}),
    ...(subtitle ? { subtitleStreamId: subtitle.id } : {}),
  };
}
