// Which organization a command acts on, and as whom: `--org`, else the default organization,
// with the caller of a static key holding every scope — the operator is the owner here, and
// the services' rules (last owner, scope ceilings, …) still hold.

import { type Caller, staticCaller } from '../services/caller.js';
import { defaultOrganization } from '../services/default-organization.js';
import { type Organization, organizationView } from '../services/views.js';
import { SCOPES } from '../storage/scopes.js';
import type { Storage } from '../storage/storage.js';
import { AdminError } from './admin-errors.js';
import { INIT_HINT } from './usage.js';

/** The organization a command acts on and the caller it acts as. */
export interface Target {
  organization: Organization;
  caller: Caller;
}

/** The organization `--org` names (or the default one), or an AdminError saying what to do. */
export async function targetOrganization(
  storage: Storage,
  orgOption: string | undefined,
): Promise<Target> {
  const organization =
    orgOption === undefined ? await defaultOrganization(storage) : await byId(storage, orgOption);
  if (!organization) {
    throw new AdminError(
      orgOption === undefined
        ? `No organization yet: run \`${INIT_HINT}\` first.`
        : `No organization ${orgOption} in this database.`,
    );
  }
  return { organization, caller: staticCaller(organization.id, SCOPES, organization.plan) };
}

async function byId(storage: Storage, id: string): Promise<Organization | undefined> {
  const row = await storage.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? organizationView(row) : undefined;
}
