import type { TagRef } from '../../state/types.js';

/** One field as an edit names it: `{field}.value` and/or `{field}.locked`. */
export interface FieldEdit {
  value?: string;
  locked?: boolean;
}

/**
 * One tag kind as an edit names it: `{tag}[i].tag.tag` adds (with `{tag}[i].tagging.text` as a
 * cast member's character), `{tag}[].tag.tag-` removes a comma list, `{tag}[].tag` clears them
 * all and `{tag}.locked` locks or unlocks the kind.
 */
export interface TagEdit {
  add: TagRef[];
  remove: string[];
  clear: boolean;
  locked?: boolean;
}

/** Everything one edit request asks for, keyed by the names the query uses (`genre`, `title`). */
export interface EditPlan {
  fields: Map<string, FieldEdit>;
  tags: Map<string, TagEdit>;
}

/**
 * Tag names the edit syntax knows, whether or not the emulator stores that kind. A `.locked`
 * on one of these locks tags, not a field.
 */
export const TAG_PARAMS: ReadonlySet<string> = new Set([
  'genre',
  'director',
  'writer',
  'producer',
  'country',
  'label',
  'collection',
  'style',
  'mood',
  'actor',
  'role',
  'similar',
  'tag',
  'autotag',
]);

const TAG_ADD = /^(\w+)\[(\d+)\]\.tag\.tag$/;
const TAG_TEXT = /^(\w+)\[(\d+)\]\.tagging\.text$/;
const TAG_REMOVE = /^(\w+)\[\]\.tag\.tag-$/;
const TAG_CLEAR = /^(\w+)\[\]\.tag$/;
const FIELD_VALUE = /^(\w+)\.value$/;
const LOCKED = /^(\w+)\.locked$/;

/**
 * Reads the edit syntax PMS accepts on `PUT /library/sections/{id}/all` (and on
 * `PUT /library/metadata/{ids}`), exactly as python-plexapi writes it. Keys arrive decoded
 * (`genre[0].tag.tag` whether or not the client escaped the brackets). Removal values are
 * percent-encoded twice by python-plexapi so that names may contain commas: after the normal
 * decode they are split on `,` and each piece is decoded again. Dotted names such as
 * `artist.title.value` (music reparenting) and unknown parameters are ignored, as PMS ignores
 * what it does not understand.
 */
export function parseEditQuery(query: URLSearchParams): EditPlan {
  const fields = new Map<string, FieldEdit>();
  const tags = new Map<string, TagEdit>();
  const added = new Map<string, Map<number, TagRef>>();
  const tagEdit = (name: string): TagEdit => {
    let edit = tags.get(name);
    if (!edit) {
      edit = { add: [], remove: [], clear: false };
      tags.set(name, edit);
    }
    return edit;
  };
  const addedAt = (name: string, index: number): TagRef => {
    let byIndex = added.get(name);
    if (!byIndex) {
      byIndex = new Map();
      added.set(name, byIndex);
    }
    let ref = byIndex.get(index);
    if (!ref) {
      ref = { tag: '' };
      byIndex.set(index, ref);
    }
    tagEdit(name);
    return ref;
  };

  for (const [key, value] of query) {
    let match = TAG_ADD.exec(key);
    if (match?.[1] && match[2]) {
      addedAt(match[1], Number(match[2])).tag = value.trim();
      continue;
    }
    match = TAG_TEXT.exec(key);
    if (match?.[1] && match[2]) {
      if (value !== '') addedAt(match[1], Number(match[2])).role = value;
      continue;
    }
    match = TAG_REMOVE.exec(key);
    if (match?.[1]) {
      tagEdit(match[1]).remove.push(...splitRemoval(value));
      continue;
    }
    match = TAG_CLEAR.exec(key);
    if (match?.[1]) {
      tagEdit(match[1]).clear = true;
      continue;
    }
    match = LOCKED.exec(key);
    if (match?.[1]) {
      const locked = value !== '0' && value !== '' && value !== 'false';
      if (TAG_PARAMS.has(match[1])) tagEdit(match[1]).locked = locked;
      else fieldEdit(fields, match[1]).locked = locked;
      continue;
    }
    match = FIELD_VALUE.exec(key);
    if (match?.[1]) fieldEdit(fields, match[1]).value = value;
  }

  for (const [name, byIndex] of added) {
    const edit = tagEdit(name);
    const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref);
    edit.add.push(...ordered.filter((ref) => ref.tag !== ''));
  }
  return { fields, tags };
}

/** Whether a plan asks for nothing at all. */
export function isEmptyPlan(plan: EditPlan): boolean {
  return plan.fields.size === 0 && plan.tags.size === 0;
}

function fieldEdit(fields: Map<string, FieldEdit>, name: string): FieldEdit {
  let edit = fields.get(name);
  if (!edit) {
    edit = {};
    fields.set(name, edit);
  }
  return edit;
}

function splitRemoval(value: string): string[] {
  return value
    .split(',')
    .map((piece) => {
      try {
        return decodeURIComponent(piece).trim();
      } catch {
        // A stray `%` in a name sent without the second encoding: keep it as written.
        return piece.trim();
      }
    })
    .filter((piece) => piece !== '');
}
