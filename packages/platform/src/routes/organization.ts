// GET /organization and the members of the caller's organization.

import * as v from 'valibot';
import { pathId } from '../http/validation.js';
import { isId } from '../ids.js';
import { changeMemberRole } from '../services/member-role.js';
import { addMember, listMembers, removeMember } from '../services/members.js';
import { getOrganization } from '../services/organizations.js';
import type { Storage } from '../storage/storage.js';
import { callerOf, defineV1Route } from './define.js';
import {
  AddMemberBody,
  ChangedMemberSchema,
  ChangeMemberBody,
  MemberSchema,
  OrganizationSchema,
  RemovedMemberSchema,
} from './schemas.js';

const memberId = pathId((s) => isId('usr', s), 'A member id (usr_…).');

/** The organization routes over `storage`. */
export function organizationRoutes(storage: Storage) {
  return [
    defineV1Route({
      method: 'GET',
      path: '/organization',
      summary: "The caller's organization",
      response: OrganizationSchema,
      handler: (_input, c) => getOrganization(storage, callerOf(c)),
    }),
    defineV1Route({
      method: 'GET',
      path: '/organization/members',
      summary: "The organization's members",
      description: 'Oldest first. Removed members are not listed.',
      list: true,
      response: v.array(MemberSchema),
      handler: ({ page }, c) => listMembers(storage, callerOf(c), page),
    }),
    defineV1Route({
      method: 'POST',
      path: '/organization/members',
      summary: 'Add a member',
      description:
        'Emails are unique per organization, ignoring case. Only an owner may add an owner. Role defaults to member.',
      scope: 'admin',
      status: 201,
      body: AddMemberBody,
      response: MemberSchema,
      handler: ({ body }, c) => addMember(storage, callerOf(c), body),
    }),
    defineV1Route({
      method: 'PATCH',
      path: '/organization/members/:id',
      summary: "Change a member's role",
      description:
        "Only an owner may make or unmake an owner, and never the last one. A member's keys never hold more than the role allows: scopes above the new role are taken off the member's keys (a member holds no admin), and a key left with none is revoked, in the same transaction.",
      scope: 'admin',
      params: { id: memberId },
      body: ChangeMemberBody,
      response: ChangedMemberSchema,
      handler: ({ params, body }, c) =>
        changeMemberRole(storage, callerOf(c), params.id, body.role),
    }),
    defineV1Route({
      method: 'DELETE',
      path: '/organization/members/:id',
      summary: 'Remove a member',
      description:
        "Revokes the member's keys at once (they stay listed, revoked). Only an owner may remove an owner, and never the last one.",
      scope: 'admin',
      params: { id: memberId },
      response: RemovedMemberSchema,
      handler: ({ params }, c) => removeMember(storage, callerOf(c), params.id),
    }),
  ];
}
