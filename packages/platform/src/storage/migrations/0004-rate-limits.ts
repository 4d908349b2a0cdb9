// The table rate-limiter-flexible's PostgreSQL store counts in (one row per key: requests spent
// in the current window and when it ends, in epoch ms), made here rather than by the library at
// start, so replicas starting together do not race to create it and the schema has one owner.
// The columns are the ones the library's own CREATE TABLE would make. SQLite counts in memory
// (one process) and never uses it; the table exists there too so both dialects share one schema.
// Typed against Kysely<unknown> on purpose, like the others; not in schema.ts: only the library
// reads and writes it.

import type { Kysely, Migration } from 'kysely';

/** The `rate_limits` table. */
export const rateLimits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expire', 'bigint')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rate_limits').execute();
  },
};
