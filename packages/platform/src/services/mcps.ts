// The MCPs of the caller's organization: list, get, add, change, remove. Every query is filtered
// by the caller's organization, and a key confined to some MCPs (mcp_ids) sees only those:
// anything else is not found (404), never forbidden, so nothing of it leaks.

import type { KeyObject } from 'node:crypto';
import type { ToolModule } from '@plexmcp/plex-tools';
import { type FieldProblem, invalidRequest } from '../http/platform-error.js';
import type { Page } from '../http/route.js';
import { newId } from '../ids.js';
import { constraintViolation } from '../storage/constraint.js';
import type { McpAccess, McpRow, McpUpdate } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { formatToolsets } from '../storage/toolsets.js';
import { nameKey, toTimestamp } from '../storage/values.js';
import { type Caller, forbidden, mayReachMcp, requireAdmin } from './caller.js';
import { headerProblems } from './mcp-headers.js';
import { openMcpSecret, sealHeaders, sealToken } from './mcp-secret.js';
import { mcpUrlProblem } from './mcp-url.js';
import type { PageSlice } from './page.js';
import { countOf, lockRows, noSuch } from './tenancy.js';
import { type Mcp, mcpView } from './views.js';

/** A Plex Media Server to add. */
export interface CreatePlexMcpInput {
  kind: 'plex';
  name: string;
  /** http(s) address of the server. */
  url: string;
  /** The Plex token, stored sealed; absent for a server that needs none. */
  token?: string | undefined;
  /** Default `read`: an MCP added without saying serves read tools only. */
  access?: McpAccess | undefined;
  /** Default null: every toolset. */
  toolsets?: readonly ToolModule[] | null | undefined;
}

/** Another MCP server (Streamable HTTP) to add. */
export interface CreateRemoteMcpInput {
  kind: 'remote';
  name: string;
  url: string;
  /** Sent on every request to it (e.g. Authorization), stored sealed. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Default `read`; applied to the remote tools' annotations. */
  access?: McpAccess | undefined;
}

/** An MCP to add. */
export type CreateMcpInput = CreatePlexMcpInput | CreateRemoteMcpInput;

/** What may change on an MCP (its kind never does). Null clears a secret or the toolset list. */
export interface UpdateMcpInput {
  name?: string | undefined;
  url?: string | undefined;
  /** Plex only; null removes it. */
  token?: string | null | undefined;
  /** Remote only; replaces them all; null removes them. */
  headers?: Readonly<Record<string, string>> | null | undefined;
  access?: McpAccess | undefined;
  /** Plex only; null: every toolset. */
  toolsets?: readonly ToolModule[] | null | undefined;
}

/** What removing an MCP answers. */
export interface DeletedMcp {
  id: string;
  deleted_at: string;
}

/** The words for the builtin MCP's address and token, which only the server's config sets. */
const BUILTIN_CONNECTION =
  "comes from the server's PLEX_URL/PLEX_TOKEN: change them in its configuration";

/** One page of the MCPs the caller may reach, oldest first (ties broken by id). */
export async function listMcps(
  storage: Storage,
  caller: Caller,
  page: PageSlice,
): Promise<Page<Mcp>> {
  if (caller.mcpIds !== null && caller.mcpIds.length === 0) return { items: [], total: 0 };
  let reachable = storage.db
    .selectFrom('mcps')
    .where('organization_id', '=', caller.organizationId);
  if (caller.mcpIds !== null) reachable = reachable.where('id', 'in', caller.mcpIds);
  const [rows, total] = await Promise.all([
    reachable
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(page.per_page)
      .offset(page.offset)
      .execute(),
    reachable.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
  ]);
  return { items: rows.map(mcpView), total: countOf(total) };
}

/** The row of MCP `id` if the caller may reach it; 404 otherwise (other org, outside mcp_ids). */
async function reachableMcpRow(storage: Storage, caller: Caller, id: string): Promise<McpRow> {
  const row = mayReachMcp(caller, id)
    ? await storage.db
        .selectFrom('mcps')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', caller.organizationId)
        .executeTakeFirst()
    : undefined;
  if (!row) noSuch('MCP', id);
  return row;
}

/** One MCP of the caller's organization (never its secret). */
export async function getMcp(storage: Storage, caller: Caller, id: string): Promise<Mcp> {
  return mcpView(await reachableMcpRow(storage, caller, id));
}

