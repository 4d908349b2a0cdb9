// Managed API keys of the caller's organization: list, create, revoke. Every query is filtered
// by the caller's organization; another organization's key ids are not found (404).

import type { Kysely } from 'kysely';
import { invalidRequest } from '../http/platform-error.js';
import type { Page } from '../http/route.js';
import type { Database } from '../storage/schema.js';
import type { Scope } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import { toTimestamp } from '../storage/values.js';
import { insertApiKey } from './api-key-insert.js';
import { type Caller, forbidden, mayReachMcp, requireAdmin, scopeCeiling } from './caller.js';
import type { PageSlice } from './page.js';
import { countOf, lockRows, noSuch } from './tenancy.js';
import { type ApiKey, apiKeyView, type CreatedApiKey } from './views.js';

/** A key to create. */
export interface CreateApiKeyInput {
  name: string;
  scopes: readonly Scope[];
  /** ISO-8601; must be in the future. Absent: the key does not expire. */
  expires_at?: string | undefined;
  /** A current member of the caller's organization; absent: the caller's own member. */
  member_id?: string | undefined;
  /**
   * The MCPs the key is confined to (each an MCP of the organization the caller may reach).
   * Absent: the creating key's own list, so a confined key never mints an unconfined one.
   */
  mcp_ids?: readonly string[] | undefined;
}

/** One page of the organization's keys (revoked ones included, as history), oldest first. */
export async function listApiKeys(
  storage: Storage,
  caller: Caller,
  page: PageSlice,
): Promise<Page<ApiKey>> {
  const own = storage.db
    .selectFrom('api_keys')
    .where('organization_id', '=', caller.organizationId);
  const [rows, total] = await Promise.all([
    own
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(page.per_page)
      .offset(page.offset)
      .execute(),
    own.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
  ]);
  return { items: rows.map(apiKeyView), total: countOf(total) };
}

/** `expires_at` as stored, refused unless it is a real time in the future. */
function futureTimestamp(value: string, now: Date): string {
  const date = new Date(value);
  const problem = (text: string) =>
    invalidRequest(`expires_at ${text}.`, [{ field: 'expires_at', problem: text }]);
  if (Number.isNaN(date.getTime())) throw problem('must be an ISO-8601 date and time');
  if (date.getTime() <= now.getTime()) throw problem('must be in the future');
  if (date.getUTCFullYear() > 9999) throw problem('must be before the year 10000');
  return toTimestamp(date);
}

/**
 * Creates a key (admin) and answers its secret, the only time it is ever shown. A key never
 * exceeds its member (a `member` cannot hold `admin`) nor the key that creates it (a key cannot
 * mint more than it holds). The member is read and locked in the same transaction as the
 * insert, so a concurrent removal cannot leave a live key on a removed member.
 */
export async function createApiKey(
  storage: Storage,
  caller: Caller,
  input: CreateApiKeyInput,
  now: Date = new Date(),
): Promise<CreatedApiKey> {
  requireAdmin(caller);
  const expiresAt = input.expires_at === undefined ? null : futureTimestamp(input.expires_at, now);
  const beyondCaller = input.scopes.filter((scope) => !caller.scopes.includes(scope));
  if (beyondCaller.length > 0) {
    throw forbidden(`A key cannot grant scopes its creator lacks: ${beyondCaller.join(', ')}.`);
  }
  const memberId = input.member_id ?? caller.memberId;
  if (memberId === null) {
    throw invalidRequest('Say which member the key is for.', [
      { field: 'member_id', problem: 'is required for a key created with a static key' },
    ]);
  }

  return storage.db.transaction().execute(async (trx) => {
    const member = await lockRows(
      storage.dialect,
      trx
        .selectFrom('members')
        .select(['id', 'role'])
        .where('id', '=', memberId)
        .where('organization_id', '=', caller.organizationId)
        .where('removed_at', 'is', null),
    ).executeTakeFirst();
    if (!member) noSuch('member', memberId);

    const ceiling = scopeCeiling(member.role);
    const beyondMember = input.scopes.filter((scope) => !ceiling.includes(scope));
    if (beyondMember.length > 0) {
      throw invalidRequest(
        `A key cannot exceed its member: a ${member.role} cannot hold ${beyondMember.join(', ')}.`,
        [{ field: 'scopes', problem: `exceed what a ${member.role} may hold` }],
      );
    }
    const mcpIds = input.mcp_ids ?? caller.mcpIds;
    if (mcpIds !== null) await requireReachableMcps(trx, caller, mcpIds);
    return insertApiKey(trx, {
      organizationId: caller.organizationId,
      memberId: member.id,
      name: input.name,
      scopes: input.scopes,
      expiresAt,
      createdAt: toTimestamp(now),
      mcpIds,
    });
  });
}

/**
 * Refuses a key's MCP list unless every id is an MCP of the organization that the caller may
 * reach. Ids outside the caller's own list get the same words as ids that exist nowhere. An MCP
 * removed concurrently is harmless: its id then matches nothing (ids are never reused).
 */
async function requireReachableMcps(
  trx: Kysely<Database>,
  caller: Caller,
  mcpIds: readonly string[],
): Promise<void> {
  const problem = (text: string) =>
    invalidRequest(`mcp_ids ${text}.`, [{ field: 'mcp_ids', problem: text }]);
  if (mcpIds.length === 0) throw problem('must name at least one MCP (omit it for every MCP)');
  const wanted = [...new Set(mcpIds)];
  const found = await trx
    .selectFrom('mcps')
    .select('id')
    .where('organization_id', '=', caller.organizationId)
    .where('id', 'in', wanted)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const missing = wanted.filter((id) => !known.has(id) || !mayReachMcp(caller, id));
  if (missing.length > 0) {
    throw problem(`name MCPs not in this organization: ${missing.join(', ')}`);
  }
}

/**
 * Revokes a key (admin), effective on the next request. Idempotent: revoking a revoked key
 * answers 200 with the key and its first `revoked_at` unchanged, so a retried DELETE is safe.
 */
export async function revokeApiKey(
  storage: Storage,
  caller: Caller,
  keyId: string,
  now: Date = new Date(),
): Promise<ApiKey> {
  requireAdmin(caller);
  // The condition on revoked_at keeps the first revocation time under concurrent revokes.
  await storage.db
    .updateTable('api_keys')
    .set({ revoked_at: toTimestamp(now) })
    .where('id', '=', keyId)
    .where('organization_id', '=', caller.organizationId)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await storage.db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', keyId)
    .where('organization_id', '=', caller.organizationId)
    .executeTakeFirst();
  if (!row) noSuch('API key', keyId);
  return apiKeyView(row);
}
