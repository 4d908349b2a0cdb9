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
// - Lists (an MCP's toolsets, a key's MCP ids) are canonical space-separated strings, encoded
//   and parsed only in `toolsets.ts` and `mcp-ids.ts`.
// - The one exception: usage counters are INTEGER (and `total_ms` BIGINT). The meter's upsert
//   adds to them in SQL (`calls = calls + excluded.calls`), which text cannot do atomically
//   across replicas, and pg hands int4 back as a JS number like SQLite does. Sums over them are
//   bigint on pg (a string), so reads of sums go through `Number()` (see usage/usage-service.ts).
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

/** The kinds of MCP: a Plex Media Server served with our tools, or another MCP server proxied. */
export const MCP_KINDS = ['plex', 'remote'] as const;
/** What an MCP is. */
export type McpKind = (typeof MCP_KINDS)[number];

/** The highest tool access an MCP serves, lowest first (each includes the ones before it). */
export const MCP_ACCESS_LEVELS = ['read', 'write', 'delete'] as const;
/** An MCP's tool access ceiling. */
export type McpAccess = (typeof MCP_ACCESS_LEVELS)[number];

/**
 * Where an MCP's connection comes from: `server` is the server's own Plex (PLEX_URL/PLEX_TOKEN
 * from its config, never stored), `stored` is configured through the API with its secret sealed.
 */
export const MCP_ORIGINS = ['server', 'stored'] as const;
/** An MCP's origin. */
export type McpOrigin = (typeof MCP_ORIGINS)[number];

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
  /** Canonical `mcp_…` ids the key is confined to (see `mcp-ids.ts`); null: every MCP. */
  mcp_ids: string | null;
}

/** `mcps`: a tool server of an organization (a Plex Media Server or a remote MCP server). */
export interface McpsTable {
  /** `mcp_…` */
  id: string;
  organization_id: string;
  /** As the admin typed it, for display. */
  name: string;
  /** `nameKey(name)`: what uniqueness within the organization is decided on. */
  name_key: string;
  kind: McpKind;
  /** The server's address; null only for the server's own Plex (origin `server`). */
  url: string | null;
  /**
   * `encryptSecret` of the Plex token (kind `plex`) or of the headers as JSON (kind `remote`),
   * bound to the row by `mcpSecretBinding(id)`; null when there is none.
   */
  secret_sealed: string | null;
  access: McpAccess;
  /** Canonical toolset list (see `toolsets.ts`); null: every toolset. */
  toolsets: string | null;
  origin: McpOrigin;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `settings`: small instance-wide values (e.g. the secret-key fingerprint). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

/** Where a metered call came in: `/v1`, `/mcp…`, `/sse`, `/tools…`, `/api/v1/mcp`, invoke. */
export const USAGE_DOORS = ['v1', 'mcp', 'sse', 'tools', 'moviepilot', 'invoke'] as const;
/** A metered door. */
export type UsageDoor = (typeof USAGE_DOORS)[number];

/**
 * `usage_minutes`: what one minute of an organization's traffic added up to, per key, MCP, tool,
 * door and outcome. Written only by the meter's flush, which adds to an existing row.
 */
export interface UsageMinutesTable {
  organization_id: string;
  /** The minute's start, `YYYY-MM-DDTHH:mm:00.000Z`. */
  minute: Timestamp;
  /** `key_…`, or '' for a static key. */
  key_id: string;
  /** `mcp_…`, or '' when no MCP was involved (a /v1 request, an organization without one). */
  mcp_id: string;
  /** The tool's name, '' for a request that is not a tool call, `(other)` past the meter's cap. */
  tool: string;
  door: UsageDoor;
  /** `ok` or the lower-case error code. */
  outcome: string;
  calls: number;
  errors: number;
  /** Summed durations; bigint on pg, read back as a string there. */
  total_ms: number | string;
  h00: number;
  h01: number;
  h02: number;
  h03: number;
  h04: number;
  h05: number;
  h06: number;
  h07: number;
  h08: number;
  h09: number;
  h10: number;
  h11: number;
  h12: number;
  h13: number;
  h14: number;
}

/** The Kysely database type: table name → row shape. */
export interface Database {
  organizations: OrganizationsTable;
  members: MembersTable;
  api_keys: ApiKeysTable;
  mcps: McpsTable;
  settings: SettingsTable;
  usage_minutes: UsageMinutesTable;
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
/** An MCP row as read. */
export type McpRow = Selectable<McpsTable>;
/** An MCP row to insert. */
export type NewMcpRow = Insertable<McpsTable>;
/** The columns of an MCP that may change after creation (never its kind or origin). */
export type McpUpdate = Updateable<
  Pick<
    McpsTable,
    'name' | 'name_key' | 'url' | 'secret_sealed' | 'access' | 'toolsets' | 'updated_at'
  >
>;
/** A settings row as read. */
export type SettingRow = Selectable<SettingsTable>;
