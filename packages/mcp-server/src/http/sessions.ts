/** One open MCP session on any door, as the registry keeps it. */
export interface SessionEntry {
  id: string;
  /** Who opened it: an API key's id, or `local` without keys. Only its owner may use it. */
  owner: string;
  openedAt: number;
  lastSeen: number;
  /** Ends the session (stream, transport, server); called once, by the registry. */
  close(): void;
}

/** How many sessions may be open and for how long. */
export interface SessionPolicy {
  total: number;
  perOwner: number;
  idleMs: number;
  lifetimeMs: number;
}

/**
 * The sessions of every door in one place, so that quotas hold across doors: each owner has its
 * own quota (its least recently used session makes room for its next one), and when all sessions
 * are taken the owner holding the most gives one up. One flooding key can therefore never keep
 * another out. Idle and over-age sessions are closed when met and by a periodic sweep.
 */
export function createSessionRegistry(policy: SessionPolicy, now: () => number = Date.now) {
  const sessions = new Map<string, SessionEntry>();

  const expired = (entry: SessionEntry, at: number) =>
    at - entry.lastSeen >= policy.idleMs || at - entry.openedAt >= policy.lifetimeMs;

  const end = (entry: SessionEntry) => {
    if (sessions.get(entry.id) !== entry) return;
    sessions.delete(entry.id);
    entry.close();
  };

  const leastRecentOf = (owner: string | undefined) => {
    let oldest: SessionEntry | undefined;
    for (const entry of sessions.values()) {
      if (owner !== undefined && entry.owner !== owner) continue;
      if (!oldest || entry.lastSeen < oldest.lastSeen) oldest = entry;
    }
    return oldest;
  };

  const heaviestOwner = () => {
    const counts = new Map<string, number>();
    let heaviest: string | undefined;
    for (const entry of sessions.values()) {
      const count = (counts.get(entry.owner) ?? 0) + 1;
      counts.set(entry.owner, count);
      if (heaviest === undefined || count > (counts.get(heaviest) ?? 0)) heaviest = entry.owner;
    }
    return heaviest;
  };

  const sweep = () => {
    const at = now();
    for (const entry of sessions.values()) if (expired(entry, at)) end(entry);
  };

  // Often enough that neither an idle nor an over-age session outlives its limit by much.
  const timer = setInterval(
    sweep,
    Math.max(1000, Math.min(policy.idleMs, policy.lifetimeMs, 60_000)),
  );
  timer.unref();

  return {
    /** Adds a session, first closing whatever its owner's quota or the total cap needs. */
    admit(entry: Omit<SessionEntry, 'openedAt' | 'lastSeen'>): SessionEntry {
      sweep();
      const owned = [...sessions.values()].filter((other) => other.owner === entry.owner).length;
      if (owned >= policy.perOwner) {
        const oldest = leastRecentOf(entry.owner);
        if (oldest) end(oldest);
      }
      if (sessions.size >= policy.total) {
        const oldest = leastRecentOf(heaviestOwner());
        if (oldest) end(oldest);
      }
      const at = now();
      const admitted = { ...entry, openedAt: at, lastSeen: at };
      sessions.set(entry.id, admitted);
      return admitted;
    },
    /**
     * The session with this id when `owner` opened it and it is still live (its last-seen time is
     * refreshed), else undefined. Another owner's session is reported as missing, not forbidden.
     */
    use(id: string, owner: string): SessionEntry | undefined {
      const entry = sessions.get(id);
      if (!entry || entry.owner !== owner) return undefined;
      const at = now();
      if (expired(entry, at)) {
        end(entry);
        return undefined;
      }
      entry.lastSeen = at;
      return entry;
    },
    /** Forgets a session its transport already closed (no second close). */
    forget(id: string): void {
      sessions.delete(id);
    },
    /** Closes a session (DELETE, or its stream ended). */
    close(id: string): void {
      const entry = sessions.get(id);
      if (entry) end(entry);
    },
    size: () => sessions.size,
    /** Whose sessions are open. */
    owners: (): Set<string> => new Set([...sessions.values()].map((entry) => entry.owner)),
    /** Closes every session of one owner (its key was revoked). */
    closeOwnedBy(owner: string): void {
      for (const entry of [...sessions.values()]) if (entry.owner === owner) end(entry);
    },
    /** Closes every session and stops the sweep. */
    closeAll(): void {
      clearInterval(timer);
      for (const entry of [...sessions.values()]) end(entry);
    },
  };
}

/** The registry's public face. */
export type SessionRegistry = ReturnType<typeof createSessionRegistry>;

/** The owner name of a managed key's sessions: `key:key_…`. */
const MANAGED_OWNER = /^key:(key_[A-Za-z0-9]+)$/;

/**
 * Ends the open sessions of managed keys that no longer authenticate. Requests are refused at
 * once anyway (every request is authenticated); this also closes their streams, so a revoked
 * key keeps nothing open. Run after a revocation made through this server.
 */
export async function endRevokedSessions(
  sessions: SessionRegistry,
  platform: { isKeyActive(keyId: string): Promise<boolean> },
  logger: { warn(message: string): void },
): Promise<void> {
  for (const owner of sessions.owners()) {
    const keyId = MANAGED_OWNER.exec(owner)?.[1];
    if (keyId === undefined) continue;
    try {
      if (!(await platform.isKeyActive(keyId))) sessions.closeOwnedBy(owner);
    } catch (error) {
      logger.warn(`could not check key ${keyId} after a revocation: ${(error as Error).message}`);
    }
  }
}
