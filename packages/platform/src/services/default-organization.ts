// The default organization: the one a single-server deployment lives in. Keys from
// PLEX_MCP_API_KEYS act in it, the server's own Plex becomes its default MCP (part 2), and the
// CLI works on it unless told `--org`. Recorded in `settings`, so it survives renames and a
// second organization never takes its place by accident.

import { newId } from '../ids.js';
import type { Plan } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { toTimestamp } from '../storage/values.js';
import { ensureBuiltinMcp } from './builtin-mcp.js';
import { type Organization, organizationView } from './views.js';

/** The `settings` key naming the default organization. */
export const DEFAULT_ORGANIZATION_SETTING = 'default_organization_id';

/** The name given to a default organization created for static keys (rename it any time). */
export const DEFAULT_ORGANIZATION_NAME = 'Default organization';

/** The default organization, when one is recorded and still exists. */
export async function defaultOrganization(storage: Storage): Promise<Organization | undefined> {
  const row = await storage.db
    .selectFrom('settings')
    .innerJoin('organizations as o', 'o.id', 'settings.value')
    .select(['o.id', 'o.name', 'o.plan', 'o.created_at'])
    .where('settings.key', '=', DEFAULT_ORGANIZATION_SETTING)
    .executeTakeFirst();
  return row ? organizationView(row) : undefined;
}

/**
 * Records `organizationId` as the default unless one is already recorded (and exists). Answers
 * the default afterwards: replicas or CLI runs racing here agree on the first one recorded.
 */
export async function recordDefaultOrganization(
  storage: Storage,
  organizationId: string,
  now: Date = new Date(),
): Promise<Organization> {
  await storage.db.transaction().execute(async (trx) => {
    const recorded = await trx
      .selectFrom('settings')
      .innerJoin('organizations as o', 'o.id', 'settings.value')
      .select('o.id')
      .where('settings.key', '=', DEFAULT_ORGANIZATION_SETTING)
      .executeTakeFirst();
    if (recorded) return;
    // A recorded id whose organization is gone is replaced. Only such a row is deleted: under
    // READ COMMITTED a delete sees rows committed since this transaction's read, and must not
    // remove the default another process has just recorded. A race on the insert is decided by
    // the primary key, and the loser reads the winner's below.
    await trx
      .deleteFrom('settings')
      .where('key', '=', DEFAULT_ORGANIZATION_SETTING)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('organizations as o')
              .select('o.id')
              .whereRef('o.id', '=', 'settings.value'),
          ),
        ),
      )
      .execute();
    await trx
      .insertInto('settings')
      .values({
        key: DEFAULT_ORGANIZATION_SETTING,
        value: organizationId,
        updated_at: toTimestamp(now),
      })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
  });
  const winner = await defaultOrganization(storage);
  if (!winner) throw new Error(`Organization ${organizationId} does not exist`);
  return winner;
}

/**
 * The default organization, created (without members: the operator's static keys act for it)
 * when there is none yet. `admin init` later gives it an owner instead of starting another.
 */
export async function ensureDefaultOrganization(
  storage: Storage,
  options: { name?: string; plan?: Plan; now?: Date } = {},
): Promise<Organization> {
  const existing = await defaultOrganization(storage);
  if (existing) return existing;
  const now = options.now ?? new Date();
  const id = newId('org');
  await storage.db
    .insertInto('organizations')
    .values({
      id,
      name: options.name ?? DEFAULT_ORGANIZATION_NAME,
      plan: options.plan ?? 'team',
      created_at: toTimestamp(now),
    })
    .execute();
  const winner = await recordDefaultOrganization(storage, id, now);
  // Another replica recorded its own first: ours is an empty row nobody will see; remove it.
  if (winner.id !== id) await storage.db.deleteFrom('organizations').where('id', '=', id).execute();
  // The server's own Plex is the default organization's first MCP.
  await ensureBuiltinMcp(storage, winner.id, { now });
  return winner;
}

/**
 * Whether a managed key was ever issued here, live or not. A server without configured keys is
 * open on loopback only until then: revoking every key later must not open it again.
 */
export async function hasIssuedApiKeys(storage: Storage): Promise<boolean> {
  const row = await storage.db.selectFrom('api_keys').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