/** An MCP with its secret opened, for connecting to it. Never part of an answer. */
export interface McpWithSecret {
  mcp: Mcp;
  /**
   * The Plex token (kind `plex`), or the headers as a JSON object string (kind `remote`); null
   * when there is none (and always for the builtin MCP, whose token is the server's own).
   */
  secret: string | null;
}

/**
 * MCP `id` with its secret opened, for the runtime to connect to it: any key that may reach it
 * (404 otherwise, as getMcp). Throws CipherError when the secret does not open (another key,
 * or a sealed value moved from another row). The one function that hands out plaintext secrets.
 */
export async function loadMcpTarget(
  storage: Storage,
  secretKey: KeyObject,
  caller: Caller,
  id: string,
): Promise<McpWithSecret> {
  const row = await reachableMcpRow(storage, caller, id);
  const secret =
    row.secret_sealed === null ? null : openMcpSecret(secretKey, row.id, row.secret_sealed);
  return { mcp: mcpView(row), secret };
}

/** A refusal listing every problem found, or nothing when there is none. */
function refuse(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
  throw invalidRequest(`Invalid MCP: ${summary}.`, problems);
}

/** The checks routes make too, repeated for callers without a route (the CLI). */
function inputProblems(input: UpdateMcpInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && input.name.trim() === '') {
    problems.push({ field: 'name', problem: 'must not be blank' });
  }
  const urlProblem = input.url === undefined ? undefined : mcpUrlProblem(input.url);
  if (urlProblem) problems.push({ field: 'url', problem: urlProblem });
  if (input.token === '') problems.push({ field: 'token', problem: 'must not be empty' });
  if (input.headers) problems.push(...headerProblems(input.headers));
  if (input.toolsets && input.toolsets.length === 0) {
    problems.push({ field: 'toolsets', problem: 'must name at least one toolset, or be null' });
  }
  return problems;
}

/** A taken name is a 400 naming `name`, decided by the unique index (no race can pass both). */
function duplicateName(error: unknown): unknown {
  if (constraintViolation(error) !== 'unique') return error;
  return invalidRequest('An MCP with this name already exists in the organization.', [
    { field: 'name', problem: 'is already the name of an MCP of this organization' },
  ]);
}

/**
 * Adds an MCP (admin) and answers it (201). Its secret is sealed with the platform's key and
 * bound to the new row. A key confined to some MCPs cannot add one: it could not see it after.
 */
