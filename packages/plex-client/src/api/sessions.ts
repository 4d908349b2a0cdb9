import type { Transport } from '../http/transport.js';
import { type Session, sessionsContainerSchema } from '../schemas/sessions.js';
import { withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** Options of `sessions.terminate()`. */
export interface TerminateOptions extends CallOptions {
  /** Shown on the player when the stream stops. */
  reason?: string | undefined;
}

/** The `sessions` namespace of a Plex client. */
export interface SessionsApi {
  /**
   * Every active session (`GET /status/sessions`): the owner sees all accounts', other
   * accounts their own. Not paged: the list is as long as the streams running now.
   */
  active(options?: CallOptions): Promise<Session[]>;
  /**
   * Stops a stream and shows `reason` on the player
   * (`GET /status/sessions/terminate?sessionId=&reason=`). `sessionId` is the session's
   * `Session.id`, not its `sessionKey`. GET as python-plexapi sends it works on every PMS
   * version (newer ones also take POST). `NOT_FOUND` for an unknown session; owner only.
   */
  terminate(sessionId: string, options?: TerminateOptions): Promise<void>;
}

/** What is playing now, and stopping it. */
export function sessionsApi(transport: Transport): SessionsApi {
  return {
    /**
     * Every active session (`GET /status/sessions`): the owner sees all accounts', other
     * accounts their own. Not paged: the list is as long as the streams running now.
     */
    async active(options: CallOptions = {}): Promise<Session[]> {
      const body = await transport.json(
        { path: '/status/sessions', ...withSignal(options) },
        sessionsContainerSchema,
      );
      return body.MediaContainer.Metadata;
    },

    /**
     * Stops a stream and shows `reason` on the player
     * (`GET /status/sessions/terminate?sessionId=&reason=`). `sessionId` is the session's
     * `Session.id`, not its `sessionKey`. GET as python-plexapi sends it works on every PMS
     * version (newer ones also take POST). `NOT_FOUND` for an unknown session; owner only.
     */
    async terminate(sessionId: string, options: TerminateOptions = {}): Promise<void> {
      if (sessionId === '')
        throw new TypeError('sessionId (the Session.id of a session) is required');
      await transport.empty({
        path: '/status/sessions/terminate',
        query: { sessionId, reason: options.reason },
        ...withSignal(options),
      });
    },
  };
}
