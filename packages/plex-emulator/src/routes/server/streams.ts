import type { EmulatorState } from '../../state/store.js';
import { type ItemRecord, type SessionRecord, TYPE_NUMBER } from '../../state/types.js';
import { LIVE_WINDOW_SECONDS } from './timespan.js';

/**
 * One stream the server sent: a finished play from the history or an active session. The
 * dashboard statistics are all derived from these, so they agree with `/status/sessions` and
 * `/status/sessions/history/all` instead of being invented.
 */
export interface StreamSpan {
  accountId: number;
  deviceId: number;
  lan: boolean;
  /** Unix seconds the transfer ran over, `[start, end)`. */
  start: number;
  end: number;
  bytesPerSecond: number;
  /**
   * How hard the server transcodes this stream's video: 0 not at all, 1 flat out, less for a
   * throttled job (one far enough ahead of the player that it idles).
   */
  transcodeLoad: number;
  /** True while the stream still runs (a playing session): it goes on past `end`, which is now. */
  live: boolean;
  /** Set for history plays (the item's metadata type number and play length in seconds). */
  play?: { metadataType: number; durationSeconds: number; viewedAt: number };
}

/** Bitrates (kbps) used when an item has no media info: a 1080p encode or a 320k track. */
const FALLBACK_KBPS = { video: 8000, audio: 320 } as const;

/**
 * Every stream in the history and in the active sessions, as of `now` (Unix seconds).
 * A history play ran for the item's duration and ended when it was recorded (`viewedAt`).
 * A playing session has streamed since it started (at most as long as its playhead has run);
 * a paused one stopped feeding its client before the live window, as the live graph shows.
 */
export function streamSpans(state: EmulatorState, now: number): StreamSpan[] {
  const spans: StreamSpan[] = [];
  for (const play of state.history) {
    const item = state.items.get(play.ratingKey);
    if (!item) continue;
    const durationSeconds = Math.round(itemDurationMs(item) / 1000);
    if (durationSeconds <= 0) continue;
    spans.push({
      accountId: play.accountId,
      deviceId: play.deviceId,
      lan: playWasLocal(state, play.accountId, play.deviceId),
      start: play.viewedAt - durationSeconds,
      end: play.viewedAt,
      bytesPerSecond: (itemKbps(item) * 1000) / 8,
      transcodeLoad: 0,
      live: false,
      play: { metadataType: TYPE_NUMBER[item.type], durationSeconds, viewedAt: play.viewedAt },
    });
  }
  for (const session of state.sessions.values()) {
    const device = state.devices.find((d) => d.clientIdentifier === session.playerId);
    if (!device) continue;
    // Streaming began when the session started, but no earlier than the playhead allows.
    const start = Math.max(session.startedAt, now - Math.round(session.viewOffset / 1000));
    const end = session.state === 'paused' ? now - LIVE_WINDOW_SECONDS : now;
    spans.push({
      accountId: session.accountId,
      deviceId: device.id,
      lan: session.location === 'lan',
      start,
      end: Math.max(start, end),
      bytesPerSecond: (session.bandwidth * 1000) / 8,
      transcodeLoad: transcodeLoad(session),
      live: session.state !== 'paused',
    });
  }
  return spans;
}

/**
 * Whether a past play stayed on the LAN: a known player says so itself; otherwise friends
 * stream from outside the home and household accounts from inside it.
 */
function playWasLocal(state: EmulatorState, accountId: number, deviceId: number): boolean {
  const device = state.devices.find((d) => d.id === deviceId);
  const player = device ? state.players.get(device.clientIdentifier) : undefined;
  if (player) return player.local;
  return state.accounts.get(accountId)?.kind !== 'friend';
}

const THROTTLED_SHARE = 0.3;

function transcodeLoad(session: SessionRecord): number {
  const job = session.transcode;
  if (job?.videoDecision !== 'transcode') return 0;
  return job.throttled ? THROTTLED_SHARE : 1;
}

function itemDurationMs(item: ItemRecord): number {
  return item.duration ?? item.media[0]?.duration ?? 0;
}

function itemKbps(item: ItemRecord): number {
  const bitrate = item.media[0]?.bitrate;
  if (bitrate !== undefined && bitrate > 0) return bitrate;
  return item.type === 'track' ? FALLBACK_KBPS.audio : FALLBACK_KBPS.video;
}
