import type { AnyTool } from './define-tool.js';
import type { ToolErrorInfo } from './errors.js';

/** One input and the names callers used for it before, with how their values become its value. */
interface Alias {
  name: string;
  /** Old names, in the order the tools used to prefer them: an id over a title. */
  old: readonly string[];
  /** The new input's value from the old names sent (`sent` in the order of `old`). */
  value(sent: readonly { name: string; value: unknown }[]): unknown;
}

/** Ids were string or integer before; the new inputs are strings. */
const asString = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/** A thing addressed by id or title: the first old name sent wins, as the tools picked an id. */
const oneThing = (name: string, old: readonly string[]): Alias => ({
  name,
  old,
  value: (sent) => asString(sent[0]?.value),
});

/**
 * Inputs that were one per kind of thing before a thing addressed by id or title became one
 * input, and media_edit_metadata's eight tag lists before they became `kind:name` entries.
 * Clients with hard-coded arguments (REST `/tools`, MoviePilot's door, SDK builds generated
 * from an older server) still send the old names, so they are mapped onto the new inputs before
 * validation — and never listed, so they cost a model nothing.
 */
const ALIASES: readonly Alias[] = [
  oneThing('media', ['media_id', 'media_title']),
  oneThing('library', ['library_id', 'library_name']),
  oneThing('playlist', ['playlist_id', 'playlist_title']),
  oneThing('collection', ['collection_id', 'collection_title']),
  oneThing('client', ['client_id', 'client_name']),
  {
    // Ids, then titles, as the tools resolved them.
    name: 'items',
    old: ['item_ids', 'item_titles'],
    value: (sent) =>
      sent.flatMap(({ value }) => (Array.isArray(value) ? value.map(asString) : [value])),
  },
  tagLists('add'),
  tagLists('remove'),
];

/** `add_genres: ["Noir"]` → `add_tags: ["genre:Noir"]`, and so for each kind and for remove. */
function tagLists(verb: 'add' | 'remove'): Alias {
  const kinds = { genres: 'genre', labels: 'label', directors: 'director', writers: 'writer' };
  const kindOf = (old: string) => kinds[old.slice(verb.length + 1) as keyof typeof kinds];
  return {
    name: `${verb}_tags`,
    old: Object.keys(kinds).map((plural) => `${verb}_${plural}`),
    // Anything but a list is passed on for validation to name: it fails the `kind:name` pattern.
    value: (sent) =>
      sent.flatMap(({ name, value }) =>
        Array.isArray(value) ? value.map((tag) => `${kindOf(name)}:${tag}`) : [value],
      ),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Arguments with old input names replaced by the new ones a tool takes, or INVALID_INPUT when
 * an old name and its new name are both given with different values. A name the tool itself
 * still takes (`media_delete`'s `media_id`, `collection_edit`'s `add_labels`) is left alone;
 * anything but an object is passed on for validation to refuse.
 */
export function applyInputAliases(
  tool: AnyTool,
  args: unknown,
): { ok: true; args: unknown } | { ok: false; error: ToolErrorInfo } {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return { ok: true, args };
  const entries = tool.input.entries as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const alias of ALIASES) {
    if (!(alias.name in entries)) continue;
    const used = alias.old.filter((old) => !(old in entries) && out[old] !== undefined);
    if (used.length === 0) continue;
    const value = alias.value(used.map((name) => ({ name, value: out[name] })));
    const given = out[alias.name];
    if (given !== undefined && !same(given, value)) return disagreement(tool, alias.name, used);
    out[alias.name] = value;
    for (const old of used) delete out[old];
  }
  return { ok: true, args: out };
}

/** The INVALID_INPUT for a new input sent beside its old name(s) with another value. */
function disagreement(
  tool: AnyTool,
  name: string,
  used: readonly string[],
): { ok: false; error: ToolErrorInfo } {
  const names = used.length > 1 ? 'its old names' : 'its old name';
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `Invalid arguments for ${tool.name}: ${name} and ${used.join(' and ')} (${names}) disagree. Give only ${name}.`,
      details: { issues: [{ field: name, problem: `differs from ${used.join(', ')}` }] },
    },
  };
}
