// Who is asking: the only identity services accept. It is built by authentication (a managed
// key from the database, or a static key the operator configured), never from request input,
// so every query can filter by `organizationId` without trusting an id a caller sent.

import { PlatformError } from '../http/platform-error.js';
import type { Plan, Role } from '../storage/schema.js';
import type { Scope } from '../storage/scopes.js';

/** The authenticated caller of a service: their organization, member, key and scopes. */
export interface Caller {
  /** The tenant: every read and write of a service is confined to this organization. */
  readonly organizationId: string;
  /** The member the key acts for; null for a static key (it belongs to no person). */
  readonly memberId: string | null;
  /** The managed key used; null for a static key. */
  readonly keyId: string | null;
  /** The member's role; a static key acts as an owner (the operator configured it). */
  readonly role: Role;
  /** What the key may do. */
  readonly scopes: readonly Scope[];
  /** True for a key from PLEX_MCP_API_KEYS rather than the database. */
  readonly static: boolean;
  /** The MCPs the key is confined to (`mcp_…` ids); null: every MCP of the organization. */
  readonly mcpIds: readonly string[] | null;
  /**
   * The organization's plan when the caller was made (it sets the key's rate limit). Read with
   * the key, so it is as fresh as the caller: the host reuses callers for under a second.
   */
  readonly plan: Plan;
}

/**
 * A caller for a static key of `organizationId` (e.g. the default organization). The plan is
 * the organization's when the caller of a request is made (the host passes it); it defaults to
 * `team`, the self-hosted default, where nothing is limited by it (the admin CLI, tests).
 */
export function staticCaller(
  organizationId: string,
  scopes: readonly Scope[],
  plan: Plan = 'team',
): Caller {
  return {
    organizationId,
    memberId: null,
    keyId: null,
    role: 'owner',
    scopes,
    static: true,
    mcpIds: null,
    plan,
  };
}

/** Whether the caller's key may reach MCP `mcpId` (an MCP outside its list answers 404). */
export function mayReachMcp(caller: Caller, mcpId: string): boolean {
  return caller.mcpIds === null || caller.mcpIds.includes(mcpId);
}

/** A 403 `forbidden`: the caller is known but may not do this (never used for other orgs' ids). */
export function forbidden(message: string): PlatformError {
  return new PlatformError('forbidden', 403, message);
}

/** Refuses unless the caller's key carries `admin` (routes check first; services check again). */
export function requireAdmin(caller: Caller): void {
  if (!caller.scopes.includes('admin')) {
    throw forbidden('This needs a key with the admin scope.');
  }
}

/** The most a key of a member with `role` may carry: a `member` never holds `admin`. */
export function scopeCeiling(role: Role): readonly Scope[] {
  return role === 'member' ? ['read', 'write', 'delete'] : ['read', 'write', 'delete', 'admin'];
}
