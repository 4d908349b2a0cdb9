import { randomBytes } from 'node:crypto';
import type { ToolAccess } from '@plexmcp/plex-tools';
import { ConfigError } from './config-error.js';

/** What a key may do: the tools of an access level, or `admin` (manage the organization on /v1). */
export type KeyScope = ToolAccess | 'admin';

/**
 * An HTTP API key and the scopes it carries (undefined: the server's `--access` set of tools,
 * and no `admin`).
 */
export interface ApiKey {
  key: string;
  scopes: KeyScope[] | undefined;
}

/** The shortest key accepted: 32 characters of a 16-symbol alphabet already hold 128 bits. */
export const MIN_KEY_LENGTH = 32;
/** Fewer distinct characters than this is a pattern (`aaaa…`, `abab…`), not a random key. */
const MIN_DISTINCT = 10;

const SCOPES = ['read', 'write', 'delete', 'admin'] as const;

/** A new random API key: 256 bits, base64url (43 characters). */
export function generateApiKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Why a key is too weak to guard the server, or undefined when it is strong enough. */
function weakness(key: string): string | undefined {
  if (key.length < MIN_KEY_LENGTH) {
    return `is shorter than the minimum of ${MIN_KEY_LENGTH} characters`;
  }
  if (new Set(key).size < MIN_DISTINCT) {
    return `repeats too few characters (fewer than ${MIN_DISTINCT} different ones) to be random`;
  }
  return undefined;
}

/** Parses `key[:scope+scope]` entries; throws ConfigError without echoing the key. */
export function parseApiKeys(entries: readonly string[]): ApiKey[] {
  return entries.map((entry, index) => {
    const colon = entry.lastIndexOf(':');
    const key = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const weak = weakness(key);
    if (weak) {
      throw new ConfigError(
        `API key #${index + 1} ${weak}. Use a random key of at least ${MIN_KEY_LENGTH} characters: \`plex-mcp-server generate-key\` prints one.`,
      );
    }
    if (colon === -1) return { key, scopes: undefined };
    const scopes = entry
      .slice(colon + 1)
      .split('+')
      .map((scope) => scope.trim())
      .filter(Boolean);
    for (const scope of scopes) {
      if (!(SCOPES as readonly string[]).includes(scope)) {
        throw new ConfigError(
          `API key #${index + 1} has an unknown scope after ':'; scopes are read, write, delete and admin joined with + (e.g. key:read+write).`,
        );
      }
    }
    if (scopes.length === 0) {
      throw new ConfigError(`API key #${index + 1} has an empty scope list after ':'.`);
    }
    return { key, scopes: scopes as KeyScope[] };
  });
}
