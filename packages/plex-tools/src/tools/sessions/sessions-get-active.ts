import type { Session } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { playedItem, playedItemOf } from './describe.js';

const player = v.object({
  name: v.optional(v.string()),
  id: v.optional(v.string()),
  product: v.optional(v.string()),
  platform: v.optional(v.string()),
  device: v.optional(v.string()),
  local: v.optional(v.boolean()),
  relayed: v.optional(v.boolean()),
  secure: v.optional(v.boolean()),
  address: v.optional(v.string()),
  public_address: v.optional(v.string()),
});

const stream = v.object({
  decision: v.picklist(['direct_play', 'direct_stream', 'transcode']),
  video_decision: v.optional(v.string()),
  audio_decision: v.optional(v.string()),
  subtitle_decision: v.optional(v.string()),
  reasons: v.array(v.string()),
  container: v.optional(v.string()),
  video_codec: v.optional(v.string()),
  audio_codec: v.optional(v.string()),
  resolution: v.optional(v.string()),
  hardware: v.optional(v.boolean()),
  transcode_progress: v.optional(v.number()),
  transcode_speed: v.optional(v.number()),
  throttled: v.optional(v.boolean()),
});

const session = v.object({
  session_id: v.string(),
  session_key: v.string(),
  user: v.object({ id: v.string(), name: v.string() }),
  player,
  item: playedItem,
  state: v.optional(v.string()),
  position_ms: v.optional(v.number()),
  duration_ms: v.optional(v.number()),
  progress_percent: v.optional(v.number()),
  stream,
  bandwidth_kbps: v.optional(v.number()),
  location: v.optional(v.string()),
});

/** Direct play, direct stream or transcode, with why, from the session's transcode job. */
function streamOf(s: Session): v.InferOutput<typeof stream> {
  const media = s.Media.find((m) => m.selected) ?? s.Media[0];
  const job = s.TranscodeSession;
  const common = {
    container: job?.container ?? media?.container,
    video_codec: job?.videoCodec ?? media?.videoCodec,
    audio_codec: job?.audioCodec ?? media?.audioCodec,
    resolution: media?.videoResolution,
  };
  if (!job) {
    return { decision: 'direct_play', reasons: ['the player plays the file as is'], ...common };
  }
  const reasons: string[] = [];
  const describe = (kind: string, decision: string | undefined, from?: string, to?: string) => {
    if (decision === undefined) return;
    if (decision === 'transcode') {
      reasons.push(`${kind} transcoded${from && to ? ` (${from} → ${to})` : ''}`);
    } else if (decision === 'copy' || decision === 'directplay') {
      reasons.push(`${kind} copied unchanged${from ? ` (${from})` : ''}`);
    } else reasons.push(`${kind}: ${decision}`);
  };
  describe('video', job.videoDecision, job.sourceVideoCodec, job.videoCodec);
  describe('audio', job.audioDecision, job.sourceAudioCodec, job.audioCodec);
  if (job.subtitleDecision === 'burn') reasons.push('subtitles burned into the video');
  else describe('subtitles', job.subtitleDecision);
  const transcoding = job.videoDecision === 'transcode' || job.audioDecision === 'transcode';
  if (!transcoding) reasons.push('only the container is changed (direct stream)');
  const hardware =
    job.transcodeHwFullPipeline ?? (job.transcodeHwEncoding ? true : job.transcodeHwRequested);
  return {
    decision: transcoding ? 'transcode' : 'direct_stream',
    video_decision: job.videoDecision,
    audio_decision: job.audioDecision,
    subtitle_decision: job.subtitleDecision,
    reasons,
    ...common,
    resolution: job.height !== undefined ? String(job.height) : common.resolution,
    hardware: transcoding ? hardware : undefined,
    transcode_progress: job.progress,
    transcode_speed: job.speed,
    throttled: job.throttled,
  };
}

/** sessions_get_active: what is playing now, who watches it, where and how it is delivered. */
export const sessionsGetActive = defineTool({
  name: 'sessions_get_active',
  module: 'sessions',
  access: 'read',
  title: 'Active sessions',
  description: 'What plays now: user, player, item, progress, transcode reasons.',
  input: v.object({
    include_addresses: v.optional(v.pipe(v.boolean(), v.description('Add player IPs')), false),
  }),
  output: v.object({
    sessions: v.array(session),
    totals: v.object({
      sessions: v.number(),
      direct_play: v.number(),
      direct_stream: v.number(),
      transcode: v.number(),
      bandwidth_kbps: v.number(),
      lan_kbps: v.number(),
      wan_kbps: v.number(),
    }),
  }),
  async run(ctx, input) {
    const active = await ctx.plex.sessions.active({ signal: ctx.signal });
    const sessions = active.map((s) => {
      const p = s.Player;
      const out: v.InferOutput<typeof session> = {
        session_id: s.Session?.id ?? '',
        session_key: s.sessionKey,
        user: { id: s.User?.id ?? '', name: s.User?.title ?? '' },
        player: {
          name: p?.title,
          id: p?.machineIdentifier,
          product: p?.product,
          platform: p?.platform,
          device: p?.device,
          local: p?.local,
          relayed: p?.relayed,
          secure: p?.secure,
          ...(input.include_addresses
            ? { address: p?.address, public_address: p?.remotePublicAddress }
            : {}),
        },
        item: playedItemOf(s),
        state: p?.state,
        position_ms: s.viewOffset,
        duration_ms: s.duration,
        progress_percent:
          s.viewOffset !== undefined && s.duration
            ? Math.round((s.viewOffset / s.duration) * 1000) / 10
            : undefined,
        stream: streamOf(s),
        bandwidth_kbps: s.Session?.bandwidth,
        location:
          s.Session?.location ?? (p?.local === undefined ? undefined : p.local ? 'lan' : 'wan'),
      };
      return out;
    });
    const sum = (pick: (s: (typeof sessions)[number]) => boolean) =>
      sessions.filter(pick).reduce((total, s) => total + (s.bandwidth_kbps ?? 0), 0);
    return {
      sessions,
      totals: {
        sessions: sessions.length,
        direct_play: sessions.filter((s) => s.stream.decision === 'direct_play').length,
        direct_stream: sessions.filter((s) => s.stream.decision === 'direct_stream').length,
        transcode: sessions.filter((s) => s.stream.decision === 'transcode').length,
        bandwidth_kbps: sum(() => true),
        lan_kbps: sum((s) => s.location === 'lan'),
        wan_kbps: sum((s) => s.location === 'wan'),
      },
    };
  },
});
