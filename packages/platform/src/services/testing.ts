// Test-only helpers: an organization with an owner and an admin key, on a real database.

import type { Storage } from '../storage/storage.js';
import type { Caller } from './caller.js';
import { createOrganization } from './organizations.js';

let seq = 0;

/** A new organization with its owner and an admin key, and the owner's Caller. */
export async function seedOrganization(storage: Storage, name = 'Acme') {
  seq += 1;
  const created = await createOrganization(storage, {
    name,
    owner: { email: `owner${seq}@${name.toLowerCase()}.example`, name: `${name} Owner` },
    adminKey: { name: 'admin' },
  });
  const key = created.key!;
  const caller: Caller = {
    organizationId: created.organization.id,
    memberId: created.owner.id,
    keyId: key.id,
    role: 'owner',
    scopes: key.scopes,
    static: false,
    mcpIds: null,
    plan: created.organization.plan,
  };
  return { ...created, key, secret: key.secret, caller };
}
