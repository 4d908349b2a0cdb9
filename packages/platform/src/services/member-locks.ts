// The two locked reads every change of a member starts with (removing one, changing a role):
// the member, and the organization's owners, locked so two concurrent changes cannot both
// believe another owner remains.

import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { StorageDialect } from '../storage/storage.js';
import { lockRows, noSuch } from './tenancy.js';

/** The organization's current member with this id, locked until the transaction ends; 404 if none. */
export async function lockCurrentMember(
  trx: Kysely<Database>,
  dialect: StorageDialect,
  organizationId: string,
  memberId: string,
) {
  const member = await lockRows(
    dialect,
    trx
      .selectFrom('members')
      .selectAll()
      .where('id', '=', memberId)
      .where('organization_id', '=', organizationId)
      .where('removed_at', 'is', null),
  ).executeTakeFirst();
  if (!member) noSuch('member', memberId);
  return member;
}

/**
 * How many current owners the organization has, every one of them locked: a concurrent change of
 * another owner waits for this transaction, then counts what it left.
 */
export async function lockedOwnerCount(
  trx: Kysely<Database>,
  dialect: StorageDialect,
  organizationId: string,
): Promise<number> {
  const owners = await lockRows(
    dialect,
    trx
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'owner')
      .where('removed_at', 'is', null),
  ).execute();
  return owners.length;
}
