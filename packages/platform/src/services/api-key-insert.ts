// The one place a key's secret is generated and its row written, shared by key creation and
// organization creation so both store exactly the same things (prefix and hash, never the secret).

import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import { generateApiKey } from '../secrets/api-key.js';
import { formatMcpIds } from '../storage/mcp-ids.js';
import type { Database, Timestamp } from '../storage/schema.js';
import { formatScopes, type Scope } from '../storage/scopes.js';
import { apiKeyView, type CreatedApiKey } from './views.js';

/** A key row to write; ids and scopes already checked by the caller. */
export interface ApiKeyInsert {
  organizationId: string;
  memberId: string;
  name: string;
  scopes: readonly Scope[];
  expiresAt: Timestamp | null;
  createdAt: Timestamp;
  /** The MCPs the key is confined to, already checked to be the organization's; null: all. */
  mcpIds?: readonly string[] | null;
}

/** Generates a key, stores its prefix and hash, and answers it with its secret (this once). */
export async function insertApiKey(
  db: Kysely<Database>,
  key: ApiKeyInsert,
): Promise<CreatedApiKey> {
  const generated = generateApiKey();
  const row = await db
    .insertInto('api_keys')
    .values({
      id: newId('key'),
      organization_id: key.organizationId,
      member_id: key.memberId,
      name: key.name,
      prefix: generated.prefix,
      hash: generated.hash,
      scopes: formatScopes(key.scopes),
      created_at: key.createdAt,
      last_used_at: null,
      expires_at: key.expiresAt,
      revoked_at: null,
      mcp_ids: formatMcpIds(key.mcpIds ?? null),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...apiKeyView(row), secret: generated.secret };
}
