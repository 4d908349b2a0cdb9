import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { constraintViolation } from './constraint.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { ApiKeyRow, MemberRow, OrganizationRow, SettingRow } from './schema.js';
import { formatScopes, parseScopes } from './scopes.js';
import type { Storage } from './storage.js';
import { emailKey, toTimestamp } from './values.js';

let seq = 0;
const uid = (prefix: string) => `${prefix}_${(++seq).toString(36)}${Date.now().toString(36)}`;

function org(overrides: Partial<OrganizationRow> = {}): OrganizationRow {
  return {
    id: uid('org'),
    name: 'Acme',
    plan: 'free',
    created_at: toTimestamp(new Date('2026-01-02T03:04:05.678Z')),
    ...overrides,
  };
}

function member(organization_id: string, overrides: Partial<MemberRow> = {}): MemberRow {
  const email = overrides.email ?? `${uid('person')}@example.com`;
  return {
    id: uid('usr'),
    organization_id,
    email,
    email_key: emailKey(email),
    name: 'Ada',
    role: 'owner',
    created_at: toTimestamp(),
    removed_at: null,
    ...overrides,
  };
}

function apiKey(m: MemberRow, overrides: Partial<ApiKeyRow> = {}): ApiKeyRow {
  return {
    id: uid('key'),
    organization_id: m.organization_id,
    member_id: m.id,
    name: 'ci',
    prefix: 'plexmcp_ab12',
    hash: uid('hash').padEnd(64, '0'),
    scopes: formatScopes(['read', 'write']),
    created_at: toTimestamp(),
    last_used_at: null,
    expires_at: toTimestamp(new Date('2027-01-01T00:00:00.000Z')),
    revoked_at: null,
    mcp_ids: null,
    ...overrides,
  };
}

async function seed(s: Storage) {
  const o = org();
  const m = member(o.id);
  const k = apiKey(m);
  await s.db.insertInto('organizations').values(o).execute();
  await s.db.insertInto('members').values(m).execute();
  await s.db.insertInto('api_keys').values(k).execute();
  return { o, m, k };
}

async function failure(write: Promise<unknown>) {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the write should have been refused').toBeDefined();
  return constraintViolation(error);
}

