// Console sessions: a random id in an httpOnly cookie, and on the server the API key it signed in
// with. The key stays in this process's memory only — never in the browser's storage, a URL or
// a log — and is what the session's requests are sent to /v1 with. Sessions end on sign-out, after
// an idle hour, twelve hours after sign-in, and when /v1 stops accepting their key (revoked).
// They live in one process: behind several replicas, the balancer must keep a browser on one.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One signed-in browser. */
export interface ConsoleSession {
  /** The API key requests are made with. */
  readonly key: string;
  /** The token every state-changing request must echo in `X-CSRF-Token`. */
  readonly csrfToken: string;
  readonly organizationId: string;
  readonly createdAt: number;
  lastSeenAt: number;
}

/** How long sessions last and how many there may be. */
export interface SessionLimits {
  idleMs: number;
  lifetimeMs: number;
  /** The oldest sessions are ended beyond this many. */
  max: number;
  now?: () => number;
}

/** Default limits: an idle hour, twelve hours in all, 10,000 sessions. */
export const SESSION_LIMITS: SessionLimits = {
  idleMs: 60 * 60 * 1000,
  lifetimeMs: 12 * 60 * 60 * 1000,
  max: 10_000,
};

const token = () => randomBytes(32).toString('base64url');
// The map is keyed by a digest of the id, so a look-up compares digests, not the secret itself.
const digest = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');

/**
 * The session store of one front door. `onEnd` hears of every session that ends (signed out,
 * expired, pushed out), so what was kept for it can go with it.
 */
export function createSessionStore(
  limits: SessionLimits = SESSION_LIMITS,
  onEnd: (session: ConsoleSession) => void = () => {},
) {
  const now = limits.now ?? Date.now;
  const sessions = new Map<string, ConsoleSession>();
  const drop = (hash: string) => {
    const session = sessions.get(hash);
    if (!session) return;
    sessions.delete(hash);
    onEnd(session);
  };
  const expired = (session: ConsoleSession, at: number) =>
    at - session.lastSeenAt > limits.idleMs || at - session.createdAt > limits.lifetimeMs;

  return {
    /** Starts a session (always a new id: signing in never adopts an id the browser brought). */
    create(key: string, organizationId: string): { id: string; session: ConsoleSession } {
      const at = now();
      // Maps iterate in insertion order: the first entries are the oldest.
      for (const [hash, session] of sessions) {
        if (sessions.size < limits.max && !expired(session, at)) break;
        drop(hash);
      }
      const id = token();
      const session = { key, csrfToken: token(), organizationId, createdAt: at, lastSeenAt: at };
      sessions.set(digest(id), session);
      return { id, session };
    },
    /** The live session of an id (its idle clock restarted), or undefined. */
    get(id: string | undefined): ConsoleSession | undefined {
      if (!id) return undefined;
      const hash = digest(id);
      const session = sessions.get(hash);
      if (!session) return undefined;
      const at = now();
      if (expired(session, at)) {
        drop(hash);
        return undefined;
      }
      session.lastSeenAt = at;
      return session;
    },
    /** Ends the session of an id, if any. */
    end(id: string | undefined): void {
      if (id) drop(digest(id));
    },
    size: () => sessions.size,
  };
}

/** Whether `presented` is the session's CSRF token, compared in constant time. */
export function csrfMatches(session: ConsoleSession, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
