import { HttpError, type RequestContext, requireQuery, toInt } from '../../http/context.js';
import type { Handler, Route } from '../../http/router.js';
import {
  seekPlayback,
  setPlayState,
  skip,
  skipNext,
  skipToItem,
  stopPlayback,
} from '../../services/playback/player-playback.js';
import { selectStreams, setTimelineParameters } from '../../services/playback/player-settings.js';
import type { TimelineType } from '../../services/playback/sessions.js';
import type { PlayerRecord } from '../../state/types.js';
import { playMediaCommand, ratingKeyOf } from './play-media.js';
import {
  activeTimeline,
  commandOk,
  commandType,
  requireCapability,
  targetPlayer,
} from './target.js';

/** Plex apps' default skip steps: forward 30 s, back 10 s. */
const STEP_FORWARD_MS = 30_000;
const STEP_BACK_MS = 10_000;

/** A playback command: finds the player and the timeline it acts on, then runs. */
function command(
  run: (ctx: RequestContext, player: PlayerRecord, type: TimelineType) => void,
): (ctx: RequestContext) => Response {
  return (ctx) => {
    const player = targetPlayer(ctx);
    requireCapability(player, 'playback');
    run(ctx, player, commandType(ctx, player));
    return commandOk();
  };
}

function seekBy(ctx: RequestContext, player: PlayerRecord, type: TimelineType, delta: number) {
  seekPlayback(ctx, player, type, player.timelines[type].time + delta);
}

function intInRange(raw: string, name: string, min: number, max: number): number {
  const value = toInt(raw, name);
  if (value < min || value > max) throw new HttpError(400, `${name} must be ${min}–${max}`);
  return value;
}

/**
 * `setParameters?volume=0-100&shuffle=0|1&repeat=0|1|2`: only the parameters given change.
 * Turning shuffle on or off reorders the play queue on the server, as Plex players do.
 */
function setParameters(ctx: RequestContext, player: PlayerRecord, type: TimelineType): void {
  const volume = ctx.query.get('volume');
  const shuffle = ctx.query.get('shuffle');
  const repeat = ctx.query.get('repeat');
  setTimelineParameters(ctx, player, type, {
    volume: volume ? intInRange(volume, 'volume', 0, 100) : undefined,
    shuffle: shuffle ? intInRange(shuffle, 'shuffle', 0, 1) === 1 : undefined,
    repeat: repeat ? (intInRange(repeat, 'repeat', 0, 2) as 0 | 1 | 2) : undefined,
  });
}

/**
 * `setStreams?audioStreamID=&subtitleStreamID=&videoStreamID=` on the playing video. Ids must
 * belong to the item's streams of that kind (400 otherwise); `subtitleStreamID=0` turns
 * subtitles off.
 */
function setStreams(ctx: RequestContext, player: PlayerRecord, type: TimelineType): void {
  if (type !== 'video') throw new HttpError(400, 'only video has selectable streams');
  const timeline = activeTimeline(player, type);
  const id = (name: string) => {
    const raw = ctx.query.get(name);
    return raw === null || raw === '' ? undefined : toInt(raw, name);
  };
  selectStreams(ctx, timeline, {
    videoStreamId: id('videoStreamID'),
    audioStreamId: id('audioStreamID'),
    subtitleStreamId: id('subtitleStreamID'),
  });
}

/** `refreshPlayQueue?playQueueID=`: the player reloads its queue; 404 for an unknown queue. */
function refreshPlayQueue(ctx: RequestContext): void {
  const id = toInt(requireQuery(ctx, 'playQueueID'), 'playQueueID');
  if (!ctx.state.playQueues.has(id)) throw new HttpError(404, `no play queue ${id}`);
}

/** `skipTo?key=/library/metadata/{id}`: jumps to that item in the play queue (400 if absent). */
function skipTo(ctx: RequestContext, player: PlayerRecord, type: TimelineType): void {
  const ratingKey = ratingKeyOf(requireQuery(ctx, 'key'));
  if (!ratingKey || !skipToItem(ctx, player, type, ratingKey)) {
    throw new HttpError(400, 'skipTo names no item of the play queue');
  }
}

/** Runs `then` on a timeline that has something on it (400 when nothing plays there). */
function whilePlaying(
  then: (ctx: RequestContext, player: PlayerRecord, type: TimelineType) => void,
): (ctx: RequestContext) => Response {
  return command((ctx, player, type) => {
    activeTimeline(player, type);
    then(ctx, player, type);
  });
}

const COMMANDS: [string, Handler][] = [
  ['playMedia', playMediaCommand],
  ['play', whilePlaying((ctx, player, type) => setPlayState(ctx, player, type, 'playing'))],
  ['pause', whilePlaying((ctx, player, type) => setPlayState(ctx, player, type, 'paused'))],
  ['stop', command((ctx, player, type) => stopPlayback(ctx, player, type))],
  [
    'seekTo',
    whilePlaying((ctx, player, type) => {
      const offset = toInt(requireQuery(ctx, 'offset'), 'offset');
      if (offset < 0) throw new HttpError(400, 'offset must not be negative');
      seekPlayback(ctx, player, type, offset);
    }),
  ],
  ['stepForward', whilePlaying((ctx, player, type) => seekBy(ctx, player, type, STEP_FORWARD_MS))],
  ['stepBack', whilePlaying((ctx, player, type) => seekBy(ctx, player, type, -STEP_BACK_MS))],
  ['skipNext', whilePlaying(skipNext)],
  ['skipPrevious', whilePlaying((ctx, player, type) => skip(ctx, player, type, -1))],
  ['skipTo', whilePlaying(skipTo)],
  ['setParameters', command(setParameters)],
  ['setStreams', command(setStreams)],
  ['refreshPlayQueue', command((ctx) => refreshPlayQueue(ctx))],
];

/**
 * `/player/playback/*`. Commands that act on what plays (play, pause, seeking, skipping,
 * streams) answer 400 when nothing plays on that timeline; stop is a no-op then, as on a real
 * player.
 */
export const playbackRoutes: Route[] = COMMANDS.map(([name, handler]) => ({
  method: ['GET', 'POST'],
  path: `/player/playback/${name}`,
  handler,
}));