describeEachDatabase('storage', (t) => {
  it('migrates a fresh database, and a second run finds nothing to do', async () => {
    const s = await t.open();
    expect(await migrateToLatest(s)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(s)).toEqual([]);
    const again = await t.open();
    expect(await migrateToLatest(again)).toEqual([]);
  });

  it('reads back exactly what it wrote, with the same JS types on every dialect', async () => {
    const s = await t.openMigrated();
    const { o, m, k } = await seed(s);
    const used = toTimestamp(new Date('2026-06-01T00:00:00.001Z'));
    await s.db.updateTable('api_keys').set({ last_used_at: used }).where('id', '=', k.id).execute();
    const setting: SettingRow = { key: uid('fp'), value: 'sha256:abc', updated_at: toTimestamp() };
    await s.db.insertInto('settings').values(setting).execute();

    expect(
      await s.db.selectFrom('organizations').selectAll().where('id', '=', o.id).executeTakeFirst(),
    ).toStrictEqual(o);
    expect(
      await s.db.selectFrom('members').selectAll().where('id', '=', m.id).executeTakeFirst(),
    ).toStrictEqual(m);
    const key = await s.db
      .selectFrom('api_keys')
      .selectAll()
      .where('hash', '=', k.hash)
      .executeTakeFirstOrThrow();
    expect(key).toStrictEqual({ ...k, last_used_at: used });
    expect(parseScopes(key.scopes)).toEqual(['read', 'write']);
    expect(
      await s.db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', setting.key)
        .executeTakeFirst(),
    ).toStrictEqual(setting);

    // count(*) is BIGINT on PostgreSQL; it must still arrive as a number.
    const { n } = await s.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('compares ISO timestamps as text in the right order', async () => {
    const s = await t.openMigrated();
    const { m, k } = await seed(s);
    const soon = apiKey(m, { expires_at: toTimestamp(new Date('2026-03-01T00:00:00.000Z')) });
    const later = apiKey(m, { expires_at: toTimestamp(new Date('2026-03-01T00:00:00.001Z')) });
    await s.db.insertInto('api_keys').values([soon, later]).execute();
    const live = await s.db
      .selectFrom('api_keys')
      .select('id')
      .where('member_id', '=', m.id)
      .where('expires_at', '>', soon.expires_at)
      .execute();
    // 2026-03-01T00:00:00.000Z itself is excluded, one millisecond later and 2027 are not.
    expect(live.map((r) => r.id).sort()).toEqual([k.id, later.id].sort());
  });

  it('upserts a setting in place', async () => {
    const s = await t.openMigrated();
    const key = uid('secret_key_fingerprint');
    for (const value of ['first', 'second']) {
      const row = { key, value, updated_at: toTimestamp() };
      await s.db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: row.updated_at }))
        .execute();
    }
    const rows = await s.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', '=', key)
      .execute();
    expect(rows).toEqual([{ key, value: 'second' }]);
  });

  it('refuses a second key with the same hash', async () => {
    const s = await t.openMigrated();
    const { m, k } = await seed(s);
    expect(
      await failure(
        s.db
          .insertInto('api_keys')
          .values(apiKey(m, { hash: k.hash }))
          .execute(),
      ),
    ).toBe('unique');
  });

  it('refuses an email twice in one organization, whatever its case, but not across organizations', async () => {
    const s = await t.openMigrated();
    const { o, m } = await seed(s);
    const shouted = m.email.toUpperCase();
    expect(
      await failure(
        s.db
          .insertInto('members')
          .values(member(o.id, { email: shouted }))
          .execute(),
      ),
    ).toBe('unique');
    const other = org();
    await s.db.insertInto('organizations').values(other).execute();
    await s.db
      .insertInto('members')
      .values(member(other.id, { email: shouted }))
      .execute();
    const rows = await s.db
      .selectFrom('members')
      .select('organization_id')
      .where('email_key', '=', emailKey(shouted))
      .execute();
    expect(rows.map((r) => r.organization_id).sort()).toEqual([o.id, other.id].sort());
  });

  it('refuses plans and roles outside their sets, and empty scopes', async () => {
    const s = await t.openMigrated();
    const bad = { ...org(), plan: 'enterprise' } as unknown as OrganizationRow;
    expect(await failure(s.db.insertInto('organizations').values(bad).execute())).toBe('check');
    const { o, m } = await seed(s);
    const king = { ...member(o.id), role: 'king' } as unknown as MemberRow;
    expect(await failure(s.db.insertInto('members').values(king).execute())).toBe('check');
    expect(
      await failure(
        s.db
          .insertInto('api_keys')
          .values(apiKey(m, { scopes: '' }))
          .execute(),
      ),
    ).toBe('check');
  });

  it('refuses a key for a member of another organization, or for no member', async () => {
    const s = await t.openMigrated();
    const { m } = await seed(s);
    const other = org();
    await s.db.insertInto('organizations').values(other).execute();
    const stray = apiKey(m, { organization_id: other.id });
    expect(await failure(s.db.insertInto('api_keys').values(stray).execute())).toBe('foreign_key');
    const ghost = apiKey({ ...m, id: 'usr_nobody' });
    expect(await failure(s.db.insertInto('api_keys').values(ghost).execute())).toBe('foreign_key');
  });

  it('deletes a member with its keys, and an organization with everything in it', async () => {
    const s = await t.openMigrated();
    const { o, k } = await seed(s);
    const second = member(o.id, { role: 'member' });
    await s.db.insertInto('members').values(second).execute();
    const secondKey = apiKey(second);
    await s.db.insertInto('api_keys').values(secondKey).execute();

    await s.db.deleteFrom('members').where('id', '=', second.id).execute();
    expect(
      await s.db.selectFrom('api_keys').select('id').where('id', '=', secondKey.id).execute(),
    ).toEqual([]);
    expect(await s.db.selectFrom('api_keys').select('id').where('id', '=', k.id).execute()).toEqual(
      [{ id: k.id }],
    );

    await s.db.deleteFrom('organizations').where('id', '=', o.id).execute();
    expect(
      await s.db.selectFrom('members').select('id').where('organization_id', '=', o.id).execute(),
    ).toEqual([]);
    expect(
      await s.db.selectFrom('api_keys').select('id').where('organization_id', '=', o.id).execute(),
    ).toEqual([]);
  });

  it('leaves nothing behind when a transaction rolls back', async () => {
    const s = await t.openMigrated();
    const o = org();
    const m = member(o.id);
    const failed = s.db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values(o).execute();
      await trx.insertInto('members').values(m).execute();
      // Second key with the same hash: the whole unit must go.
      const k = apiKey(m);
      await trx
        .insertInto('api_keys')
        .values([k, { ...k, id: uid('key') }])
        .execute();
    });
    expect(await failure(failed)).toBe('unique');
    expect(
      await s.db.selectFrom('organizations').select('id').where('id', '=', o.id).execute(),
    ).toEqual([]);
    expect(await s.db.selectFrom('members').select('id').where('id', '=', m.id).execute()).toEqual(
      [],
    );
  });

  it.runIf(t.dialect === 'postgres')(
    'lets replicas migrate one fresh database at once: both succeed, the schema is applied once',
    async () => {
      const fresh = await t.createDatabase();
      const replicas = await Promise.all([t.open(fresh), t.open(fresh), t.open(fresh)]);
      const applied = await Promise.all(replicas.map((r) => migrateToLatest(r)));
      expect(applied.flat()).toEqual(Object.keys(migrations));
      const rows = await sql<{ name: string }>`select name from plexmcp_migration`.execute(
        replicas[0]!.db,
      );
      expect(rows.rows).toEqual(Object.keys(migrations).map((name) => ({ name })));
      // And the lock is released: a later start still gets through.
      expect(await migrateToLatest(replicas[1]!)).toEqual([]);
    },
  );
});
