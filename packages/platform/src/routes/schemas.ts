// The valibot schemas of the organization, member, API key and MCP routes: they validate requests,
// filter answers (a field not declared here never leaves) and generate the OpenAPI document.

import * as v from 'valibot';
import { jsonObject } from '../http/validation.js';
import { isId } from '../ids.js';
import {
  HEADER_NAME_PATTERN,
  HEADER_VALUE_PATTERN,
  isReservedHeader,
  MAX_HEADER_VALUE_LENGTH,
  MAX_HEADERS,
} from '../services/mcp-headers.js';
import { MAX_URL_LENGTH, mcpUrlProblem } from '../services/mcp-url.js';
import { MCP_ACCESS_LEVELS, MCP_KINDS, PLANS, ROLES } from '../storage/schema.js';
import { SCOPES } from '../storage/scopes.js';
import { TOOLSETS } from '../storage/toolsets.js';

/** Longest organization, member or key name accepted. */
export const MAX_NAME_LENGTH = 100;
/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
/** Most MCPs one key may be confined to. */
export const MAX_KEY_MCPS = 100;

const mcpId = v.pipe(
  v.string(),
  v.check((s) => isId('mcp', s), 'must be an MCP id (mcp_…)'),
);

const timestamp = (what: string) => v.pipe(v.string(), v.description(`${what} (ISO-8601 UTC).`));
const nullableTimestamp = (what: string) =>
  v.pipe(v.nullable(v.string()), v.description(`${what} (ISO-8601 UTC), or null.`));
const name = v.pipe(
  v.string(),
  v.nonEmpty(),
  v.maxLength(MAX_NAME_LENGTH),
  v.check((s) => s.trim() !== '', 'must not be blank'),
);

/** An organization as answered. */
export const OrganizationSchema = v.object({
  id: v.pipe(v.string(), v.description('org_…')),
  name: v.string(),
  plan: v.picklist(PLANS),
  created_at: timestamp('When the organization was created'),
});

/** A member as answered. */
export const MemberSchema = v.object({
  id: v.pipe(v.string(), v.description('usr_…')),
  email: v.string(),
  name: v.string(),
  role: v.picklist(ROLES),
  created_at: timestamp('When the member was added'),
});

/** What changing a member's role answers: the member, and what happened to their keys. */
export const ChangedMemberSchema = v.object({
  ...MemberSchema.entries,
  narrowed_keys: v.pipe(
    v.number(),
    v.integer(),
    v.description("How many of the member's keys lost scopes the new role does not allow."),
  ),
  revoked_keys: v.pipe(
    v.number(),
    v.integer(),
    v.description("How many of the member's keys were revoked: they held only such scopes."),
  ),
});

/** What removing a member answers. */
export const RemovedMemberSchema = v.object({
  id: v.string(),
  removed_at: timestamp('When the member was removed'),
  revoked_keys: v.pipe(
    v.number(),
    v.integer(),
    v.description("How many of the member's keys the removal revoked."),
  ),
});

const apiKeyEntries = {
  id: v.pipe(v.string(), v.description('key_…')),
  name: v.string(),
  prefix: v.pipe(v.string(), v.description('The first characters of the key, to tell keys apart.')),
  scopes: v.array(v.picklist(SCOPES)),
  member_id: v.pipe(v.string(), v.description('The member the key acts for (usr_…).')),
  created_at: timestamp('When the key was created'),
  last_used_at: nullableTimestamp('When the key was last used, to the minute'),
  expires_at: nullableTimestamp('When the key stops working'),
  revoked_at: nullableTimestamp('When the key was revoked'),
  mcp_ids: v.pipe(
    v.nullable(v.array(v.string())),
    v.description('The MCPs (mcp_…) the key is confined to; null: every MCP of the organization.'),
  ),
};

/** An API key as answered: never its secret or hash. */
export const ApiKeySchema = v.object(apiKeyEntries);

/** A key just created: the one answer that carries its secret. */
export const CreatedApiKeySchema = v.object({
  ...apiKeyEntries,
  secret: v.pipe(
    v.string(),
    v.description('The whole key. Shown this once: store it now, it cannot be read again.'),
  ),
});

/** `POST /organization/members`. */
export const AddMemberBody = v.strictObject({
  email: v.pipe(v.string(), v.maxLength(MAX_EMAIL_LENGTH), v.email()),
  name,
  role: v.optional(v.picklist(ROLES), 'member'),
});

/** `PATCH /organization/members/{id}`. */
export const ChangeMemberBody = v.strictObject({
  role: v.picklist(ROLES),
});

