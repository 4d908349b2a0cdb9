import type { SessionRecord } from '../../state/types.js';
import { stopPlayback } from './player-playback.js';
import type { PlaybackEnv } from './sessions.js';
import { rememberTermination } from './terminations.js';
import { sessionOf } from './timelines.js';
import { endSession } from './watch-progress.js';

/**
 * The owner stops someone's stream: the reason is kept for the client's next timeline report
 * and logged, and the session ends: an emulated player stops the timeline that fed it, any
 * other client's session ends as if it had reported `stopped`.
 */
export function terminateSession(env: PlaybackEnv, session: SessionRecord, reason: string): void {
  rememberTermination(env.state, session.playerId, session.ratingKey, reason);
  env.services.log(
    'Plex Media Server.log',
    'INFO',
    `Terminating session ${session.sessionKey} (${session.id}) with reason: ${reason}`,
  );
  const player = env.state.players.get(session.playerId);
  const timeline = player
    ? Object.values(player.timelines).find((entry) => sessionOf(env, player, entry) === session)
    : undefined;
  if (player && timeline) stopPlayback(env, player, timeline.type);
  else endSession(env, session);
}
