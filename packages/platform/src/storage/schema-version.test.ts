import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { StorageError } from './storage-error.js';

const KNOWN = Object.keys(migrations);

describeEachDatabase('a database migrated by a newer version', (t) => {
  it('is refused before anything is changed, naming the migrations this version lacks', async () => {
    const s = await t.open(await t.createDatabase());
    await migrateToLatest(s);
    // What a newer release leaves behind: one more applied migration, and its table.
    await sql`create table future_things (id text primary key)`.execute(s.db);
    await sql`insert into plexmcp_migration (name, timestamp) values (${'0099_future_things'}, ${new Date().toISOString()})`.execute(
      s.db,
    );

    const error = await migrateToLatest(s).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'SCHEMA_TOO_NEW' });
    const message = (error as Error).message;
    expect(message).toContain('migrated by a newer plex-mcp-server');
    expect(message).toContain('1 migration this version does not know (0099_future_things;');
    expect(message).toContain(`this version's latest is ${KNOWN.at(-1)}`);
    expect(message).toContain('Run the same or a newer version as the other replicas');

    // Nothing was touched: the newer version's record and table are still there, and a start
    // of this version keeps being refused rather than half-applied.
    const rows = await sql<{
      name: string;
    }>`select name from plexmcp_migration order by name`.execute(s.db);
    expect(rows.rows.map((r) => r.name)).toEqual([...KNOWN, '0099_future_things']);
    await expect(migrateToLatest(s)).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
  });

  it('lets the same version start again (nothing unknown) and a fresh database migrate', async () => {
    const s = await t.openMigrated();
    expect(await migrateToLatest(s)).toEqual([]);
    const fresh = await t.open(await t.createDatabase());
    expect(await migrateToLatest(fresh)).toEqual(KNOWN);
  });
});
