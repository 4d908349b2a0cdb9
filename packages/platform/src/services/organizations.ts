// Creating an organization (what `admin init` runs) and reading the caller's own.

import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import type { Database, Plan, Timestamp } from '../storage/schema.js';
import type { Scope } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import { emailKey, toTimestamp } from '../storage/values.js';
import { insertApiKey } from './api-key-insert.js';
import type { Caller } from './caller.js';
import {
  type CreatedApiKey,
  type Member,
  memberView,
  type Organization,
  organizationView,
} from './views.js';

/** What a new organization starts with: its name, plan, owner and optionally a first admin key. */
export interface CreateOrganizationInput {
  name: string;
  /** Default `free`. */
  plan?: Plan;
  owner: { email: string; name: string };
  /** A first key for the owner (all four scopes unless given), its secret answered once. */
  adminKey?: { name: string; scopes?: readonly Scope[] };
}

/** A new organization, its owner, and the first key when one was asked for. */
export interface CreatedOrganization {
  organization: Organization;
  owner: Member;
  key: CreatedApiKey | null;
}

/**
 * Creates an organization with its owner (and first key) in one transaction: there is never an
 * organization without an owner, nor an owner without the key `admin init` promised to print.
 * No caller: this is the operator's act (CLI, demo), not something a key can do.
 */
export async function createOrganization(
  storage: Storage,
  input: CreateOrganizationInput,
  now: Date = new Date(),
): Promise<CreatedOrganization> {
  const created_at = toTimestamp(now);
  return storage.db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({ id: newId('org'), name: input.name, plan: input.plan ?? 'free', created_at })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { owner, key } = await insertOwner(trx, org.id, input, created_at);
    return { organization: organizationView(org), owner, key };
  });
}

/**
 * Inserts an organization's first owner and, when asked, the owner's first key, inside the
 * caller's transaction: shared by creating an organization and by `admin init` adopting the
 * member-less default one, so both write exactly the same rows.
 */
export async function insertOwner(
  trx: Kysely<Database>,
  organizationId: string,
  input: Pick<CreateOrganizationInput, 'owner' | 'adminKey'>,
  createdAt: Timestamp,
): Promise<{ owner: Member; key: CreatedApiKey | null }> {
  const owner = await trx
    .insertInto('members')
    .values({
      id: newId('usr'),
      organization_id: organizationId,
      email: input.owner.email.trim(),
      email_key: emailKey(input.owner.email),
      name: input.owner.name,
      role: 'owner',
      created_at: createdAt,
      removed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const key = input.adminKey
    ? await insertApiKey(trx, {
        organizationId,
        memberId: owner.id,
        name: input.adminKey.name,
        scopes: input.adminKey.scopes ?? ['read', 'write', 'delete', 'admin'],
        expiresAt: null,
        createdAt,
      })
    : null;
  return { owner: memberView(owner), key };
}

/** The caller's organization (it exists: its rows cascade away with it, keys included). */
export async function getOrganization(storage: Storage, caller: Caller): Promise<Organization> {
  const row = await storage.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', caller.organizationId)
    .executeTakeFirst();
  // A static key may name an organization nobody created yet; that is the server's setup error.
  if (!row) throw new Error(`Organization ${caller.organizationId} of the caller does not exist`);
  return organizationView(row);
}
