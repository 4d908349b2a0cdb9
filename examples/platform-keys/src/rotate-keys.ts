import type { ApiKey, CreatedApiKey, PlexMcpPlatform, ToolMap } from '@plexmcp/sdk';

/** A key replaced: the new key (its secret shown this once) and the old key's prefix. */
export interface Rotated {
  replacement: CreatedApiKey;
  oldPrefix: string;
}

/** What a rotation run did, and why it stopped early if it did. */
export interface Rotation {
  rotated: Rotated[];
  /** Set when a request failed; the keys rotated before it stay rotated. */
  failure?: string;
}

/** A key that still opens the door: neither revoked nor expired. */
export function isActive(key: ApiKey, now = Date.now()): boolean {
  return key.revoked_at === null && (key.expires_at === null || Date.parse(key.expires_at) > now);
}

/**
 * Replaces every active key of the organization except `ownKey` (the one making these
 * requests, told apart by its display prefix): a new key with the same name, scopes, member,
 * MCPs and expiry first, then the old one revoked, so no one is ever left without a key.
 */
export async function rotateKeys<T extends ToolMap<T>>(
  platform: PlexMcpPlatform<T>,
  ownKey: string,
): Promise<Rotation> {
  const keys: ApiKey[] = [];
  // Every page of the list, however many keys the organization has.
  for await (const page of platform.apiKeys.iterate({ per_page: 100 })) {
    if (page.error) return { rotated: [], failure: `${page.error.code}: ${page.error.message}` };
    keys.push(...page.data.filter((key) => isActive(key) && !ownKey.startsWith(key.prefix)));
  }

  const rotated: Rotated[] = [];
  for (const key of keys) {
    const created = await platform.apiKeys.create({
      name: key.name,
      scopes: key.scopes,
      member_id: key.member_id,
      ...(key.mcp_ids ? { mcp_ids: key.mcp_ids } : {}),
      ...(key.expires_at ? { expires_at: key.expires_at } : {}),
    });
    if (created.error) {
      return { rotated, failure: `${created.error.code}: ${created.error.message}` };
    }
    rotated.push({ replacement: created.data, oldPrefix: key.prefix });
    const revoked = await platform.apiKeys.revoke(key.id);
    if (revoked.error) {
      return {
        rotated,
        failure: `${revoked.error.code}: ${revoked.error.message} (key "${key.name}" was replaced but ${key.prefix}… still works)`,
      };
    }
  }
  return { rotated };
}
