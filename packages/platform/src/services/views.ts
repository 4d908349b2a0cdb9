// Rows as the platform shows them: ids, names, ISO timestamps. What is not listed here (a key's
// hash, a member's email_key) is never part of an answer.

import type { ToolModule } from '@plexmcp/plex-tools';
import { parseMcpIds } from '../storage/mcp-ids.js';
import type {
  ApiKeyRow,
  McpAccess,
  McpKind,
  McpRow,
  MemberRow,
  OrganizationRow,
  Plan,
  Role,
} from '../storage/schema.js';
import { parseScopes, type Scope } from '../storage/scopes.js';
import { parseToolsets } from '../storage/toolsets.js';

/** An organization as answered. */
export interface Organization {
  id: string;
  name: string;
  plan: Plan;
  created_at: string;
}

/** A member as answered. */
export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
}

/** A managed API key as answered: never its hash, never its secret. */
export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the secret, to tell keys apart. */
  prefix: string;
  scopes: Scope[];
  member_id: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** The MCPs the key is confined to; null: every MCP of the organization. */
  mcp_ids: string[] | null;
}

/** A key just created: the only answer that carries its secret. */
export interface CreatedApiKey extends ApiKey {
  /** The whole key; shown this once and never stored. */
  secret: string;
}

/** An organization row as answered. */
export function organizationView(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, plan: row.plan, created_at: row.created_at };
}

/** A member row as answered. */
export function memberView(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    created_at: row.created_at,
  };
}

/** An API key row as answered (the hash is left behind). */
export function apiKeyView(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    member_id: row.member_id,
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
    mcp_ids: parseMcpIds(row.mcp_ids),
  };
}

/** An MCP as answered: whether it has a secret, never the secret (not even sealed). */
export interface Mcp {
  id: string;
  name: string;
  kind: McpKind;
  /** Null for the server's own Plex, whose address comes from PLEX_URL. */
  url: string | null;
  access: McpAccess;
  /** Null: every toolset. */
  toolsets: ToolModule[] | null;
  /** The server's own Plex (PLEX_URL/PLEX_TOKEN), managed by the server's config. */
  builtin: boolean;
  has_secret: boolean;
  created_at: string;
  updated_at: string;
}

/** An MCP row as answered (the sealed secret and name key are left behind). */
export function mcpView(row: McpRow): Mcp {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    access: row.access,
    toolsets: parseToolsets(row.toolsets),
    builtin: row.origin === 'server',
    has_secret: row.secret_sealed !== null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
