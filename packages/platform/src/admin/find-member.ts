// Members named on the command line by id or by email, as an operator knows them.

import { notFound } from '../http/platform-error.js';
import { isId } from '../ids.js';
import type { Caller } from '../services/caller.js';
import { listMembers } from '../services/members.js';
import type { Member } from '../services/views.js';
import type { Storage } from '../storage/storage.js';
import { emailKey } from '../storage/values.js';
import { AdminError } from './admin-errors.js';
import { allItems } from './all-items.js';
import { INIT_HINT } from './usage.js';

/** Every current member of the caller's organization, oldest first. */
export function allMembers(storage: Storage, caller: Caller): Promise<Member[]> {
  return allItems((page) => listMembers(storage, caller, page));
}

/** The current member with this id (`usr_…`) or email (compared as the unique index does). */
export async function findMember(storage: Storage, caller: Caller, ref: string): Promise<Member> {
  const members = await allMembers(storage, caller);
  const found = isId('usr', ref)
    ? members.find((member) => member.id === ref)
    : members.find((member) => emailKey(member.email) === emailKey(ref));
  if (!found) throw notFound(`No member ${ref} in this organization.`);
  return found;
}

/** The organization's first owner: whom a key is for when `--member` does not say. */
export async function firstOwner(storage: Storage, caller: Caller): Promise<Member> {
  const owner = (await allMembers(storage, caller)).find((member) => member.role === 'owner');
  if (!owner) {
    // The default organization made for static keys has no members until `admin init`.
    throw new AdminError(
      `The organization has no owner yet: run \`${INIT_HINT}\` to give it one, or pass --member.`,
    );
  }
  return owner;
}
