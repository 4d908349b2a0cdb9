// Turning a presented managed key into a Caller. Runs on every request, so: the format and
// checksum are checked before any look-up, the look-up is one indexed query by hash, and
// last_used_at is written at most once a minute per key instead of on every request.

import { checkApiKeyFormat, hashApiKey } from '../secrets/api-key.js';
import { parseMcpIds } from '../storage/mcp-ids.js';
import { parseScopes, type Scope } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import { toTimestamp } from '../storage/values.js';
import type { Caller } from './caller.js';
import { type ApiKey, apiKeyView, type Member, type Organization } from './views.js';

/** How long a stored last_used_at may lag behind real use. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Why a key was refused. `unknown` also covers keys that are not ours at all. */
export type AuthFailure = 'malformed' | 'unknown' | 'revoked' | 'expired';

/** A managed key that authenticates: who it is, and the caller to hand to services. */
export interface Authenticated {
  ok: true;
  organization: Organization;
  member: Member;
  key: ApiKey;
  scopes: Scope[];
  caller: Caller;
}

/** The outcome of presenting a key. */
export type AuthResult = Authenticated | { ok: false; reason: AuthFailure };

/**
 * Authenticates a managed key (`plexmcp_…`). A damaged one is refused without touching the
 * database; a key that is not ours answers `unknown`, so a caller can try static keys first.
 */
export async function authenticate(
  storage: Storage,
  secret: string,
  now: Date = new Date(),
): Promise<AuthResult> {
  const format = checkApiKeyFormat(secret);
  if (format === 'malformed-managed') return { ok: false, reason: 'malformed' };
  if (format === 'other') return { ok: false, reason: 'unknown' };

  const row = await storage.db
    .selectFrom('api_keys as k')
    .innerJoin('members as m', (join) =>
      join.onRef('m.id', '=', 'k.member_id').onRef('m.organization_id', '=', 'k.organization_id'),
    )
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .selectAll('k')
    .select([
      'm.email as member_email',
      'm.name as member_name',
      'm.role as member_role',
      'm.created_at as member_created_at',
      'm.removed_at as member_removed_at',
      'o.name as org_name',
      'o.plan as org_plan',
      'o.created_at as org_created_at',
    ])
    .where('k.hash', '=', hashApiKey(secret))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  // A removed member's keys are revoked with the removal; the second test is belt and braces.
  if (row.revoked_at !== null || row.member_removed_at !== null) {
    return { ok: false, reason: 'revoked' };
  }
  const stamp = toTimestamp(now);
  // Fixed-width ISO strings compare as times.
  if (row.expires_at !== null && row.expires_at <= stamp) return { ok: false, reason: 'expired' };

  await touch(storage, row.id, row.last_used_at, now);
  const scopes = parseScopes(row.scopes);
  // As stored before this request: last_used_at is "the previous use", to the minute.
  const key = apiKeyView(row);
  return {
    ok: true,
    organization: {
      id: row.organization_id,
      name: row.org_name,
      plan: row.org_plan,
      created_at: row.org_created_at,
    },
    member: {
      id: row.member_id,
      email: row.member_email,
      name: row.member_name,
      role: row.member_role,
      created_at: row.member_created_at,
    },
    key,
    scopes,
    caller: {
      organizationId: row.organization_id,
      memberId: row.member_id,
      keyId: row.id,
      role: row.member_role,
      scopes,
      static: false,
      mcpIds: parseMcpIds(row.mcp_ids),
      plan: row.org_plan,
    },
  };
}

/**
 * Whether a managed key would authenticate now, asked by id (to end the sessions a revoked key
 * still holds open). Always read fresh: this is what tells the server to act.
 */
export async function isApiKeyActive(
  storage: Storage,
  keyId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const row = await storage.db
    .selectFrom('api_keys as k')
    .innerJoin('members as m', 'm.id', 'k.member_id')
    .select(['k.revoked_at', 'k.expires_at', 'm.removed_at'])
    .where('k.id', '=', keyId)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.removed_at !== null) return false;
  return row.expires_at === null || row.expires_at > toTimestamp(now);
}

/**
 * Records use when the stored time is a minute old or more. The same condition in the UPDATE
 * makes replicas that read the old value together write it once between them.
 */
async function touch(
  storage: Storage,
  keyId: string,
  lastUsedAt: string | null,
  now: Date,
): Promise<void> {
  const threshold = toTimestamp(new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
  if (lastUsedAt !== null && lastUsedAt > threshold) return;
  await storage.db
    .updateTable('api_keys')
    .set({ last_used_at: toTimestamp(now) })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', threshold)]))
    .execute();
}
