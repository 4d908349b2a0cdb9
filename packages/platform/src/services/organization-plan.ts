// Changing an organization's plan (what `admin plan` runs). Its keys' rate limits follow within
// about a second: callers, and the static keys' plan, are read again after that.

import type { Plan } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { type Caller, requireAdmin } from './caller.js';
import { type Organization, organizationView } from './views.js';

/** Puts the caller's organization on `plan` and answers the organization as it now is. */
export async function changePlan(
  storage: Storage,
  caller: Caller,
  plan: Plan,
): Promise<Organization> {
  requireAdmin(caller);
  const row = await storage.db
    .updateTable('organizations')
    .set({ plan })
    .where('id', '=', caller.organizationId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return organizationView(row);
}
