import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireQuery,
  toInt,
} from '../../http/context.js';
import { playMedia } from '../../services/playback/play-media.js';
import { commandOk, requireCapability, targetPlayer } from './target.js';

/** The ratingKey in a `/library/metadata/{id}[/children]` key, if any. */
export function ratingKeyOf(key: string): string | undefined {
  return /\/library\/metadata\/(\d+)/.exec(key)?.[1];
}

/** The account a player plays as: the one whose token the controller handed over, else the caller. */
function playingAccount(ctx: RequestContext): number {
  const token = ctx.query.get('token');
  const account = token ? ctx.state.accountByServerToken(token) : undefined;
  return (account ?? requireAccount(ctx)).id;
}

/**
 * `/player/playback/playMedia?key=&offset=&containerKey=&machineIdentifier=&address=&port=…`:
 * the player loads the play queue, starts the named item (for a show or album, the queue's
 * selected item) at `offset` ms, and its session appears in `/status/sessions`.
 */
export function playMediaCommand(ctx: RequestContext): Response {
  const player = targetPlayer(ctx);
  requireCapability(player, 'playback');
  const server = ctx.query.get('machineIdentifier');
  if (server && server !== ctx.state.server.machineIdentifier) {
    throw new HttpError(400, `the player cannot reach server ${server}`);
  }
  const ratingKey = ratingKeyOf(requireQuery(ctx, 'key'));
  if (!ratingKey) throw new HttpError(400, 'playMedia needs a /library/metadata key');
  const named = ctx.state.items.get(ratingKey);
  if (!named) throw new HttpError(404, `no item ${ratingKey}`);
  const offset = toInt(ctx.query.get('offset') || '0', 'offset');
  if (offset < 0) throw new HttpError(400, 'offset must not be negative');
  const containerKey = ctx.query.get('containerKey') ?? '';
  const queueId = /^\/playQueues\/(\d+)/.exec(containerKey)?.[1];
  playMedia(ctx, player, {
    named,
    offset,
    accountId: playingAccount(ctx),
    playQueueId: queueId === undefined ? undefined : Number(queueId),
  });
  return commandOk();
}
