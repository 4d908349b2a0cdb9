// Changing a member's role. The rules are those of adding and removing: an admin may change
// roles, only an owner makes or unmakes an owner, and the organization never loses its last
// owner. A key never holds more than its member's role allows (the ceiling checked when a key is
// made), so a role that drops below a key's scopes narrows that key in the same transaction:
// the scopes above the new ceiling are taken off, and a key left with none is revoked. The
// member's everyday use (read, write, delete tools) keeps working; what the role no longer
// allows stops at once, on every replica within the caller cache's second.

import { invalidRequest } from '../http/platform-error.js';
import type { Role } from '../storage/schema.js';
import { formatScopes, parseScopes } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import { toTimestamp } from '../storage/values.js';
import { type Caller, forbidden, requireAdmin, scopeCeiling } from './caller.js';
import { lockCurrentMember, lockedOwnerCount } from './member-locks.js';
import { type Member, memberView } from './views.js';

/** What changing a role answers: the member, and what happened to their keys. */
export interface ChangedMember extends Member {
  /** Keys that lost scopes above the new role (still working with the rest). */
  narrowed_keys: number;
  /** Keys that had only such scopes, revoked. */
  revoked_keys: number;
}

/** Gives a current member of the caller's organization another role (admin). */
export async function changeMemberRole(
  storage: Storage,
  caller: Caller,
  memberId: string,
  role: Role,
  now: Date = new Date(),
): Promise<ChangedMember> {
  requireAdmin(caller);
  return storage.db.transaction().execute(async (trx) => {
    const member = await lockCurrentMember(trx, storage.dialect, caller.organizationId, memberId);
    if (member.role === role) return { ...memberView(member), narrowed_keys: 0, revoked_keys: 0 };

    if ((member.role === 'owner' || role === 'owner') && caller.role !== 'owner') {
      throw forbidden('Only an owner may make or unmake an owner.');
    }
    if (member.role === 'owner') {
      if ((await lockedOwnerCount(trx, storage.dialect, caller.organizationId)) <= 1) {
        throw invalidRequest(
          'This is the last owner of the organization: make another member an owner first.',
          [{ field: 'role', problem: 'would leave the organization without an owner' }],
        );
      }
    }

    const updated = await trx
      .updateTable('members')
      .set({ role })
      .where('id', '=', member.id)
      .where('organization_id', '=', caller.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();

    const ceiling = scopeCeiling(role);
    const keys = await trx
      .selectFrom('api_keys')
      .select(['id', 'scopes'])
      .where('member_id', '=', member.id)
      .where('organization_id', '=', caller.organizationId)
      .where('revoked_at', 'is', null)
      .execute();
    let narrowed = 0;
    let revoked = 0;
    for (const key of keys) {
      const scopes = parseScopes(key.scopes);
      const kept = scopes.filter((scope) => ceiling.includes(scope));
      if (kept.length === scopes.length) continue;
      const change =
        kept.length === 0 ? { revoked_at: toTimestamp(now) } : { scopes: formatScopes(kept) };
      await trx
        .updateTable('api_keys')
        .set(change)
        .where('id', '=', key.id)
        .where('organization_id', '=', caller.organizationId)
        .execute();
      if (kept.length === 0) revoked += 1;
      else narrowed += 1;
    }
    return { ...memberView(updated), narrowed_keys: narrowed, revoked_keys: revoked };
  });
}
