// Organizations, members, API keys and settings. Written once for SQLite and PostgreSQL: only
// portable types (text everywhere, see schema.ts), CHECKs in plain SQL both accept, and
// foreign keys that cascade so deleting an organization or member leaves no orphan rows.
// Typed against Kysely<unknown> on purpose: a migration describes the schema as it was then.

import { type Kysely, type Migration, sql } from 'kysely';

/** The first schema. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull().check(sql`plan in ('free', 'pro', 'team')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('owner', 'admin', 'member')`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      // Members are removed by marking them, not by deleting the row: api_keys cascade from
      // members, and a removed member's keys must stay (revoked) as history, so that a revoked
      // key can never come back. A removal also releases email_key (see the members service).
      .addColumn('removed_at', 'text')
      // One address once per organization; also the index for "members of org X".
      .addUniqueConstraint('members_org_email_key', ['organization_id', 'email_key'])
      // Target of api_keys' composite foreign key, which keeps a key inside its member's org.
      .addUniqueConstraint('members_id_org_key', ['id', 'organization_id'])
      .execute();
    // Pages of members are listed in creation order.
    await db.schema
      .createIndex('members_org_created_idx')
      .on('members')
      .columns(['organization_id', 'created_at', 'id'])
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      // Unique: every request looks its key up by this, and two keys must never collide.
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull().check(sql`scopes <> ''`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      // A member's keys go with the member, and only a member of the key's own org can own it.
      .addForeignKeyConstraint(
        'api_keys_member_fk',
        ['member_id', 'organization_id'],
        'members',
        ['id', 'organization_id'],
        (c) => c.onDelete('cascade'),
      )
      .execute();
    // Pages of an organization's keys, in creation order.
    await db.schema
      .createIndex('api_keys_org_created_idx')
      .on('api_keys')
      .columns(['organization_id', 'created_at', 'id'])
      .execute();
    // Deleting a member finds its keys without a full scan (the FK's referencing side).
    await db.schema.createIndex('api_keys_member_idx').on('api_keys').column('member_id').execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['settings', 'api_keys', 'members', 'organizations']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
