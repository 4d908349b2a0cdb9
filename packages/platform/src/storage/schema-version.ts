// A replica must never run on a schema newer than it knows: its queries would miss new columns'
// meaning, and a rolling upgrade would be silently half-done. So before migrating, the names
// already applied are compared with the ones this build ships.

import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { StorageError } from './storage-error.js';

/**
 * Refuses with `SCHEMA_TOO_NEW` when `table` records a migration that `known` lacks (a newer
 * plex-mcp-server migrated this database). A database never migrated passes.
 */
export async function assertSchemaNotNewer(
  db: Kysely<Database>,
  table: string,
  known: readonly string[],
): Promise<void> {
  const applied = await appliedMigrations(db, table);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const latest = known.at(-1) ?? '(none)';
  throw new StorageError(
    'SCHEMA_TOO_NEW',
    `The database was migrated by a newer plex-mcp-server: it has ${plural(unknown.length, 'migration')} this version does not know (${unknown.join(', ')}; this version's latest is ${latest}). Run the same or a newer version as the other replicas; this one will not start on it.`,
  );
}

/** Names recorded in the bookkeeping table, or none when the table does not exist yet. */
async function appliedMigrations(db: Kysely<Database>, table: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === table)) return [];
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(db);
  return rows.map((row) => row.name).sort();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
