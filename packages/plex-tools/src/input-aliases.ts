import type { AnyTool } from './define-tool.js';
import type { ToolErrorInfo } from './errors.js';

/**
 * Input names callers used before a thing addressed by id or title became one input. Clients
 * with hard-coded arguments (REST `/tools`, MoviePilot's door, older SDK builds) still send them,
 * so they are mapped onto the new input before validation — and never listed, so they cost a
 * model nothing. Old names are in the order the tools used to prefer them: an id over a title.
 */
const ALIASES = {
  media: ['media_id', 'media_title'],
  library: ['library_id', 'library_name'],
  playlist: ['playlist_id', 'playlist_title'],
  collection: ['collection_id', 'collection_title'],
  client: ['client_id', 'client_name'],
  items: ['item_ids', 'item_titles'],
} as const satisfies Record<string, readonly string[]>;

/**
 * media_edit_metadata's tag lists before they became `kind:name` entries of two inputs: each old
 * list's names get their kind as a prefix ("Noir" in add_genres is "genre:Noir" in add_tags).
 */
const TAG_ALIASES = {
  add_tags: {
    add_genres: 'genre',
    add_labels: 'label',
    add_directors: 'director',
    add_writers: 'writer',
  },
  remove_tags: {
    remove_genres: 'genre',
    remove_labels: 'label',
    remove_directors: 'director',
    remove_writers: 'writer',
  },
} as const satisfies Record<string, Record<string, string>>;

/** Ids were string or integer before; the new inputs are strings. */
const asString = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/**
 * The value the old names give the new input: the first one given for a single thing (as the
 * tools picked `media_id` over `media_title`), all of them in order for a list (ids, then titles).
 */
function aliasValue(name: string, given: readonly unknown[]): unknown {
  if (name !== 'items') return asString(given[0]);
  return given.flatMap((list) => (Array.isArray(list) ? list.map(asString) : [list]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Arguments with old input names replaced by the new ones a tool takes, or INVALID_INPUT when
 * an old name and its new name are both given with different values. A name the tool itself
 * still takes (`media_delete`'s `media_id`) is left alone; anything but an object is passed on
 * for validation to refuse.
 */
export function applyInputAliases(
  tool: AnyTool,
  args: unknown,
): { ok: true; args: unknown } | { ok: false; error: ToolErrorInfo } {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return { ok: true, args };
  const entries = tool.input.entries as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  const sent = (old: string) => !(old in entries) && out[old] !== undefined;
  for (const [name, oldNames] of Object.entries(ALIASES)) {
    if (!(name in entries)) continue;
    const used = oldNames.filter(sent);
    if (used.length === 0) continue;
    const value = aliasValue(
      name,
      used.map((old) => out[old]),
    );
    const refused = disagreement(tool, name, used, out[name], value);
    if (refused) return refused;
    out[name] = value;
    for (const old of used) delete out[old];
  }
  for (const [name, kinds] of Object.entries(TAG_ALIASES)) {
    if (!(name in entries)) continue;
    const used = Object.keys(kinds).filter(sent);
    if (used.length === 0) continue;
    const value = used.flatMap((old) => {
      const names = out[old];
      const kind = kinds[old as keyof typeof kinds];
      // Anything but a list is left for validation to name: it fails the `kind:name` pattern.
      return Array.isArray(names) ? names.map((tag) => `${kind}:${tag}`) : [names];
    });
    const refused = disagreement(tool, name, used, out[name], value);
    if (refused) return refused;
    out[name] = value;
    for (const old of used) delete out[old];
  }
  return { ok: true, args: out };
}

/** INVALID_INPUT when the new input was given too, with another value; undefined otherwise. */
function disagreement(
  tool: AnyTool,
  name: string,
  used: readonly string[],
  given: unknown,
  value: unknown,
): { ok: false; error: ToolErrorInfo } | undefined {
  if (given === undefined || same(given, value)) return undefined;
  const old = used.join(' and ');
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `Invalid arguments for ${tool.name}: ${name} and ${old} (its old name${used.length > 1 ? 's' : ''}) disagree. Give only ${name}.`,
      details: { issues: [{ field: name, problem: `differs from ${used.join(', ')}` }] },
    },
  };
}
