// MCPs: the tool servers of an organization, and API keys confined to some of them. Written
// once for SQLite and PostgreSQL like 0001 (text columns, plain-SQL CHECKs, cascading keys).
// Typed against Kysely<unknown> on purpose: a migration describes the schema as it was then.

import { type Kysely, type Migration, sql } from 'kysely';

/** The `mcps` table and `api_keys.mcp_ids`. */
export const mcps: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mcps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      // Decided in JS (see nameKey), as members' email_key: SQLite's lower() folds ASCII only.
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('plex', 'remote')`))
      .addColumn('url', 'text')
      .addColumn('secret_sealed', 'text')
      // Safe by default: an MCP added without saying serves read tools only.
      .addColumn('access', 'text', (c) =>
        c.notNull().check(sql`access in ('read', 'write', 'delete')`),
      )
      .addColumn('toolsets', 'text', (c) => c.check(sql`toolsets <> ''`))
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('server', 'stored')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // The server's own Plex gets its address and token from the server's config, never from
      // a row; everything else must say where it is.
      .addCheckConstraint(
        'mcps_connection_check',
        sql`(origin = 'server' and kind = 'plex' and url is null and secret_sealed is null) or (origin = 'stored' and url is not null)`,
      )
      // One name once per organization, whatever its case; also the index for "MCPs of org X".
      .addUniqueConstraint('mcps_org_name_key', ['organization_id', 'name_key'])
      // For later tables (usage) to reference an MCP only within its own organization.
      .addUniqueConstraint('mcps_id_org_key', ['id', 'organization_id'])
      .execute();
    // Pages of MCPs are listed in creation order.
    await db.schema
      .createIndex('mcps_org_created_idx')
      .on('mcps')
      .columns(['organization_id', 'created_at', 'id'])
      .execute();
    // At most one server-origin MCP per organization; a partial unique index on both dialects.
    await db.schema
      .createIndex('mcps_one_server_origin_idx')
      .on('mcps')
      .column('organization_id')
      .unique()
      .where(sql.ref('origin'), '=', 'server')
      .execute();

    // Space-separated mcp_… ids; null (every existing key) means every MCP of the organization.
    await db.schema.alterTable('api_keys').addColumn('mcp_ids', 'text').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('api_keys').dropColumn('mcp_ids').execute();
    await db.schema.dropTable('mcps').execute();
  },
};
