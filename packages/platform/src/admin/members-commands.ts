// `members add|list|role|remove`: the people of the organization, through the same services
// (and rules: only owners touch owners, never the last owner) as /v1.

import { AddMemberBody } from '../routes/schemas.js';
import { changeMemberRole } from '../services/member-role.js';
import { addMember, removeMember } from '../services/members.js';
import { ROLES, type Role } from '../storage/schema.js';
import { UsageError } from './admin-errors.js';
import {
  positionalArgument,
  positionalArguments,
  requiredOption,
  stringOption,
  validated,
} from './arguments.js';
import { type AdminCommand, lines, printResult } from './command.js';
import { allMembers, findMember } from './find-member.js';
import { formatTable } from './table.js';
import { targetOrganization } from './target-organization.js';

/** `members add --email <email> [--name <name>] [--role owner|admin|member]`. */
export const membersAddCommand: AdminCommand = {
  group: 'members',
  name: 'add',
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  prepare(args) {
    const email = requiredOption(args, 'email');
    const input = validated(AddMemberBody, {
      email,
      // As `admin init` does for the owner: the address's local part until they say otherwise.
      name: stringOption(args, 'name') ?? email.split('@')[0],
      role: stringOption(args, 'role'),
    });
    return async (session) => {
      const { storage } = session;
      const { organization, caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const member = await addMember(storage, caller, input);
      printResult(
        session,
        member,
        lines([
          `Added ${member.name} <${member.email}> (${member.id}) as ${member.role} of "${organization.name}".`,
        ]),
      );
    };
  },
};

/** `members list`: the organization's current members, oldest first. */
export const membersListCommand: AdminCommand = {
  group: 'members',
  name: 'list',
  options: {},
  prepare(args) {
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const members = await allMembers(storage, caller);
      printResult(
        session,
        members,
        members.length === 0
          ? lines(['No members yet.'])
          : formatTable(
              ['ID', 'EMAIL', 'NAME', 'ROLE', 'ADDED'],
              members.map((m) => [m.id, m.email, m.name, m.role, m.created_at]),
            ),
      );
    };
  },
};

/** `members role <usr_id|email> <role>`: keys above the new role are narrowed (or revoked). */
export const membersRoleCommand: AdminCommand = {
  group: 'members',
  name: 'role',
  options: {},
  positional: '<usr_id|email> <owner|admin|member>',
  prepare(args) {
    const [ref, role] = positionalArguments(args, [
      'the member (usr_… or email)',
      'the role (owner, admin or member)',
    ]) as [string, string];
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`The role must be owner, admin or member, not '${role}'.`);
    }
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const member = await findMember(storage, caller, ref);
      const changed = await changeMemberRole(storage, caller, member.id, role as Role);
      const keys =
        changed.narrowed_keys + changed.revoked_keys === 0
          ? ''
          : `; ${changed.narrowed_keys} of their keys narrowed, ${changed.revoked_keys} revoked (above the role)`;
      printResult(
        session,
        changed,
        lines([`${member.email} (${member.id}) is now ${changed.role}${keys}.`]),
      );
    };
  },
};

/** `members remove <usr_id|email>`: the member's keys are revoked with them. */
export const membersRemoveCommand: AdminCommand = {
  group: 'members',
  name: 'remove',
  options: {},
  positional: '<usr_id|email>',
  prepare(args) {
    const ref = positionalArgument(args, 'the member (usr_… or email)');
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const member = await findMember(storage, caller, ref);
      const removed = await removeMember(storage, caller, member.id);
      printResult(
        session,
        removed,
        lines([
          `Removed ${member.email} (${member.id}); ${removed.revoked_keys} of their keys revoked.`,
        ]),
      );
    };
  },
};
