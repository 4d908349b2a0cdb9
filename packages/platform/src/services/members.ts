// Members of the caller's organization: list, add, remove. Every query is filtered by the
// caller's organization, so another organization's member ids simply are not found (404).

import { invalidRequest } from '../http/platform-error.js';
import type { Page } from '../http/route.js';
import { newId } from '../ids.js';
import { constraintViolation } from '../storage/constraint.js';
import type { Role } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { emailKey, toTimestamp } from '../storage/values.js';
import { type Caller, forbidden, requireAdmin } from './caller.js';
import { lockCurrentMember, lockedOwnerCount } from './member-locks.js';
import type { PageSlice } from './page.js';
import { countOf } from './tenancy.js';
import { type Member, memberView } from './views.js';

/** A member to add: email (unique per organization, case-insensitively), name and role. */
export interface AddMemberInput {
  email: string;
  name: string;
  role: Role;
}

/** What removing a member did. */
export interface RemovedMember {
  id: string;
  removed_at: string;
  /** How many of the member's keys were revoked by the removal. */
  revoked_keys: number;
}

/** One page of the organization's current members, oldest first (ties broken by id). */
export async function listMembers(
  storage: Storage,
  caller: Caller,
  page: PageSlice,
): Promise<Page<Member>> {
  const current = storage.db
    .selectFrom('members')
    .where('organization_id', '=', caller.organizationId)
    .where('removed_at', 'is', null);
  const [rows, total] = await Promise.all([
    current
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(page.per_page)
      .offset(page.offset)
      .execute(),
    current.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
  ]);
  return { items: rows.map(memberView), total: countOf(total) };
}

/**
 * Adds a member (admin). Only an owner may add an owner. A taken address is 400
 * `invalid_request` naming `email`, decided by the unique index so two concurrent adds cannot
 * both win.
 */
export async function addMember(
  storage: Storage,
  caller: Caller,
  input: AddMemberInput,
  now: Date = new Date(),
): Promise<Member> {
  requireAdmin(caller);
  if (input.role === 'owner' && caller.role !== 'owner') {
    throw forbidden('Only an owner may add another owner.');
  }
  try {
    const row = await storage.db
      .insertInto('members')
      .values({
        id: newId('usr'),
        organization_id: caller.organizationId,
        email: input.email.trim(),
        email_key: emailKey(input.email),
        name: input.name,
        role: input.role,
        created_at: toTimestamp(now),
        removed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return memberView(row);
  } catch (error) {
    if (constraintViolation(error) === 'unique') {
      throw invalidRequest('A member with this email already belongs to the organization.', [
        { field: 'email', problem: 'is already a member of this organization' },
      ]);
    }
    throw error;
  }
}

/**
 * Removes a member (admin) and revokes their keys in the same transaction, so no request can
 * pass with a key of a removed member. The row stays, marked, so the keys stay as history; its
 * email_key is released so the address can be added again. Owners are removed only by owners,
 * and never the last one: an organization without an owner could not be managed.
 */
export async function removeMember(
  storage: Storage,
  caller: Caller,
  memberId: string,
  now: Date = new Date(),
): Promise<RemovedMember> {
  requireAdmin(caller);
  const removed_at = toTimestamp(now);
  return storage.db.transaction().execute(async (trx) => {
    const member = await lockCurrentMember(trx, storage.dialect, caller.organizationId, memberId);

    if (member.role === 'owner') {
      if (caller.role !== 'owner') throw forbidden('Only an owner may remove an owner.');
      if ((await lockedOwnerCount(trx, storage.dialect, caller.organizationId)) <= 1) {
        throw invalidRequest(
          'This is the last owner of the organization: add another owner before removing it.',
          [{ field: 'id', problem: 'is the last owner' }],
        );
      }
    }

    await trx
      .updateTable('members')
      // `removed:<id>` contains no @, so it can never equal the key of a real address.
      .set({ removed_at, email_key: `removed:${member.id}` })
      .where('id', '=', member.id)
      .where('organization_id', '=', caller.organizationId)
      .execute();
    const revoked = await trx
      .updateTable('api_keys')
      .set({ revoked_at: removed_at })
      .where('member_id', '=', member.id)
      .where('organization_id', '=', caller.organizationId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return { id: member.id, removed_at, revoked_keys: Number(revoked.numUpdatedRows) };
  });
}
