// Usage: per-minute aggregates of every metered request and tool call, written in batches by
// the meter (never on the request path). Written once for SQLite and PostgreSQL like 0001/0002.
// Typed against Kysely<unknown> on purpose: a migration describes the schema as it was then.

import { type Kysely, type Migration, sql } from 'kysely';

/** The duration buckets' columns, h00 … h14 (see usage/histogram.ts; the bounds never change). */
const HISTOGRAM = Array.from({ length: 15 }, (_, i) => `h${String(i).padStart(2, '0')}`);

/** The `usage_minutes` table. */
export const usage: Migration = {
  async up(db: Kysely<unknown>) {
    let table = db.schema
      .createTable('usage_minutes')
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      // The minute's start, `YYYY-MM-DDTHH:mm:00.000Z`: sorts as text, and its first 13 or 10
      // characters are its hour or day, which history groups by on both dialects.
      .addColumn('minute', 'text', (c) => c.notNull())
      // '' rather than NULL for "none": NULLs are distinct in a UNIQUE constraint, so rows
      // without a key or MCP would never meet their earlier selves in an upsert.
      // No foreign keys to keys or MCPs: usage outlives a removed MCP, as a bill would.
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('mcp_id', 'text', (c) => c.notNull())
      // '' for a /v1 request that is not a tool call.
      .addColumn('tool', 'text', (c) => c.notNull())
      .addColumn('door', 'text', (c) =>
        c.notNull().check(sql`door in ('v1', 'mcp', 'sse', 'tools', 'moviepilot', 'invoke')`),
      )
      // `ok` or the error code, lower case.
      .addColumn('outcome', 'text', (c) => c.notNull())
      // Counters are INTEGER, unlike every other column (see schema.ts): the upsert adds to
      // them in SQL, and an int4 reads back as a JS number on pg as on SQLite.
      .addColumn('calls', 'integer', (c) => c.notNull())
      .addColumn('errors', 'integer', (c) => c.notNull())
      // bigint: a busy minute's summed durations can pass int4's 24.8 days.
      .addColumn('total_ms', 'bigint', (c) => c.notNull());
    for (const column of HISTOGRAM) {
      table = table.addColumn(column, 'integer', (c) => c.notNull());
    }
    await table
      // One row per minute and everything a row is told apart by: the flush's upsert target,
      // and (organization first) the index for "this organization's usage between two minutes".
      .addUniqueConstraint('usage_minutes_key', [
        'organization_id',
        'minute',
        'key_id',
        'mcp_id',
        'tool',
        'door',
        'outcome',
      ])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('usage_minutes').execute();
  },
};
