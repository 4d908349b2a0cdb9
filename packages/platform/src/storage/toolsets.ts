// An MCP's toolsets and their stored form: the only code that reads or writes `mcps.toolsets`.

import type { ToolModule } from '@plexmcp/plex-tools';

// plex-tools names its modules as a type only; a record keyed by that type fails to compile
// when a module is added there and not here, so the list below cannot fall behind.
const EVERY_MODULE: Record<ToolModule, true> = {
  library: true,
  media: true,
  playlist: true,
  collection: true,
  user: true,
  sessions: true,
  server: true,
  client: true,
};

/** Every toolset (plex-tools module) a Plex MCP can serve, in canonical order. */
export const TOOLSETS = Object.keys(EVERY_MODULE) as readonly ToolModule[];

/** Whether a string names a toolset. */
export function isToolset(value: string): value is ToolModule {
  return Object.hasOwn(EVERY_MODULE, value);
}

/** The stored form of a toolset list: null for all, else space-separated in canonical order. */
export function formatToolsets(toolsets: Iterable<ToolModule> | null): string | null {
  if (toolsets === null) return null;
  const set = new Set<string>();
  for (const toolset of toolsets) {
    if (!isToolset(toolset)) throw new TypeError(`Unknown toolset '${String(toolset)}'`);
    set.add(toolset);
  }
  // An empty list would serve no tool at all: callers refuse it before it gets here.
  if (set.size === 0) throw new TypeError('An MCP needs at least one toolset, or null for all');
  return TOOLSETS.filter((t) => set.has(t)).join(' ');
}

/** The toolsets in a stored value (null: all); an unknown word is corruption and throws. */
export function parseToolsets(stored: string | null): ToolModule[] | null {
  if (stored === null) return null;
  const words = stored.split(' ').filter((w) => w !== '');
  for (const word of words) {
    if (!isToolset(word)) throw new TypeError(`Stored toolsets contain unknown toolset '${word}'`);
  }
  return TOOLSETS.filter((t) => words.includes(t));
}