/** `POST /api-keys`. */
export const CreateApiKeyBody = v.strictObject({
  name,
  scopes: v.pipe(v.array(v.picklist(SCOPES)), v.minLength(1), v.maxLength(SCOPES.length)),
  expires_at: v.optional(
    v.pipe(
      v.string(),
      v.isoTimestamp(),
      v.description('When the key stops working; ISO-8601, in the future.'),
    ),
  ),
  member_id: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => isId('usr', s), 'must be a member id (usr_…)'),
      v.description('The member the key acts for; default: the member of the calling key.'),
    ),
  ),
  mcp_ids: v.optional(
    v.pipe(
      v.array(mcpId),
      v.minLength(1),
      v.maxLength(MAX_KEY_MCPS),
      v.description(
        "Confine the key to these MCPs of the organization; default: the calling key's own (every MCP for an unconfined key).",
      ),
    ),
  ),
});

const mcpAccess = v.pipe(
  v.picklist(MCP_ACCESS_LEVELS),
  v.description('The highest tool access served: read, write (includes read) or delete (all).'),
);

const url = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_LENGTH),
  v.url('must be an absolute http or https URL'),
  v.check(
    (s) => mcpUrlProblem(s) === undefined,
    (issue) => mcpUrlProblem(String(issue.input)) ?? '',
  ),
  v.description('http(s) address, without credentials (they go in token or headers).'),
);

const toolsets = v.pipe(
  v.nullable(v.pipe(v.array(v.picklist(TOOLSETS)), v.minLength(1))),
  v.description('The toolsets served; null: all of them.'),
);

const token = v.pipe(
  v.string(),
  v.nonEmpty(),
  v.maxLength(MAX_HEADER_VALUE_LENGTH),
  v.description('The Plex token (X-Plex-Token). Stored encrypted; never answered.'),
);

const headers = v.pipe(
  jsonObject,
  v.record(
    v.pipe(
      v.string(),
      v.regex(HEADER_NAME_PATTERN, 'must be an HTTP header name'),
      v.check((s) => !isReservedHeader(s), 'is set by the MCP client itself'),
    ),
    v.pipe(
      v.string(),
      v.maxLength(MAX_HEADER_VALUE_LENGTH),
      v.regex(HEADER_VALUE_PATTERN, 'must not contain line breaks'),
    ),
  ),
  v.maxEntries(MAX_HEADERS, `must have at most ${MAX_HEADERS} entries`),
  v.description(
    'Sent on every request to the remote MCP (e.g. Authorization). Stored encrypted; never answered.',
  ),
);

/** An MCP as answered: whether it has a secret, never the secret. */
export const McpSchema = v.object({
  id: v.pipe(v.string(), v.description('mcp_…')),
  name: v.string(),
  kind: v.pipe(
    v.picklist(MCP_KINDS),
    v.description('plex: a Plex Media Server served with our tools; remote: another MCP server.'),
  ),
  url: v.pipe(
    v.nullable(v.string()),
    v.description("The server's address; null for the server's own Plex (PLEX_URL)."),
  ),
  access: mcpAccess,
  toolsets: v.pipe(
    v.nullable(v.array(v.picklist(TOOLSETS))),
    v.description('The toolsets served (Plex MCPs); null: all of them.'),
  ),
  builtin: v.pipe(
    v.boolean(),
    v.description("The server's own Plex, configured by PLEX_URL/PLEX_TOKEN rather than here."),
  ),
  has_secret: v.pipe(v.boolean(), v.description('Whether a token or headers are stored.')),
  created_at: timestamp('When the MCP was added'),
  updated_at: timestamp('When the MCP last changed'),
});

/** One MCP as `GET /mcps/{id}` answers it: with what a health probe found just now. */
export const McpDetailSchema = v.object({
  ...McpSchema.entries,
  status: v.pipe(
    v.picklist(['ok', 'unreachable', 'unauthorized', 'timeout', 'error']),
    v.description('A probe made for this answer: ok, or why the MCP cannot be used now.'),
  ),
  tool_count: v.pipe(
    v.nullable(v.pipe(v.number(), v.integer())),
    v.description('How many tools it serves (before the key’s scopes); null when not reachable.'),
  ),
});

/** What removing an MCP answers. */
export const DeletedMcpSchema = v.object({
  id: v.string(),
  deleted_at: timestamp('When the MCP was removed'),
});

/** `POST /mcps`: a Plex Media Server or a remote MCP server, told apart by `kind`. */
export const CreateMcpBody = v.variant('kind', [
  v.strictObject({
    kind: v.literal('plex'),
    name,
    url,
    token: v.optional(token),
    access: v.optional(mcpAccess),
    toolsets: v.optional(toolsets),
  }),
  v.strictObject({
    kind: v.literal('remote'),
    name,
    url,
    headers: v.optional(headers),
    access: v.optional(mcpAccess),
  }),
]);

/** `PATCH /mcps/{id}`: only the fields to change; null removes a secret or the toolset list. */
export const UpdateMcpBody = v.strictObject({
  kind: v.optional(v.never('cannot change: remove the MCP and add one of the other kind')),
  name: v.optional(name),
  url: v.optional(url),
  token: v.optional(v.nullable(token)),
  headers: v.optional(v.nullable(headers)),
  access: v.optional(mcpAccess),
  toolsets: v.optional(toolsets),
});
