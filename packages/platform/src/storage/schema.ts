// The one typed picture of the platform's tables, shared by SQLite and PostgreSQL.
//
// Every column is TEXT on both dialects, so a row reads back with the same JS types whichever
// database holds it:
// - Timestamps are ISO-8601 UTC strings written by `toTimestamp()` (always
//   `YYYY-MM-DDTHH:mm:ss.sssZ`). Not epoch ms: pg hands BIGINT back as a string, SQLite as a
//   number. Not `timestamptz`: pg would answer a `Date`, SQLite a string. One fixed-width format
//   also sorts and compares correctly as text (`expires_at > now`), and reads well in a shell.
// - Scopes are one canonical string (`'read write'`), encoded and parsed only in `scopes.ts`.
// - Plans and roles are CHECK-constrained text; the unions below are the TypeScript side.
// Migrations must NOT import this file: they describe the schema as it was when written.

import type { Insertable, Selectable, Updateable } from 'kysely';

/** The plans an organization can be on, cheapest first. */
export const PLANS = ['free', 'pro', 'team'] as const;
/** An organization's plan. */
export type Plan = (typeof PLANS)[number];

/** The roles a member can have, most powerful first. */
export const ROLES = ['owner', 'admin', 'member'] as const;
/** A member's role in their organization. */
export type Role = (typeof ROLES)[number];

/** An ISO-8601 UTC timestamp as stored, e.g. `2026-01-31T12:00:00.000Z` (see `toTimestamp`). */
export type Timestamp = string;

/** `organizations`: one tenant. */
export interface OrganizationsTable {
  /** `org_…` */
  id: string;
  name: string;
  plan: Plan;
  created_at: Timestamp;
}

/** `members`: a person in one organization. */
export interface MembersTable {
  /** `usr_…` */
  id: string;
  organization_id: string;
  /** The address as the person typed it, for display. */
  email: string;
  /** `emailKey(email)`: what uniqueness within the organization is decided on. */
  email_key: string;
  name: string;
  role: Role;
  created_at: Timestamp;
  /**
   * When the member was removed, or null. Removed members stay as rows so their (revoked) keys
   * and history stay; their `email_key` is released so the address can be added again.
   */
  removed_at: Timestamp | null;
}

/** `api_keys`: a managed key; the secret itself is never stored. */
export interface ApiKeysTable {
  /** `key_…` */
  id: string;
  organization_id: string;
  /** The member the key acts for; it must belong to the same organization (composite FK). */
  member_id: string;
  name: string;
  /** The first characters of the secret, shown in lists so people can tell keys apart. */
  prefix: string;
  /** SHA-256 of the secret, lower-case hex; unique. */
  hash: string;
  /** Canonical scope string, see `formatScopes` / `parseScopes`. */
  scopes: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** `settings`: small instance-wide values (e.g. the secret-key fingerprint). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

/** The Kysely database type: table name → row shape. */
export interface Database {
  organizations: OrganizationsTable;
  members: MembersTable;
  api_keys: ApiKeysTable;
  settings: SettingsTable;
}

/** An organization row as read. */
export type OrganizationRow = Selectable<OrganizationsTable>;
/** An organization row to insert. */
export type NewOrganizationRow = Insertable<OrganizationsTable>;
/** A member row as read. */
export type MemberRow = Selectable<MembersTable>;
/** A member row to insert. */
export type NewMemberRow = Insertable<MembersTable>;
/** An API key row as read. */
export type ApiKeyRow = Selectable<ApiKeysTable>;
/** An API key row to insert. */
export type NewApiKeyRow = Insertable<ApiKeysTable>;
/** The columns of an API key that may change after creation. */
export type ApiKeyUpdate = Updateable<Pick<ApiKeysTable, 'name' | 'last_used_at' | 'revoked_at'>>;
/** A settings row as read. */
export type SettingRow = Selectable<SettingsTable>;
