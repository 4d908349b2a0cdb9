// The valibot schemas of the organization, member and API key routes: they validate requests,
// filter answers (a field not declared here never leaves) and generate the OpenAPI document.

import * as v from 'valibot';
import { isId } from '../ids.js';
import { PLANS, ROLES } from '../storage/schema.js';
import { SCOPES } from '../storage/scopes.js';

/** Longest organization, member or key name accepted. */
export const MAX_NAME_LENGTH = 100;
/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

const timestamp = (what: string) => v.pipe(v.string(), v.description(`${what} (ISO-8601 UTC).`));
const nullableTimestamp = (what: string) =>
  v.pipe(v.nullable(v.string()), v.description(`${what} (ISO-8601 UTC), or null.`));
const name = v.pipe(
  v.string(),
  v.nonEmpty(),
  v.maxLength(MAX_NAME_LENGTH),
  v.check((s) => s.trim() !== '', 'must not be blank'),
);

/** An organization as answered. */
export const OrganizationSchema = v.object({
  id: v.pipe(v.string(), v.description('org_…')),
  name: v.string(),
  plan: v.picklist(PLANS),
  created_at: timestamp('When the organization was created'),
});

/** A member as answered. */
export const MemberSchema = v.object({
  id: v.pipe(v.string(), v.description('usr_…')),
  email: v.string(),
  name: v.string(),
  role: v.picklist(ROLES),
  created_at: timestamp('When the member was added'),
});

/** What removing a member answers. */
export const RemovedMemberSchema = v.object({
  id: v.string(),
  removed_at: timestamp('When the member was removed'),
  revoked_keys: v.pipe(
    v.number(),
    v.integer(),
    v.description("How many of the member's keys the removal revoked."),
  ),
});

const apiKeyEntries = {
  id: v.pipe(v.string(), v.description('key_…')),
  name: v.string(),
  prefix: v.pipe(v.string(), v.description('The first characters of the key, to tell keys apart.')),
  scopes: v.array(v.picklist(SCOPES)),
  member_id: v.pipe(v.string(), v.description('The member the key acts for (usr_…).')),
  created_at: timestamp('When the key was created'),
  last_used_at: nullableTimestamp('When the key was last used, to the minute'),
  expires_at: nullableTimestamp('When the key stops working'),
  revoked_at: nullableTimestamp('When the key was revoked'),
};

/** An API key as answered: never its secret or hash. */
export const ApiKeySchema = v.object(apiKeyEntries);

/** A key just created: the one answer that carries its secret. */
export const CreatedApiKeySchema = v.object({
  ...apiKeyEntries,
  secret: v.pipe(
    v.string(),
    v.description('The whole key. Shown this once: store it now, it cannot be read again.'),
  ),
});

/** `POST /organization/members`. */
export const AddMemberBody = v.strictObject({
  email: v.pipe(v.string(), v.maxLength(MAX_EMAIL_LENGTH), v.email()),
  name,
  role: v.optional(v.picklist(ROLES), 'member'),
});

/** `POST /api-keys`. */
export const CreateApiKeyBody = v.strictObject({
  name,
  scopes: v.pipe(v.array(v.picklist(SCOPES)), v.minLength(1), v.maxLength(SCOPES.length)),
  expires_at: v.optional(
    v.pipe(
      v.string(),
      v.isoTimestamp(),
      v.description('When the key stops working; ISO-8601, in the future.'),
    ),
  ),
  member_id: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => isId('usr', s), 'must be a member id (usr_…)'),
      v.description('The member the key acts for; default: the member of the calling key.'),
    ),
  ),
});
