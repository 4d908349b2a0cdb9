// Every invoke needs its MCP: the row, its unsealed secret. Kept for 0.9 s like a key's answer,
// so a busy client costs about one look-up (and one decryption) a second per MCP instead of one
// per call; a change or removal made elsewhere is seen within a second, and one made through
// this server's /v1 at once (`forget`).

import type { KeyObject } from 'node:crypto';
import type { Storage } from '../storage/storage.js';
import { type Caller, mayReachMcp } from './caller.js';
import { loadMcpTarget, type McpWithSecret } from './mcps.js';

/** How long an MCP as loaded is reused. */
export const MCP_TARGET_CACHE_MS = 900;

/** The most MCPs kept; the oldest go first. */
export const MCP_TARGET_CACHE_ENTRIES = 1000;

/** `loadMcpTarget` with the answers of the last 0.9 s reused, and a way to drop them. */
export function cachedMcpTargets(
  storage: Storage,
  secretKey: KeyObject,
  { ttlMs = MCP_TARGET_CACHE_MS, maxEntries = MCP_TARGET_CACHE_ENTRIES, now = Date.now } = {},
) {
  const kept = new Map<string, { target: McpWithSecret; until: number }>();
  return {
    async load(caller: Caller, id: string): Promise<McpWithSecret> {
      // Keyed by organization, so another tenant's id is never an answer; a key confined to
      // other MCPs is refused by the uncached path, in its words.
      if (!mayReachMcp(caller, id)) return loadMcpTarget(storage, secretKey, caller, id);
      const key = `${caller.organizationId} ${id}`;
      const at = now();
      const hit = kept.get(key);
      if (hit && hit.until > at) return hit.target;
      const target = await loadMcpTarget(storage, secretKey, caller, id);
      kept.delete(key);
      if (kept.size >= maxEntries) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      kept.set(key, { target, until: at + ttlMs });
      return target;
    },
    forget: () => kept.clear(),
  };
}

/** The cache's public face. */
export type McpTargets = ReturnType<typeof cachedMcpTargets>;
