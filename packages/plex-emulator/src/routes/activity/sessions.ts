import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
} from '../../http/context.js';
import { emptyOk, type Fields, listContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { syncAllPlayers } from '../../services/playback/player-playback.js';
import { terminateSession } from '../../services/playback/session-termination.js';
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
  return listContainer(ctx.page, { size: entries.length, Metadata: entries }, 'Metadata');
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
function terminate(ctx: RequestContext): Response {
  requireOwner(ctx);
  const id = ctx.query.get('sessionId') ?? '';
  if (id === '') throw new HttpError(403, 'sessionId is empty');
  syncAllPlayers(ctx);
  const session = sessionById(ctx, id);
  terminateSession(ctx, session, ctx.query.get('reason') ?? '');
  return emptyOk();
}

/** Session listing and termination. */
export const sessionRoutes: Route[] = [
  { method: 'GET', path: '/status/sessions', handler: listSessions },
  { method: ['GET', 'POST'], path: '/status/sessions/terminate', handler: terminate },
];
