import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { requireConfirmation } from '../../shared/confirm.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { playedItem, playedItemOf } from './describe.js';

const output = v.object({
  terminated: v.boolean(),
  session_id: v.string(),
  user: v.string(),
  player: v.optional(v.string()),
  item: playedItem,
  reason: v.string(),
  ...warningsField,
});

/** sessions_terminate: stops someone's stream, showing them a reason. */
export const sessionsTerminate = defineTool({
  name: 'sessions_terminate',
  module: 'sessions',
  access: 'delete',
  title: 'Stop a stream',
  description: 'Stop a stream from sessions_get_active, showing the viewer a reason.',
  input: v.object({
    session_id: v.pipe(
      v.string(),
      v.trim(),
      v.nonEmpty(),
      v.description('session_id or session_key'),
    ),
    reason: v.optional(v.pipe(v.string(), v.description('Shown on the player'))),
    confirm: v.optional(v.pipe(v.string(), v.description("Its user's name"))),
  }),
  output,
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const call = { signal: ctx.signal };
    const active = await ctx.plex.sessions.active(call);
    const session =
      active.find((s) => s.Session?.id === input.session_id) ??
      active.find((s) => s.sessionKey === input.session_id);
    const label = (s: (typeof active)[number]) =>
      `${s.Session?.id ?? s.sessionKey} (${s.User?.title ?? '?'} playing "${s.title}")`;
    if (!session) {
      throw new ToolError(
        'NOT_FOUND',
        active.length === 0
          ? `No session "${input.session_id}": nothing is playing now.`
          : `No session "${input.session_id}". Active: ${active.map(label).join(', ')}.`,
        {
          sessions: active.map((s) => ({
            session_id: s.Session?.id,
            session_key: s.sessionKey,
            user: s.User?.title,
            title: s.title,
          })),
        },
      );
    }
    const sessionId = session.Session?.id;
    if (sessionId === undefined || sessionId === '') {
      throw new ToolError(
        'PLEX_ERROR',
        `Plex did not report an id for session ${session.sessionKey}, so it cannot be stopped.`,
      );
    }
    const userTitle = session.User?.title ?? '';
    // The account list only adds the username as a second accepted confirmation: without it the
    // user's title still confirms.
    const warnings = new Warnings(ctx.signal);
    const accounts = await warnings.optional('username', () => ctx.plex.accounts.list(call));
    const username = accounts?.find((a) => String(a.id) === session.User?.id)?.name;
    const player = session.Player?.title ?? session.Player?.product;
    const item = playedItemOf(session);
    const names = [userTitle, username].filter((n): n is string => !!n);
    requireConfirmation(
      input.confirm,
      names,
      `This stops ${userTitle || 'the user'}'s playback of "${session.title}"${player ? ` on ${player}` : ''}; their progress is kept. Call again with confirm: "${userTitle || username}".`,
      { session_id: sessionId, user: userTitle, username, title: session.title, player },
    );
    const reason = input.reason ?? 'The server owner stopped this stream.';
    await ctx.plex.sessions.terminate(sessionId, { reason, ...call });
    const out: v.InferInput<typeof output> = {
      terminated: true,
      session_id: sessionId,
      user: userTitle,
      item,
      reason,
    };
    if (player !== undefined) out.player = player;
    return warnings.attach(out);
  },
});
