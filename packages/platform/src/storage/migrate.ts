// Bring a database to the latest schema at start, safely with several replicas.

import { type Kysely, Migrator, sql } from 'kysely';
import { migrationProvider, migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { assertSchemaNotNewer } from './schema-version.js';
import type { Storage } from './storage.js';
import { StorageError } from './storage-error.js';

/** Our own bookkeeping tables, so a database shared with another Kysely app does not clash. */
const MIGRATION_TABLE = 'plexmcp_migration';
const MIGRATION_LOCK_TABLE = 'plexmcp_migration_lock';

/** Session-level advisory lock id on PostgreSQL (any fixed 64-bit number unique to plexmcp). */
export const MIGRATION_LOCK_ID = 0x706c65786d6370n; // "plexmcp"

/**
 * Applies every pending migration; answers the names applied now (empty when up to date).
 * Refuses (`SCHEMA_TOO_NEW`) a database a newer version migrated, before touching anything.
 */
export async function migrateToLatest(storage: Storage): Promise<string[]> {
  return storage.db.connection().execute(async (conn) => {
    if (storage.dialect === 'postgres') {
      // Replicas starting together queue here, and the later ones then find nothing to do.
      // Kysely's own lock comes after it creates its bookkeeping tables, and times out.
      await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_ID)})`.execute(conn);
      try {
        return await run(conn, false);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_ID)})`.execute(conn);
      }
    }
    // SQLite: BEGIN IMMEDIATE takes the write lock before anything is read, so a second process
    // (a CLI beside the server) waits on busy_timeout instead of deadlocking on a lock upgrade.
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await run(conn, true);
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

async function run(db: Kysely<Database>, inOuterTransaction: boolean): Promise<string[]> {
  // Under the lock: a newer replica migrating at this moment is waited for, then seen.
  await assertSchemaNotNewer(db, MIGRATION_TABLE, Object.keys(migrations).sort());
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    // On SQLite the transaction is the BEGIN IMMEDIATE above; on PostgreSQL Kysely opens one.
    disableTransactions: inOuterTransaction,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageError('MIGRATION_FAILED', `Migration ${failed} failed: ${reason}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
