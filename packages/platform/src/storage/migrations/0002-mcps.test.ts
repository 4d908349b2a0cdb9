import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { constraintViolation } from '../constraint.js';
import { migrateToLatest } from '../migrate.js';
import type { McpRow } from '../schema.js';
import { nameKey, toTimestamp } from '../values.js';
import { initial } from './0001-initial.js';
import { migrationProvider, migrations } from './index.js';

const STAMP = toTimestamp(new Date('2026-02-03T04:05:06.789Z'));

/** An MCP row of `organization_id`. */
function mcp(organization_id: string, overrides: Partial<McpRow> = {}): McpRow {
  const name = overrides.name ?? `Plex ${Math.random().toString(36).slice(2)}`;
  return {
    id: `mcp_${Math.random().toString(36).slice(2).padEnd(20, '0').slice(0, 20)}`,
    organization_id,
    name,
    name_key: nameKey(name),
    kind: 'plex',
    url: 'http://plex.local:32400',
    secret_sealed: null,
    access: 'read',
    toolsets: null,
    origin: 'stored',
    created_at: STAMP,
    updated_at: STAMP,
    ...overrides,
  };
}

async function failure(write: Promise<unknown>) {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the write should have been refused').toBeDefined();
  return constraintViolation(error);
}

describeEachDatabase('migration 0002_mcps', (t) => {
  it('upgrades a released 0001 database with data: its keys keep working, confined to nothing', async () => {
    const s = await t.open(await t.createDatabase());
    // The database as release 0001 left it, with the same bookkeeping tables migrateToLatest uses.
    const first = new Migrator({
      db: s.db,
      provider: { getMigrations: async () => ({ '0001_initial': initial }) },
      migrationTableName: 'plexmcp_migration',
      migrationLockTableName: 'plexmcp_migration_lock',
    });
    expect((await first.migrateToLatest()).error).toBeUndefined();
    const raw = s.db.withoutPlugins() as unknown as typeof s.db;
    await raw
      .insertInto('organizations')
      .values({ id: 'org_old', name: 'Old', plan: 'free', created_at: STAMP })
      .execute();
    await raw
      .insertInto('members')
      .values({
        id: 'usr_old',
        organization_id: 'org_old',
        email: 'a@old.example',
        email_key: 'a@old.example',
        name: 'A',
        role: 'owner',
        created_at: STAMP,
        removed_at: null,
      })
      .execute();
    // No mcp_ids column yet: the insert names only 0001's columns.
    await s.db
      .insertInto('api_keys')
      .columns([
        'id',
        'organization_id',
        'member_id',
        'name',
        'prefix',
        'hash',
        'scopes',
        'created_at',
      ])
      .values({
        id: 'key_old',
        organization_id: 'org_old',
        member_id: 'usr_old',
        name: 'ci',
        prefix: 'plexmcp_ab12',
        hash: 'f'.repeat(64),
        scopes: 'read',
        created_at: STAMP,
      })
      .execute();

    // 0002 and every later migration.
    expect(await migrateToLatest(s)).toEqual(Object.keys(migrations).slice(1));
    const key = await s.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', 'key_old')
      .executeTakeFirstOrThrow();
    expect(key).toMatchObject({ id: 'key_old', scopes: 'read', mcp_ids: null });
    expect(await s.db.selectFrom('mcps').selectAll().execute()).toEqual([]);
    // The new table is usable at once, and reads back exactly what was written.
    const row = mcp('org_old', { toolsets: 'library media' });
    await s.db.insertInto('mcps').values(row).execute();
    expect(await s.db.selectFrom('mcps').selectAll().executeTakeFirst()).toStrictEqual(row);
    expect(await migrateToLatest(s)).toEqual([]);
    expect(Object.keys(await migrationProvider.getMigrations()).slice(0, 2)).toEqual([
      '0001_initial',
      '0002_mcps',
    ]);
  });

  it('keeps names unique per organization, one server MCP per organization, and rows consistent', async () => {
    const s = await t.openMigrated();
    for (const id of ['org_a', 'org_b']) {
      await s.db
        .insertInto('organizations')
        .values({ id, name: id, plan: 'free', created_at: STAMP })
        .execute();
    }
    await s.db
      .insertInto('mcps')
      .values(mcp('org_a', { name: 'Home' }))
      .execute();
    expect(
      await failure(
        s.db
          .insertInto('mcps')
          .values(mcp('org_a', { name: 'home' }))
          .execute(),
      ),
    ).toBe('unique');
    // Another organization may use the same name.
    await s.db
      .insertInto('mcps')
      .values(mcp('org_b', { name: 'Home' }))
      .execute();

    const server = { origin: 'server' as const, url: null };
    await s.db.insertInto('mcps').values(mcp('org_a', server)).execute();
    expect(await failure(s.db.insertInto('mcps').values(mcp('org_a', server)).execute())).toBe(
      'unique',
    );
    await s.db.insertInto('mcps').values(mcp('org_b', server)).execute();

    for (const bad of [
      { kind: 'ftp' },
      { access: 'admin' },
      { origin: 'cloud' },
      { toolsets: '' },
      { origin: 'stored', url: null },
      { origin: 'server', url: 'http://x.example' },
      { origin: 'server', url: null, secret_sealed: 'v1.x' },
      { origin: 'server', url: null, kind: 'remote' },
    ]) {
      const row = mcp('org_b', bad as Partial<McpRow>);
      expect(
        await failure(s.db.insertInto('mcps').values(row).execute()),
        JSON.stringify(bad),
      ).toBe('check');
    }
    expect(await failure(s.db.insertInto('mcps').values(mcp('org_missing')).execute())).toBe(
      'foreign_key',
    );

    // An organization's MCPs go with it.
    await s.db.deleteFrom('organizations').where('id', '=', 'org_a').execute();
    const left = await s.db.selectFrom('mcps').select('organization_id').execute();
    expect(left.map((r) => r.organization_id)).toEqual(['org_b', 'org_b']);
  });

  it('migrates down and up again', async () => {
    const s = await t.open(await t.createDatabase());
    await migrateToLatest(s);
    const migrator = new Migrator({
      db: s.db,
      provider: migrationProvider,
      migrationTableName: 'plexmcp_migration',
      migrationLockTableName: 'plexmcp_migration_lock',
    });
    // Later migrations sit on top of 0002: they go down first, 0002 last.
    const down = await migrator.migrateTo('0001_initial');
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName).at(-1)).toBe('0002_mcps');
    expect(await migrateToLatest(s)).toEqual(Object.keys(migrations).slice(1));
  });
});
