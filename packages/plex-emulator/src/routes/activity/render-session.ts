import { type Fields, omitEmpty } from '../../http/responses.js';
import {
  mediaAttributes,
  partAttributes,
  renderItem,
  renderStream,
} from '../../render/metadata.js';
import { timelineTypeOf } from '../../services/playback/sessions.js';
import type { EmulatorState } from '../../state/store.js';
import type {
  ItemRecord,
  MediaRecord,
  PartRecord,
  SessionRecord,
  StreamRecord,
  TimelineRecord,
  TranscodeRecord,
} from '../../state/types.js';
import { renderSessionPlayer } from './player-element.js';

/** Where a transcoded stream's data comes from, by stream type, as PMS reports `Stream.location`. */
const SEGMENT_LOCATION: Record<StreamRecord['streamType'], string> = {
  1: 'segments-video',
  2: 'segments-audio',
  3: 'segments-subtitle',
};

/** The stream choices in force: the player's timeline when a player runs the session. */
function streamChoice(
  state: EmulatorState,
  session: SessionRecord,
  item: ItemRecord,
): Pick<TimelineRecord, 'videoStreamId' | 'audioStreamId' | 'subtitleStreamId'> | undefined {
  const type = timelineTypeOf(item);
  const timeline = type ? state.players.get(session.playerId)?.timelines[type] : undefined;
  return timeline?.ratingKey === item.ratingKey ? timeline : undefined;
}

/** The streams being played: one video, the chosen audio and the chosen subtitle (if any). */
function playedStreams(part: PartRecord, choice: ReturnType<typeof streamChoice>): StreamRecord[] {
  const pick = (type: StreamRecord['streamType'], chosen: number | undefined) => {
    const ofType = part.streams.filter((stream) => stream.streamType === type);
    if (chosen !== undefined) return ofType.find((stream) => stream.id === chosen);
    return ofType.find((stream) => stream.selected) ?? (type === 3 ? undefined : ofType[0]);
  };
  return [
    pick(1, choice?.videoStreamId),
    pick(2, choice?.audioStreamId),
    pick(3, choice?.subtitleStreamId),
  ].filter((stream): stream is StreamRecord => stream !== undefined);
}

function streamDecision(stream: StreamRecord, transcode: TranscodeRecord): Fields {
  if (stream.streamType === 1) {
    return {
      decision: transcode.videoDecision === 'directplay' ? 'copy' : transcode.videoDecision,
    };
  }
  if (stream.streamType === 2) {
    return {
      decision: transcode.audioDecision === 'directplay' ? 'copy' : transcode.audioDecision,
    };
  }
  // Burned subtitles are painted into the video segments.
  const decision = transcode.subtitleDecision ?? 'copy';
  return { decision, location: decision === 'burn' ? 'segments-video' : SEGMENT_LOCATION[3] };
}

function renderStreamInSession(
  stream: StreamRecord,
  transcode: TranscodeRecord | undefined,
): Fields {
  const base = renderStream(stream);
  return omitEmpty({
    ...base,
    // Sessions send element ids as strings, unlike library listings.
    id: String(stream.id),
    selected: true,
    ...(transcode
      ? { location: SEGMENT_LOCATION[stream.streamType], ...streamDecision(stream, transcode) }
      : { location: 'direct' }),
  });
}

/** A transcode's output height: PMS scales down to fit the client's limit (720p here). */
function transcodeHeight(media: MediaRecord): number | undefined {
  return media.height === undefined ? undefined : Math.min(media.height, 720);
}

function transcodeWidth(media: MediaRecord): number | undefined {
  const height = transcodeHeight(media);
  if (height === undefined || media.width === undefined || media.height === undefined)
    return undefined;
  return Math.round((media.width * height) / media.height / 2) * 2;
}

/**
 * The `Media` element of a session: the version being played, marked `selected`, with the part
 * decision and only the streams in play. While transcoding it describes the transcoder's output.
 */
