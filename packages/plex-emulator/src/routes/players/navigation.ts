import { HttpError, type RequestContext } from '../../http/context.js';
import type { Route } from '../../http/router.js';
import { commandOk, requireCapability, targetPlayer } from './target.js';

/** The navigation commands Plex players accept (the remote-control protocol's navigation set). */
const NAVIGATION = new Set([
  'moveUp',
  'moveDown',
  'moveLeft',
  'moveRight',
  'pageUp',
  'pageDown',
  'nextLetter',
  'previousLetter',
  'select',
  'back',
  'home',
  'music',
  'contextMenu',
  'toggleOSD',
]);

/**
 * `/player/navigation/{command}`: moves the player's UI. The emulator has no UI, so it records
 * the last command (`player.lastNavigation`) for tests; unknown commands are 404.
 */
function navigate(ctx: RequestContext): Response {
  const command = ctx.params.command ?? '';
  if (!NAVIGATION.has(command)) throw new HttpError(404, `no navigation command ${command}`);
  const player = targetPlayer(ctx);
  requireCapability(player, 'navigation');
  player.lastNavigation = command;
  return commandOk();
}

/** Remote navigation. */
export const navigationRoutes: Route[] = [
  { method: ['GET', 'POST'], path: '/player/navigation/{command}', handler: navigate },
];
