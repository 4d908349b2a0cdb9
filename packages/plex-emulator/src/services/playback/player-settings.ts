import { HttpError } from '../../http/context.js';
import { shufflePlayQueue, unshufflePlayQueue } from '../../library/play-queue-ops.js';
import type { PlayerRecord, StreamRecord, TimelineRecord } from '../../state/types.js';
import type { PlaybackEnv, TimelineType } from './sessions.js';
import { queueOf } from './timelines.js';

/** A player's settings for one timeline; only the ones given change. */
export interface TimelineParameters {
  volume?: number | undefined;
  shuffle?: boolean | undefined;
  repeat?: TimelineRecord['repeat'] | undefined;
}

/**
 * Applies `setParameters`. Turning shuffle on or off reorders the play queue on the server, as
 * Plex players do.
 */
export function setTimelineParameters(
  env: PlaybackEnv,
  player: PlayerRecord,
  type: TimelineType,
  parameters: TimelineParameters,
): void {
  const timeline = player.timelines[type];
  const shuffle = parameters.shuffle ?? timeline.shuffle;
  const queue = queueOf(env, timeline);
  if (queue && shuffle !== timeline.shuffle) {
    if (shuffle) shufflePlayQueue(queue);
    else unshufflePlayQueue(queue);
  }
  timeline.volume = parameters.volume ?? timeline.volume;
  timeline.shuffle = shuffle;
  timeline.repeat = parameters.repeat ?? timeline.repeat;
}

/** Stream ids a controller picks for the playing video; subtitle `0` turns subtitles off. */
export interface StreamChoice {
  videoStreamId?: number | undefined;
  audioStreamId?: number | undefined;
  subtitleStreamId?: number | undefined;
}

/**
 * Applies `setStreams` to a playing video timeline. Every id must name a stream of that kind
 * in the playing item: 400 otherwise, and nothing changes.
 */
export function selectStreams(
  env: PlaybackEnv,
  timeline: TimelineRecord,
  choice: StreamChoice,
): void {
  const item = timeline.ratingKey ? env.state.items.get(timeline.ratingKey) : undefined;
  const streams = item?.media[0]?.parts.flatMap((part) => part.streams) ?? [];
  const check = (id: number | undefined, streamType: StreamRecord['streamType'], name: string) => {
    if (id === undefined || (streamType === 3 && id === 0)) return;
    if (!streams.some((stream) => stream.id === id && stream.streamType === streamType)) {
      throw new HttpError(400, `no ${name} ${id} in the playing item`);
    }
  };
  check(choice.videoStreamId, 1, 'videoStreamID');
  check(choice.audioStreamId, 2, 'audioStreamID');
  check(choice.subtitleStreamId, 3, 'subtitleStreamID');
  if (choice.videoStreamId !== undefined) timeline.videoStreamId = choice.videoStreamId;
  if (choice.audioStreamId !== undefined) timeline.audioStreamId = choice.audioStreamId;
  if (choice.subtitleStreamId === 0) delete timeline.subtitleStreamId;
  else if (choice.subtitleStreamId !== undefined) {
    timeline.subtitleStreamId = choice.subtitleStreamId;
  }
}
