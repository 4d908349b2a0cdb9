import type { NavigationCommand } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { playerAddressing } from '../../shared/inputs.js';
import { resolvePlayer } from '../../shared/resolve-player.js';
import { playerRef, playerRefOf, requireCapability } from './shared.js';

/** Each action's `/player/navigation/{command}`. */
const COMMANDS = {
  up: 'moveUp',
  down: 'moveDown',
  left: 'moveLeft',
  right: 'moveRight',
  select: 'select',
  back: 'back',
  home: 'home',
  context_menu: 'contextMenu',
} as const satisfies Record<string, NavigationCommand>;

type Action = keyof typeof COMMANDS;

const ACTIONS = Object.keys(COMMANDS) as [Action, ...Action[]];

/** client_navigate: moves around a player's on-screen menus like a remote's arrow keys. */
export const clientNavigate = defineTool({
  name: 'client_navigate',
  module: 'client',
  access: 'write',
  title: 'Navigate player menus',
  description: "Press a remote key on a player's menus.",
  input: v.object({
    ...playerAddressing,
    action: v.pipe(v.picklist(ACTIONS), v.description('Key')),
  }),
  output: v.object({ player: playerRef, action: v.string(), sent: v.boolean() }),
  async run(ctx, input) {
    const player = await resolvePlayer(ctx, input);
    requireCapability(player, 'navigation', 'navigation commands');
    await ctx.plex.players.navigate(player.machineIdentifier, COMMANDS[input.action], {
      signal: ctx.signal,
    });
    return { player: playerRefOf(player), action: input.action, sent: true };
  },
});