function renderSessionMedia(
  state: EmulatorState,
  session: SessionRecord,
  item: ItemRecord,
  media: MediaRecord,
): Fields {
  const transcode = session.transcode;
  const videoTranscoded = transcode?.videoDecision === 'transcode';
  const output = transcode
    ? {
        container: transcode.container,
        protocol: transcode.protocol,
        videoCodec: transcode.videoCodec ?? media.videoCodec,
        audioCodec: transcode.audioCodec,
        audioChannels: transcode.audioChannels,
        bitrate: Math.min(media.bitrate, session.bandwidth),
        ...(videoTranscoded
          ? {
              width: transcodeWidth(media),
              height: transcodeHeight(media),
              videoResolution: String(transcodeHeight(media) ?? ''),
            }
          : {}),
      }
    : {};
  const choice = streamChoice(state, session, item);
  const parts = media.parts.map((part) =>
    omitEmpty({
      ...partAttributes(item, part),
      // Sessions send part and media ids as strings.
      id: String(part.id),
      ...(transcode ? { container: transcode.container, protocol: transcode.protocol } : {}),
      decision: transcode ? 'transcode' : 'directplay',
      selected: true,
      Stream: playedStreams(part, choice).map((stream) => renderStreamInSession(stream, transcode)),
    }),
  );
  return omitEmpty({
    ...mediaAttributes(media),
    id: String(media.id),
    ...output,
    selected: true,
    Part: parts,
  });
}

/** The `TranscodeSession` element PMS attaches while a session transcodes. */
function renderTranscodeSession(
  session: SessionRecord,
  transcode: TranscodeRecord,
  item: ItemRecord,
  media: MediaRecord | undefined,
  timeStamp: number,
): Fields {
  const duration = item.duration ?? media?.duration ?? 0;
  const transcodedSeconds = (duration / 1000) * (transcode.progress / 100);
  const remainingSeconds = (duration / 1000 - transcodedSeconds) / Math.max(transcode.speed, 0.1);
  const videoTranscoded = transcode.videoDecision === 'transcode';
  const key = transcode.key.startsWith('/')
    ? transcode.key
    : `/transcode/sessions/${transcode.key}`;
  return omitEmpty({
    key,
    throttled: transcode.throttled,
    complete: false,
    progress: transcode.progress,
    // PMS reports -22 for the size of a live streaming transcode.
    size: -22,
    speed: transcode.speed,
    error: false,
    duration,
    remaining: Math.round(remainingSeconds),
    context: 'streaming',
    sourceVideoCodec: transcode.sourceVideoCodec,
    sourceAudioCodec: transcode.sourceAudioCodec,
    videoDecision: transcode.videoDecision,
    audioDecision: transcode.audioDecision,
    subtitleDecision: transcode.subtitleDecision,
    protocol: transcode.protocol,
    container: transcode.container,
    videoCodec: transcode.videoCodec,
    audioCodec: transcode.audioCodec,
    audioChannels: transcode.audioChannels,
    width: media && videoTranscoded ? transcodeWidth(media) : media?.width,
    height: media && videoTranscoded ? transcodeHeight(media) : media?.height,
    transcodeHwRequested: transcode.transcodeHwRequested,
    ...(transcode.transcodeHwRequested && videoTranscoded
      ? {
          transcodeHwDecoding: 'vaapi',
          transcodeHwDecodingTitle: 'Intel (VA-API)',
          transcodeHwEncoding: 'vaapi',
          transcodeHwEncodingTitle: 'Intel (VA-API)',
          transcodeHwFullPipeline: true,
        }
      : {}),
    timeStamp,
    maxOffsetAvailable: Math.round(transcodedSeconds * 1000) / 1000,
    minOffsetAvailable: Math.max(0, Math.round(session.viewOffset / 1000 - 30)),
  });
}

/**
 * One `/status/sessions` entry: the item as a list view, plus `sessionKey`, the session's
 * position, and the `User`, `Player`, `Session` and (while transcoding) `TranscodeSession`
 * elements. Undefined when the item is gone (PMS drops such sessions).
 */
export function renderSession(
  state: EmulatorState,
  session: SessionRecord,
  nowMs: number,
): Fields | undefined {
  const item = state.items.get(session.ratingKey);
  if (!item) return undefined;
  const account = state.accounts.get(session.accountId);
  const media = item.media[0];
  return omitEmpty({
    ...renderItem(state, item, session.accountId, 'list'),
    // Sessions send the section id as a string, unlike library listings.
    librarySectionID: String(item.sectionId),
    sessionKey: session.sessionKey,
    viewOffset: session.viewOffset,
    Media: media ? [renderSessionMedia(state, session, item, media)] : undefined,
    User: {
      id: String(session.accountId),
      thumb: account?.thumb ?? '',
      title: account?.title ?? '',
    },
    Player: renderSessionPlayer(state, session),
    Session: { id: session.id, bandwidth: session.bandwidth, location: session.location },
    TranscodeSession: session.transcode
      ? renderTranscodeSession(session, session.transcode, item, media, nowMs / 1000)
      : undefined,
  });
}
