import { BASE62, randomString } from './secrets/random.js';

/** The kinds of platform object that carry a prefixed id: organization, member, API key, MCP. */
export type IdKind = 'org' | 'usr' | 'key' | 'mcp';

/** Every id kind, e.g. for validating a kind read from input. */
export const ID_KINDS: readonly IdKind[] = ['org', 'usr', 'key', 'mcp'];

/** Random characters after `<kind>_`: 20 base62 characters are about 119 bits, never guessable. */
export const ID_RANDOM_LENGTH = 20;

// Base62 rather than base64url so an id has no `-` or `_` of its own: the kind ends at the only
// underscore, and a double click selects the whole id.
const patterns = new Map<IdKind, RegExp>(
  ID_KINDS.map((kind) => [kind, new RegExp(`^${kind}_[0-9A-Za-z]{${ID_RANDOM_LENGTH}}$`)]),
);

/** A new opaque id such as `org_4fZ0q…` (the kind, `_`, 20 random base62 characters). */
export function newId(kind: IdKind): string {
  if (!patterns.has(kind)) throw new TypeError(`unknown id kind: ${String(kind)}`);
  return `${kind}_${randomString(ID_RANDOM_LENGTH, BASE62)}`;
}

/**
 * Whether `value` is a well-formed id of `kind`, so a route can answer 404 for a malformed path
 * parameter without a database look-up. Well-formed does not mean it exists.
 */
export function isId(kind: IdKind, value: unknown): value is string {
  const pattern = patterns.get(kind);
  return pattern !== undefined && typeof value === 'string' && pattern.test(value);
}
