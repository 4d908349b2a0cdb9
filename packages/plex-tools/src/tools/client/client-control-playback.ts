import type { PlaybackCommand, PlayerMediaType, Timeline } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { playerAddressing } from '../../shared/inputs.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import {
  activeTimeline,
  playerRef,
  playerRefOf,
  requireCapability,
  timelineOf,
  timelineOut,
  timelinesAfter,
  timelinesOf,
} from './shared.js';

const ACTIONS = [
  'play',
  'pause',
  'stop',
  'skip_next',
  'skip_previous',
  'step_forward',
  'step_back',
  'seek_to',
  'set_volume',
  'mute',
  'unmute',
] as const;

type Action = (typeof ACTIONS)[number];

/** Each action's Plex command and the `controllable` entry a timeline lists when it takes it. */
const COMMANDS: Record<Exclude<Action, 'mute' | 'unmute'>, [PlaybackCommand, string]> = {
  play: ['play', 'playPause'],
  pause: ['pause', 'playPause'],
  stop: ['stop', 'stop'],
  skip_next: ['skipNext', 'skipNext'],
  skip_previous: ['skipPrevious', 'skipPrevious'],
  step_forward: ['stepForward', 'stepForward'],
  step_back: ['stepBack', 'stepBack'],
  seek_to: ['seekTo', 'seekTo'],
  set_volume: ['setParameters', 'volume'],
};

const TIMELINE_TYPES: readonly string[] = ['video', 'music', 'photo'];

/** Checks `value` against the action: required where it means something, refused elsewhere. */
function checkValue(action: Action, value: number | undefined): void {
  if (action === 'seek_to' || action === 'set_volume') {
    const what = action === 'seek_to' ? 'the position in ms' : 'the volume, 0-100';
    if (value === undefined)
      throw new ToolError('INVALID_INPUT', `${action} needs value: ${what}.`);
    if (action === 'set_volume' && value > 100)
      throw new ToolError('INVALID_INPUT', 'set_volume takes value 0-100.');
  } else if (value !== undefined) {
    throw new ToolError(
      'INVALID_INPUT',
      `${action} takes no value; value is only for seek_to (ms) and set_volume (0-100).`,
    );
  }
}

/** client_control_playback: play, pause, stop, skip, seek or set the volume on a player. */
export const clientControlPlayback = defineTool({
  name: 'client_control_playback',
  module: 'client',
  access: 'write',
  title: 'Control playback',
  description: 'Send a playback command to a player; returns its timeline after.',
  input: v.object({
    ...playerAddressing,
    action: v.pipe(v.picklist(ACTIONS), v.description('Command')),
    value: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0),
        v.description('seek_to: ms; set_volume: 0-100'),
      ),
    ),
  }),
  output: v.object({
    player: playerRef,
    action: v.string(),
    /** Null when the player's timeline could not be read after the command (see `warnings`). */
    timeline: v.nullish(timelineOut),
    ...warningsField,
  }),
  async run(ctx, input) {
    const { action, value } = input;
    checkValue(action, value);
    if (action === 'mute' || action === 'unmute') {
      // The remote-control protocol's setParameters takes volume, shuffle and repeat only;
      // players report `mute` in their timelines but take no command to change it.
      throw new ToolError(
        'INVALID_INPUT',
        `Plex players take no ${action} command over remote control. Use set_volume with value 0 to silence the player, and set_volume again to restore it.`,
      );
    }
    const player = await resolvePlayer(ctx, input);
    requireCapability(player, 'playback', 'playback commands');
    const before = await timelinesOf(ctx, player);
    const active = activeTimeline(before);
    const control = COMMANDS[action][1];
    if (before && !active && action !== 'stop' && action !== 'set_volume') {
      throw new ToolError(
        'INVALID_INPUT',
        `${player.name} is not playing anything. Start something with client_start_playback.`,
      );
    }
    if (active) checkControllable(player.name, active, action, control, value);

    const type =
      active && TIMELINE_TYPES.includes(active.type) ? (active.type as PlayerMediaType) : undefined;
    await send(ctx, player.machineIdentifier, action, type, value ?? 0);

    const warnings = new Warnings(ctx.signal);
    const after = await timelinesAfter(ctx, player, warnings);
    if (after === null)
      return warnings.attach({ player: playerRefOf(player), action, timeline: null });
    const shown = after?.timelines.find((t) => t.type === active?.type) ?? activeTimeline(after);
    return warnings.attach({
      player: playerRefOf(player),
      action,
      timeline: shown ? await timelineOf(ctx, shown, warnings) : undefined,
    });
  },
});

/** Refuses what the playing timeline says it does not take, and seeks past the end. */
function checkControllable(
  name: string,
  timeline: Timeline,
  action: Action,
  control: string,
  value: number | undefined,
): void {
  const controllable = timeline.controllable ?? [];
  if (controllable.length > 0 && !controllable.includes(control)) {
    throw new ToolError(
      'INVALID_INPUT',
      `${name} cannot ${action.replace('_', ' ')} the ${timeline.type} it is playing (it takes: ${controllable.join(', ')}).`,
    );
  }
  if (action === 'seek_to' && timeline.duration !== undefined && (value ?? 0) > timeline.duration) {
    throw new ToolError(
      'INVALID_INPUT',
      `seek_to ${value} ms is past the end of the item (${timeline.duration} ms long).`,
    );
  }
}

/** The commands without parameters besides the timeline type. */
type BareCommand =
  | 'play'
  | 'pause'
  | 'stop'
  | 'skipNext'
  | 'skipPrevious'
  | 'stepForward'
  | 'stepBack';

/** Sends the action's command, aimed at the timeline that plays when there is one. */
async function send(
  ctx: ToolContext,
  clientId: string,
  action: Exclude<Action, 'mute' | 'unmute'>,
  type: PlayerMediaType | undefined,
  value: number,
): Promise<void> {
  const on = { ...(type === undefined ? {} : { type }), signal: ctx.signal };
  if (action === 'seek_to')
    return ctx.plex.players.playback(clientId, 'seekTo', { ...on, offset: value });
  if (action === 'set_volume')
    return ctx.plex.players.playback(clientId, 'setParameters', { ...on, volume: value });
  const command = COMMANDS[action][0] as BareCommand;
  return ctx.plex.players.playback(clientId, command, on);
}
