// The console's pending plex.tv sign-ins ("Add a Plex server"). Each is bound to the console
// session that started it — another session asking for its id finds nothing — and holds on the
// server what must never reach the browser: the account's plex.tv token once the PIN is
// approved, then the servers' access tokens. It ends when it is used (the MCP is added), when its
// PIN expires, a few minutes after the approval, or with its console session, whichever comes
// first.

import { randomBytes } from 'node:crypto';
import type { ConsoleSession } from './sessions.js';

/** One connection of a server, as plex.tv lists it. */
export interface ServerConnection {
  uri: string;
  local: boolean;
  relay: boolean;
}

/** A server the signed-in account can reach. */
export interface OfferedServer {
  name: string;
  clientIdentifier: string;
  owned: boolean;
  connections: ServerConnection[];
  /** SECRET: the token to use against this server. */
  accessToken: string;
}

/** One sign-in in progress. */
export interface PendingSignIn {
  readonly session: ConsoleSession;
  /** plex.tv's PIN id. */
  readonly pinId: number;
  /** When it ends, in ms. */
  expiresAt: number;
  /** When plex.tv was last asked about the PIN, in ms. */
  checkedAt: number;
  /** SECRET: the account's plex.tv token, from the approval until the servers are read. */
  accountToken?: string;
  /** The account's servers, once read (with their SECRET tokens). */
  servers?: OfferedServer[];
}

/** How many sign-ins may wait at once, per session and in all. */
const PER_SESSION = 3;
const IN_ALL = 1000;
/** How long an approved sign-in waits for a server to be picked. */
export const APPROVED_LIFETIME_MS = 10 * 60 * 1000;

/** The pending sign-ins of one console. */
export function createSignInStore(now: () => number = Date.now) {
  const pending = new Map<string, PendingSignIn>();
  const sweep = (at: number) => {
    for (const [id, entry] of pending) if (entry.expiresAt <= at) pending.delete(id);
  };

  return {
    /** Starts one for `session`, ending its oldest beyond a few (and the oldest of all beyond many). */
    add(session: ConsoleSession, pinId: number, expiresAt: number): string {
      const at = now();
      sweep(at);
      const mine = [...pending].filter(([, entry]) => entry.session === session);
      for (const [id] of mine.slice(0, Math.max(0, mine.length - PER_SESSION + 1))) {
        pending.delete(id);
      }
      // Maps iterate in insertion order: the first entries are the oldest.
      for (const [id] of pending) {
        if (pending.size < IN_ALL) break;
        pending.delete(id);
      }
      const id = randomBytes(16).toString('base64url');
      pending.set(id, { session, pinId, expiresAt, checkedAt: 0 });
      return id;
    },
    /** The live sign-in of `id` if `session` started it; undefined otherwise (expired, another's). */
    get(id: string, session: ConsoleSession): PendingSignIn | undefined {
      const entry = pending.get(id);
      if (!entry || entry.session !== session) return undefined;
      if (entry.expiresAt <= now()) {
        pending.delete(id);
        return undefined;
      }
      return entry;
    },
    /** Ends every sign-in of a session that ended. */
    endAllOf(session: ConsoleSession): void {
      for (const [id, entry] of pending) if (entry.session === session) pending.delete(id);
    },
    /** Ends a sign-in: its tokens are forgotten. */
    end(id: string): void {
      pending.delete(id);
    },
    size: () => pending.size,
  };
}
