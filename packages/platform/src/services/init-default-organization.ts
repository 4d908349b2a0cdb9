// What `admin init` does to the default organization: create it with its owner and first key,
// give the member-less one made for static keys (ensureDefaultOrganization) its owner, or report
// that it already has one. Decided in one transaction, so two inits, or an init racing a
// server's first start, never leave two defaults, two first owners or an owner without a key.

import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import type { Database } from '../storage/schema.js';
import type { Storage, StorageDialect } from '../storage/storage.js';
import { toTimestamp } from '../storage/values.js';
import { ensureBuiltinMcp } from './builtin-mcp.js';
import { DEFAULT_ORGANIZATION_SETTING } from './default-organization.js';
import { type CreateOrganizationInput, insertOwner } from './organizations.js';
import { lockRows } from './tenancy.js';
import { type CreatedApiKey, type Member, type Organization, organizationView } from './views.js';

/** The default organization to set up: as for createOrganization, the first key required. */
export type InitDefaultOrganizationInput = CreateOrganizationInput & {
  adminKey: NonNullable<CreateOrganizationInput['adminKey']>;
};

/**
 * `created`: there was no default organization; `adopted`: the member-less default got its
 * name, plan, owner and key; `initialized`: the default already has members, nothing changed.
 */
export type InitDefaultOrganizationResult =
  | {
      outcome: 'created' | 'adopted';
      organization: Organization;
      owner: Member;
      key: CreatedApiKey;
    }
  | { outcome: 'initialized'; organization: Organization };

/** How often a transaction that lost the race to record the default is run again. */
const MAX_ATTEMPTS = 3;

/** Thrown inside the transaction to roll it back when another one recorded a default first. */
class LostRace extends Error {
  constructor() {
    super(
      'Another process set up the default organization at the same time: run the command again.',
    );
  }
}

/**
 * Sets up the default organization for its first owner (see the outcomes above). A plan that is
 * not given keeps an adopted organization's plan and makes a new one `free`.
 */
export async function initDefaultOrganization(
  storage: Storage,
  input: InitDefaultOrganizationInput,
  now: Date = new Date(),
): Promise<InitDefaultOrganizationResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await storage.db
        .transaction()
        .execute((trx) => initIn(trx, storage.dialect, input, now));
      // The server's own Plex is the default organization's first MCP, whoever made it first.
      if (result.outcome !== 'initialized') {
        await ensureBuiltinMcp(storage, result.organization.id, { now });
      }
      return result;
    } catch (error) {
      // The retry reads the winner's organization, and adopts it or reports it initialised.
      if (!(error instanceof LostRace) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function initIn(
  trx: Kysely<Database>,
  dialect: StorageDialect,
  input: InitDefaultOrganizationInput,
  now: Date,
): Promise<InitDefaultOrganizationResult> {
  const createdAt = toTimestamp(now);
  // Locked on PostgreSQL: a concurrent init waits here, then sees the owner this one added.
  const recorded = await lockRows(
    dialect,
    trx
      .selectFrom('settings')
      .innerJoin('organizations as o', 'o.id', 'settings.value')
      .selectAll('o')
      .where('settings.key', '=', DEFAULT_ORGANIZATION_SETTING),
  ).executeTakeFirst();

  if (recorded) {
    const member = await trx
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', recorded.id)
      .where('removed_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (member) return { outcome: 'initialized', organization: organizationView(recorded) };
    const adopted = await trx
      .updateTable('organizations')
      .set({ name: input.name, plan: input.plan ?? recorded.plan })
      .where('id', '=', recorded.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { owner, key } = await insertOwner(trx, adopted.id, input, createdAt);
    return { outcome: 'adopted', organization: organizationView(adopted), owner, key: key! };
  }

  const created = await trx
    .insertInto('organizations')
    .values({
      id: newId('org'),
      name: input.name,
      plan: input.plan ?? 'free',
      created_at: createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const { owner, key } = await insertOwner(trx, created.id, input, createdAt);
  // Only a setting naming an organization that is gone is replaced; a live one is never
  // deleted, even one committed a moment ago by a concurrent init.
  await trx
    .deleteFrom('settings')
    .where('key', '=', DEFAULT_ORGANIZATION_SETTING)
    .where('value', 'not in', (eb) => eb.selectFrom('organizations').select('id'))
    .execute();
  const inserted = await trx
    .insertInto('settings')
    .values({ key: DEFAULT_ORGANIZATION_SETTING, value: created.id, updated_at: createdAt })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new LostRace();
  return { outcome: 'created', organization: organizationView(created), owner, key: key! };
}
