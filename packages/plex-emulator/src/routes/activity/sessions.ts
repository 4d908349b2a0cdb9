import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
} from '../../http/context.js';
import { container, emptyOk, type Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { stopPlayback, syncAllPlayers } from '../../services/playback/player-playback.js';
import { rememberTermination } from '../../services/playback/terminations.js';
import { sessionOf } from '../../services/playback/timelines.js';
import { endSession } from '../../services/playback/watch-progress.js';
import type { SessionRecord } from '../../state/types.js';
import { renderSession } from './render-session.js';

/** `GET /status/sessions`: the owner sees every session, other accounts only their own. */
function listSessions(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  syncAllPlayers(ctx);
  const now = ctx.services.now();
  const entries: Fields[] = [];
  for (const session of ctx.state.sessions.values()) {
    if (account.kind !== 'owner' && session.accountId !== account.id) continue;
    const rendered = renderSession(ctx.state, session, now);
    if (rendered) entries.push(rendered);
  }
  return container({ size: entries.length, Metadata: entries }, 'Metadata');
}

function sessionById(ctx: RequestContext, id: string): SessionRecord {
  for (const session of ctx.state.sessions.values()) {
    if (session.id === id) return session;
  }
  throw new HttpError(404, `no session ${id}`);
}

/**
 * `/status/sessions/terminate?sessionId=&reason=`: the owner stops someone's stream. PMS answers
 * 403 to other accounts and to an empty `sessionId`, 404 to an unknown one, and an empty 200
 * once the stream is stopped.
 */
function terminateSession(ctx: RequestContext): Response {
  requireOwner(ctx);
  const id = ctx.query.get('sessionId') ?? '';
  if (id === '') throw new HttpError(403, 'sessionId is empty');
  syncAllPlayers(ctx);
  const session = sessionById(ctx, id);
  const reason = ctx.query.get('reason') ?? '';
  rememberTermination(ctx.state, session.playerId, session.ratingKey, reason);
  ctx.services.log(
    'Plex Media Server.log',
    'INFO',
    `Terminating session ${session.sessionKey} (${session.id}) with reason: ${reason}`,
  );
  const player = ctx.state.players.get(session.playerId);
  const timeline = player
    ? Object.values(player.timelines).find((entry) => sessionOf(ctx, player, entry) === session)
    : undefined;
  if (player && timeline) stopPlayback(ctx, player, timeline.type);
  else endSession(ctx, session);
  return emptyOk();
}

/** Session listing and termination. */
export const sessionRoutes: Route[] = [
  { method: 'GET', path: '/status/sessions', handler: listSessions },
  { method: ['GET', 'POST'], path: '/status/sessions/terminate', handler: terminateSession },
];
