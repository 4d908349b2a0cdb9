// `keys create|list|revoke`: the organization's managed API keys, through the same services
// (and rules) as /v1, acting as a static key with every scope.

import * as v from 'valibot';
import { CreateApiKeyBody } from '../routes/schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.js';
import type { ApiKey, CreatedApiKey } from '../services/views.js';
import { formatScopes, isScope, parseScopes, type Scope } from '../storage/scopes.js';
import { UsageError } from './admin-errors.js';
import { allItems } from './all-items.js';
import { positionalArgument, requiredOption, stringOption, validated } from './arguments.js';
import { type AdminCommand, lines, printResult } from './command.js';
import { findMember, firstOwner } from './find-member.js';
import { formatTable } from './table.js';
import { targetOrganization } from './target-organization.js';

/** What a key gets when `--scopes` does not say: everything but managing the organization. */
const DEFAULT_SCOPES: readonly Scope[] = ['read', 'write', 'delete'];

/** Options named after the fields of the API's request body they fill. */
const OPTION_OF = { expires_at: 'expires', member_id: 'member' };

/** The lines that show a new key's secret: the only time anyone sees it. */
export function keySecretLines(key: CreatedApiKey): string[] {
  return [
    `API key "${key.name}" (${key.id}), scopes ${scopesText(key.scopes)}${expiry(key)}:`,
    '',
    `    ${key.secret}`,
    '',
    'This key will not be shown again: store it now. Send it as `Authorization: Bearer <key>`.',
  ];
}

/** `keys create --name <name> [--scopes …] [--member <usr_id|email>] [--expires <date-time>]`. */
export const keysCreateCommand: AdminCommand = {
  group: 'keys',
  name: 'create',
  options: {
    name: { type: 'string' },
    scopes: { type: 'string' },
    member: { type: 'string' },
    expires: { type: 'string' },
  },
  prepare(args) {
    const body = validated(
      CreateApiKeyBody,
      {
        name: requiredOption(args, 'name'),
        scopes: scopesOption(stringOption(args, 'scopes')),
        expires_at: expiresOption(stringOption(args, 'expires')),
      },
      OPTION_OF,
    );
    const memberRef = stringOption(args, 'member');
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const member = memberRef
        ? await findMember(storage, caller, memberRef)
        : await firstOwner(storage, caller);
      const key = await createApiKey(storage, caller, { ...body, member_id: member.id });
      printResult(session, key, lines([...keySecretLines(key), `It acts for ${member.email}.`]));
    };
  },
};

/** `keys list`: every key of the organization, revoked and expired ones included. */
export const keysListCommand: AdminCommand = {
  group: 'keys',
  name: 'list',
  options: {},
  prepare(args) {
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const keys = await allItems((page) => listApiKeys(storage, caller, page));
      const now = new Date().toISOString();
      printResult(
        session,
        keys,
        keys.length === 0
          ? lines(['No API keys yet: create one with `keys create --name <name>`.'])
          : formatTable(
              ['ID', 'NAME', 'PREFIX', 'SCOPES', 'MEMBER', 'STATUS', 'LAST USED', 'EXPIRES'],
              keys.map((key) => [
                key.id,
                key.name,
                key.prefix,
                scopesText(key.scopes),
                key.member_id,
                status(key, now),
                key.last_used_at ?? '-',
                key.expires_at ?? '-',
              ]),
            ),
      );
    };
  },
};

/** `keys revoke <key_id>`: effective on the key's next request; revoking twice is harmless. */
export const keysRevokeCommand: AdminCommand = {
  group: 'keys',
  name: 'revoke',
  options: {},
  positional: '<key_id>',
  prepare(args) {
    const keyId = positionalArgument(args, 'the key id (key_…)');
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const key = await revokeApiKey(storage, caller, keyId);
      printResult(session, key, lines([`Revoked API key "${key.name}" (${key.id}).`]));
    };
  },
};

/** `read+write` (also `read,write`) as scopes; an unknown one is a usage error. */
function scopesOption(value: string | undefined): Scope[] {
  if (value === undefined) return [...DEFAULT_SCOPES];
  const words = value.split(/[+,\s]+/).filter((word) => word !== '');
  const unknown = words.filter((word) => !isScope(word));
  if (words.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--scopes takes read, write, delete and admin joined by +, e.g. read+write${
        unknown.length > 0 ? ` (not ${unknown.join(', ')})` : ''
      }.`,
    );
  }
  // Canonical order, no duplicates: what the key will be stored with.
  return parseScopes(formatScopes(words as Scope[]));
}

/** `--expires` checked as the API checks `expires_at`, with an example instead of valibot's words. */
function expiresOption(value: string | undefined): string | undefined {
  if (value === undefined || v.is(CreateApiKeyBody.entries.expires_at, value)) return value;
  throw new UsageError('--expires must be an ISO-8601 date and time, e.g. 2030-01-31T00:00:00Z.');
}

function scopesText(scopes: readonly Scope[]): string {
  return scopes.join('+');
}

function expiry(key: ApiKey): string {
  return key.expires_at ? `, expires ${key.expires_at}` : '';
}

function status(key: ApiKey, now: string): string {
  if (key.revoked_at) return 'revoked';
  // Stored timestamps are fixed-width ISO strings, so they compare as times.
  if (key.expires_at && key.expires_at <= now) return 'expired';
  return 'active';
}
