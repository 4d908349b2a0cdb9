import type { RequestContext } from '../../http/context.js';
import { container, type Fields, omitEmpty } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { TimelineType } from '../../services/playback/sessions.js';
import { queueOf } from '../../services/playback/timelines.js';
import type { PlayerRecord, TimelineRecord } from '../../state/types.js';
import { requireCapability, targetPlayer } from './target.js';

/** What a controller may do per timeline kind, as Plex players advertise it in `controllable`. */
const CONTROLLABLE: Record<TimelineType, string> = {
  video:
    'playPause,stop,volume,shuffle,audioStream,subtitleStream,seekTo,skipPrevious,skipNext,stepBack,stepForward',
  music: 'playPause,stop,volume,shuffle,repeat,seekTo,skipPrevious,skipNext,stepBack,stepForward',
  photo: 'playPause,stop,skipPrevious,skipNext',
};

/** Where the player's UI is: the full-screen view of whatever plays, else navigation. */
function location(player: PlayerRecord): string {
  const { video, music, photo } = player.timelines;
  if (video.state !== 'stopped') return 'fullScreenVideo';
  if (photo.state !== 'stopped') return 'fullScreenPhoto';
  if (music.state !== 'stopped') return 'fullScreenMusic';
  return 'navigation';
}

/**
 * One `Timeline` element. A stopped timeline carries only its type, state and controls; an
 * active one says what plays, where it came from (server address, play queue) and the player's
 * settings. `subtitleStreamID` 0 means subtitles are off.
 */
function renderTimeline(ctx: RequestContext, timeline: TimelineRecord): Fields {
  const base = {
    type: timeline.type,
    state: timeline.state,
    controllable: CONTROLLABLE[timeline.type],
  };
  if (timeline.state === 'stopped' || timeline.ratingKey === undefined) return base;
  const queue = queueOf(ctx, timeline);
  const item = ctx.state.items.get(timeline.ratingKey);
  const isVideo = timeline.type === 'video';
  return omitEmpty({
    ...base,
    itemType: timeline.type,
    time: timeline.time,
    duration: timeline.duration,
    seekRange: timeline.duration === undefined ? undefined : `0-${timeline.duration}`,
    ratingKey: timeline.ratingKey,
    key: `/library/metadata/${timeline.ratingKey}`,
    guid: item?.guid,
    containerKey: queue ? `/playQueues/${queue.id}` : undefined,
    playQueueID: queue?.id,
    playQueueItemID: queue ? timeline.playQueueItemId : undefined,
    playQueueVersion: queue?.version,
    machineIdentifier: ctx.state.server.machineIdentifier,
    providerIdentifier: 'com.plexapp.plugins.library',
    protocol: ctx.url.protocol.replace(':', ''),
    address: ctx.url.hostname,
    port: Number(ctx.url.port || (ctx.url.protocol === 'https:' ? 443 : 80)),
    volume: timeline.volume,
    mute: timeline.muted ? 1 : 0,
    shuffle: timeline.shuffle ? 1 : 0,
    repeat: timeline.repeat,
    videoStreamID: isVideo ? timeline.videoStreamId : undefined,
    audioStreamID: isVideo ? timeline.audioStreamId : undefined,
    subtitleStreamID: isVideo ? (timeline.subtitleStreamId ?? 0) : undefined,
    partIndex: 0,
    partCount: 1,
  });
}

/**
 * `GET /player/timeline/poll?wait=0|1&commandID=N`: the player's three timelines (video, music,
 * photo) and its UI location, echoing the poll's commandID. The emulator answers at once even
 * with `wait=1` (a real player holds the request until something changes).
 */
function poll(ctx: RequestContext): Response {
  const player = targetPlayer(ctx);
  requireCapability(player, 'timeline');
  const echoed = ctx.query.get('commandID');
  const commandID =
    echoed !== null && echoed !== ''
      ? Number(echoed)
      : player.commandIds[ctx.clientIdentifier ?? ''];
  const { video, music, photo } = player.timelines;
  return container(
    {
      size: 3,
      commandID,
      location: location(player),
      Timeline: [video, music, photo].map((timeline) => renderTimeline(ctx, timeline)),
    },
    'Timeline',
  );
}

/** Timeline polling. */
export const pollRoutes: Route[] = [
  { method: 'GET', path: '/player/timeline/poll', handler: poll },
];
