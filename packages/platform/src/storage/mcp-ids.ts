// The MCPs a key is confined to, and their stored form: the only code that reads or writes
// `api_keys.mcp_ids`.

import { isId } from '../ids.js';

/**
 * The stored form of a key's MCP list: null for every MCP, else the distinct ids sorted and
 * space-separated. An empty list is refused: stored as '' it would read as "no restriction"
 * to anyone who confused it with null, and a key that can reach nothing is of no use.
 */
export function formatMcpIds(ids: Iterable<string> | null): string | null {
  if (ids === null) return null;
  const set = new Set<string>();
  for (const id of ids) {
    if (!isId('mcp', id)) throw new TypeError(`Not an MCP id: '${String(id)}'`);
    set.add(id);
  }
  if (set.size === 0) throw new TypeError('A restricted key needs at least one MCP id');
  return [...set].sort().join(' ');
}

/** The ids in a stored value (null: every MCP); a word that is not an MCP id throws. */
export function parseMcpIds(stored: string | null): string[] | null {
  if (stored === null) return null;
  const words = stored.split(' ').filter((w) => w !== '');
  for (const word of words) {
    if (!isId('mcp', word)) throw new TypeError('Stored mcp_ids contain something not an MCP id');
  }
  // Never widen a damaged value into "every MCP": an empty list stays empty (reaches nothing).
  return words;
}