export async function createMcp(
  storage: Storage,
  secretKey: KeyObject,
  caller: Caller,
  input: CreateMcpInput,
  now: Date = new Date(),
): Promise<Mcp> {
  requireAdmin(caller);
  if (caller.mcpIds !== null) {
    throw forbidden('A key confined to some MCPs cannot add MCPs; use a key without mcp_ids.');
  }
  refuse(inputProblems(input));
  const id = newId('mcp');
  const stamp = toTimestamp(now);
  const plex = input.kind === 'plex' ? input : undefined;
  const remote = input.kind === 'remote' ? input : undefined;
  let sealed: string | null = null;
  if (plex?.token !== undefined) sealed = sealToken(secretKey, id, plex.token);
  if (remote?.headers !== undefined && Object.keys(remote.headers).length > 0) {
    sealed = sealHeaders(secretKey, id, remote.headers);
  }
  try {
    const row = await storage.db
      .insertInto('mcps')
      .values({
        id,
        organization_id: caller.organizationId,
        name: input.name.trim(),
        name_key: nameKey(input.name),
        kind: input.kind,
        url: input.url.trim(),
        secret_sealed: sealed,
        access: input.access ?? 'read',
        toolsets: formatToolsets(plex?.toolsets ?? null),
        origin: 'stored',
        created_at: stamp,
        updated_at: stamp,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return mcpView(row);
  } catch (error) {
    throw duplicateName(error);
  }
}

/** Fields the patch sets that the MCP's kind or origin does not allow. */
function patchProblems(row: McpRow, patch: UpdateMcpInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = (field: keyof UpdateMcpInput) => patch[field] !== undefined;
  if (row.kind === 'plex' && has('headers')) {
    problems.push({ field: 'headers', problem: 'belong to remote MCPs; a Plex MCP has a token' });
  }
  if (row.kind === 'remote') {
    if (has('token')) {
      problems.push({ field: 'token', problem: 'belongs to Plex MCPs; a remote MCP has headers' });
    }
    if (has('toolsets')) {
      problems.push({ field: 'toolsets', problem: 'belong to Plex MCPs' });
    }
  }
  if (row.origin === 'server') {
    if (has('url')) problems.push({ field: 'url', problem: BUILTIN_CONNECTION });
    if (has('token')) problems.push({ field: 'token', problem: BUILTIN_CONNECTION });
  }
  return problems;
}

/** The column values of a checked patch (secrets sealed to the row). */
function columnsOf(
  secretKey: KeyObject,
  row: McpRow,
  patch: UpdateMcpInput,
  stamp: string,
): McpUpdate {
  const set: McpUpdate = { updated_at: stamp };
  if (patch.name !== undefined) {
    set.name = patch.name.trim();
    set.name_key = nameKey(patch.name);
  }
  if (patch.url !== undefined) set.url = patch.url.trim();
  if (patch.access !== undefined) set.access = patch.access;
  if (patch.toolsets !== undefined) set.toolsets = formatToolsets(patch.toolsets);
  if (patch.token !== undefined) {
    set.secret_sealed = patch.token === null ? null : sealToken(secretKey, row.id, patch.token);
  }
  const headers = patch.headers;
  if (headers !== undefined) {
    // No headers at all is stored as no secret, so has_secret says whether any are sent.
    set.secret_sealed =
      headers === null || Object.keys(headers).length === 0
        ? null
        : sealHeaders(secretKey, row.id, headers);
  }
  return set;
}

/**
 * Changes an MCP (admin): name, url, token or headers, access, toolsets. Its kind never changes
 * (delete it and add another), and the builtin MCP's address and token belong to the server's
 * configuration. The row is read and locked in the transaction that writes it.
 */
export async function updateMcp(
  storage: Storage,
  secretKey: KeyObject,
  caller: Caller,
  id: string,
  patch: UpdateMcpInput,
  now: Date = new Date(),
): Promise<Mcp> {
  requireAdmin(caller);
  refuse(inputProblems(patch));
  try {
    return await storage.db.transaction().execute(async (trx) => {
      const row = mayReachMcp(caller, id)
        ? await lockRows(
            storage.dialect,
            trx
              .selectFrom('mcps')
              .selectAll()
              .where('id', '=', id)
              .where('organization_id', '=', caller.organizationId),
          ).executeTakeFirst()
        : undefined;
      if (!row) noSuch('MCP', id);
      refuse(patchProblems(row, patch));
      const updated = await trx
        .updateTable('mcps')
        .set(columnsOf(secretKey, row, patch, toTimestamp(now)))
        .where('id', '=', id)
        .where('organization_id', '=', caller.organizationId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return mcpView(updated);
    });
  } catch (error) {
    throw duplicateName(error);
  }
}

/**
 * Removes an MCP (admin). Keys confined to it keep its id, which matches nothing from now on
 * (ids are never reused); a key confined to it alone reaches nothing rather than everything.
 * The builtin MCP is removed by unsetting PLEX_URL, not here.
 */
export async function deleteMcp(
  storage: Storage,
  caller: Caller,
  id: string,
  now: Date = new Date(),
): Promise<DeletedMcp> {
  requireAdmin(caller);
  return storage.db.transaction().execute(async (trx) => {
    const row = mayReachMcp(caller, id)
      ? await lockRows(
          storage.dialect,
          trx
            .selectFrom('mcps')
            .select(['id', 'origin'])
            .where('id', '=', id)
            .where('organization_id', '=', caller.organizationId),
        ).executeTakeFirst()
      : undefined;
    if (!row) noSuch('MCP', id);
    if (row.origin === 'server') {
      throw invalidRequest("This is the server's own Plex: unset PLEX_URL to remove it.", [
        { field: 'id', problem: "is the server's own Plex (PLEX_URL)" },
      ]);
    }
    await trx
      .deleteFrom('mcps')
      .where('id', '=', id)
      .where('organization_id', '=', caller.organizationId)
      .execute();
    return { id, deleted_at: toTimestamp(now) };
  });
}
