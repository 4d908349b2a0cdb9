import type { UpdaterStatus } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { isoTime } from '../../shared/outputs.js';
import { Warnings, warningsField } from '../../shared/warnings.js';

/** The updater's view: whether a newer release waits, and its notes (never its download link). */
const update = v.object({
  available: v.boolean(),
  version: v.optional(v.string()),
  state: v.optional(v.string()),
  can_install: v.optional(v.boolean()),
  checked_at: v.optional(v.string()),
  added: v.optional(v.array(v.string())),
  fixed: v.optional(v.array(v.string())),
});

const lines = (text: string | undefined) =>
  text === undefined ? undefined : text.split('\n').filter((line) => line.trim() !== '');

/** The update part of the output from `/updater/status` (its token-bearing links left out). */
function updateOf(status: UpdaterStatus): v.InferInput<typeof update> {
  const release = status.Release[0];
  return {
    available: release !== undefined,
    version: release?.version,
    state: release?.state,
    can_install: status.canInstall,
    checked_at: isoTime(status.checkedAt),
    added: lines(release?.added),
    fixed: lines(release?.fixed),
  };
}

/** server_get_info: who the server is, what it can do, and whether an update waits. */
export const serverGetInfo = defineTool({
  name: 'server_get_info',
  module: 'server',
  access: 'read',
  title: 'Get server info',
  description: 'Server name, version, platform, machine id, updates.',
  input: v.object({}),
  output: v.object({
    name: v.string(),
    version: v.string(),
    platform: v.optional(v.string()),
    platform_version: v.optional(v.string()),
    machine_id: v.string(),
    myplex: v.object({
      signed_in: v.boolean(),
      username: v.optional(v.string()),
      signin_state: v.optional(v.string()),
      subscription: v.optional(v.boolean()),
    }),
    transcoder: v.object({
      video: v.optional(v.boolean()),
      audio: v.optional(v.boolean()),
      active_video_sessions: v.optional(v.number()),
      video_resolutions: v.optional(v.array(v.number())),
      video_bitrates_kbps: v.optional(v.array(v.number())),
    }),
    allow_media_deletion: v.optional(v.boolean()),
    allow_sharing: v.optional(v.boolean()),
    multiuser: v.optional(v.boolean()),
    installed_at: v.optional(v.string()),
    /** Null when the updater could not be read (only the owner may; see `warnings`). */
    update: v.nullable(update),
    ...warningsField,
  }),
  async run(ctx) {
    const warnings = new Warnings(ctx.signal);
    const [info, status] = await Promise.all([
      ctx.plex.server.info({ signal: ctx.signal }),
      // Only the owner may read the updater, and older servers lack it: the rest still answers.
      warnings.optional('update status', () =>
        ctx.plex.server.updaterStatus({ signal: ctx.signal }),
      ),
    ]);
    return warnings.attach({
      name: info.friendlyName,
      version: info.version,
      platform: info.platform,
      platform_version: info.platformVersion,
      machine_id: info.machineIdentifier,
      myplex: {
        signed_in: info.myPlex === true && info.myPlexSigninState === 'ok',
        username: info.myPlexUsername,
        signin_state: info.myPlexSigninState,
        subscription: info.myPlexSubscription,
      },
      transcoder: {
        video: info.transcoderVideo,
        audio: info.transcoderAudio,
        active_video_sessions: info.transcoderActiveVideoSessions,
        video_resolutions: distinctNumbers(info.transcoderVideoResolutions),
        video_bitrates_kbps: distinctNumbers(info.transcoderVideoBitrates),
      },
      allow_media_deletion: info.allowMediaDeletion,
      allow_sharing: info.allowSharing,
      multiuser: info.multiuser,
      installed_at: isoTime(info.updatedAt),
      update: status === null ? null : updateOf(status),
    });
  },
});

/** `"128,128,160,…"` → `[128, 160, …]` (Plex repeats values, one per quality step). */
function distinctNumbers(list: string | undefined): number[] | undefined {
  if (list === undefined || list === '') return undefined;
  const numbers = list.split(',').map(Number).filter(Number.isFinite);
  return [...new Set(numbers)].sort((a, b) => a - b);
}
