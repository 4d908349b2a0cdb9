// API key scopes and their stored form: the only code that reads or writes `api_keys.scopes`.

/** Every scope a key can carry, in canonical order. */
export const SCOPES = ['read', 'write', 'delete', 'admin'] as const;
/** One scope: which tools (`read`/`write`/`delete`) or management (`admin`). */
export type Scope = (typeof SCOPES)[number];

/** Whether a string names a scope. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The stored form of a set of scopes: space-separated, canonical order, no duplicates. */
export function formatScopes(scopes: Iterable<Scope>): string {
  const set = new Set<string>();
  for (const scope of scopes) {
    if (!isScope(scope)) throw new TypeError(`Unknown scope '${String(scope)}'`);
    set.add(scope);
  }
  if (set.size === 0) throw new TypeError('A key needs at least one scope');
  return SCOPES.filter((s) => set.has(s)).join(' ');
}

/** The scopes in a stored string, in canonical order; an unknown word is corruption and throws. */
export function parseScopes(stored: string): Scope[] {
  const words = stored.split(' ').filter((w) => w !== '');
  for (const word of words) {
    if (!isScope(word)) throw new TypeError(`Stored scopes contain unknown scope '${word}'`);
  }
  return SCOPES.filter((s) => words.includes(s));
}
