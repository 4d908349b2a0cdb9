import type { ItemRecord, ItemType, SectionType } from '../state/types.js';
import type { QueryEnv } from './env.js';
import { QueryError } from './errors.js';
import { ACCEPTED_OPERATORS, type FieldDef, fieldDef, typeHasField } from './fields.js';
import { isValidScope, levelsAbove, levelsBelow, relatedAt, scopeType } from './hierarchy.js';
import { parseBoolean, parseDate, parseNumber, parseResolution } from './values.js';

/** One `field<op>value[,value…]` condition, resolved and validated. */
export interface FilterClause {
  kind: 'clause';
  /** The level the field is read at: `show` in `show.title`, else the result type. */
  scope: ItemType;
  field: FieldDef;
  /** `=`, `!=`, `==`, `!==`, `>>=`, `<<=`, `>=`, `<=`. */
  operator: string;
  /** The comma-separated alternatives (OR), as sent; numbers and dates are in `numbers`. */
  values: readonly string[];
  /** Numeric values for integer and date fields (dates in Unix seconds, relative ones resolved). */
  numbers: readonly number[];
}

/** Clauses joined by AND or OR; `push=1`/`pop=1` groups nest. */
export interface FilterGroup {
  kind: 'and' | 'or';
  terms: readonly FilterTerm[];
}

/** A clause or a group of them. */
export type FilterTerm = FilterClause | FilterGroup;

/** Where a filter is read: which section, which result type, and the default scope. */
export interface FilterContext {
  sectionType: SectionType;
  /** The result type (`type=`). */
  type: ItemType;
  /** `sourceType=`: the level unqualified fields refer to; defaults to `type`. */
  sourceType?: ItemType;
  /** Unix seconds, for relative dates such as `-30d`. */
  now: number;
  /** Extra query parameters that are not filters on this endpoint (e.g. `query` on search). */
  ignore?: ReadonlySet<string>;
}

/** Query parameters of `/all` that are never filters. */
const RESERVED = new Set([
  'type',
  'sort',
  'limit',
  'group',
  'having',
  'sourceType',
  'checkFiles',
  'asyncCheckFiles',
  'clusterZoomLevel',
  'contentDirectoryID',
  'pinnedContentDirectoryID',
  'sectionID',
]);

/** Whether a query parameter is paging, a client header, an `include*` flag or a reserved word. */
export function isReservedParam(name: string): boolean {
  return (
    RESERVED.has(name) ||
    name.toLowerCase().startsWith('x-plex-') ||
    name.startsWith('include') ||
    name.startsWith('exclude')
  );
}

/**
 * Reads the filter part of a media query, in order: `field=v1,v2` (OR within a field), repeated
 * fields AND together, `or=1` between terms, `push=1`/`pop=1` as parentheses. Operators come
 * from the key's tail (`year>>=2000` arrives as key `year>>`; python-plexapi's `title%3D=x` as
 * key `title=`, meaning `==`). Undefined when the query has no filters. Throws `QueryError` (400)
 * for unknown fields, operators the field type lacks, bad values and unbalanced groups.
 */
export function parseFilter(
  params: URLSearchParams,
  context: FilterContext,
): FilterGroup | undefined {
  const stack: FilterTerm[][][] = [[[]]];
  const top = () => stack[stack.length - 1] ?? [[]];
  for (const [rawKey, rawValue] of params) {
    if (rawKey === 'push') {
      stack.push([[]]);
    } else if (rawKey === 'pop') {
      const group = stack.pop();
      if (!group || stack.length === 0) throw new QueryError('pop without push');
      const term = toGroup(group);
      if (term) top().at(-1)?.push(term);
    } else if (rawKey === 'or') {
      top().push([]);
    } else if (!isReservedParam(rawKey) && !context.ignore?.has(rawKey)) {
      top()
        .at(-1)
        ?.push(parseClause(rawKey, rawValue, context));
    }
  }
  if (stack.length !== 1) throw new QueryError('push without pop');
  return toGroup(top());
}

function toGroup(alternatives: FilterTerm[][]): FilterGroup | undefined {
  const nonEmpty = alternatives.filter((terms) => terms.length > 0);
  if (nonEmpty.length === 0) return undefined;
  if (nonEmpty.length === 1) return { kind: 'and', terms: nonEmpty[0] ?? [] };
  return { kind: 'or', terms: nonEmpty.map((terms) => ({ kind: 'and', terms })) };
}

/** Parses one query pair into a clause. */
export function parseClause(
  rawKey: string,
  rawValue: string,
  context: FilterContext,
): FilterClause {
  const [, name = '', suffix = ''] = /^(.*?)([!<>=]*)$/.exec(rawKey) ?? [];
  let operator = `${suffix}=`;
  let value = rawValue;
  if ((operator === '=' || operator === '!=') && value.startsWith('=')) {
    operator += '=';
    value = value.slice(1);
  }
  const { scope, field } = resolveField(name, context);
  if (!ACCEPTED_OPERATORS[field.type].has(operator)) {
    throw new QueryError(`operator ${operator} is not valid for ${field.type} field ${name}`);
  }
  const values = value.split(',');
  let numbers: number[] = [];
  if (field.type === 'integer') numbers = values.map((v) => parseNumber(v, name));
  if (field.type === 'date') numbers = values.map((v) => parseDate(v, context.now, name));
  if (field.type === 'boolean') for (const v of values) parseBoolean(v, name);
  const normalized = field.type === 'resolution' ? values.map(parseResolution) : values;
  return { kind: 'clause', scope, field, operator, values: normalized, numbers };
}

/**
 * Finds the level a field name refers to. `show.title` names it; an unqualified name refers to
 * the source type, else to the nearest level below that has it (`unwatched` on shows reads
 * episodes, as python-plexapi's fallback does), else the nearest above (`genre` on episodes reads
 * the show).
 */
export function resolveField(
  name: string,
  context: FilterContext,
): { scope: ItemType; field: FieldDef } {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const scope = scopeType(name.slice(0, dot));
    const field = fieldDef(name.slice(dot + 1));
    if (!scope || !isValidScope(context.sectionType, context.type, scope)) {
      throw new QueryError(`unknown scope in ${name}`);
    }
    if (!field) throw new QueryError(`unknown filter field ${name}`);
    return { scope, field };
  }
  const field = fieldDef(name);
  if (!field) throw new QueryError(`unknown filter field ${name}`);
  const base = context.sourceType ?? context.type;
  const candidates = [
    base,
    ...levelsBelow(context.sectionType, base),
    ...levelsAbove(context.sectionType, base),
  ];
  const scope = candidates.find((type) => typeHasField(type, name));
  if (!scope) throw new QueryError(`filter field ${name} does not apply to ${base} items`);
  return { scope, field };
}

/** A short, stable text form of a filter, for cache keys. */
export function filterSignature(term: FilterTerm | undefined): string {
  if (!term) return '';
  if (term.kind === 'clause') {
    const values = term.numbers.length > 0 ? term.numbers : term.values;
    return `${term.scope}.${term.field.key}${term.operator}${values.join(',')}`;
  }
  return `${term.kind}(${term.terms.map(filterSignature).join(';')})`;
}

/** What compiling a filter needs: the environment and where the results come from. */
export interface CompileContext {
  env: QueryEnv;
  sectionId: number;
  sectionType: SectionType;
  /** The result type the predicate is applied to. */
  type: ItemType;
}

/** Turns a parsed filter into a predicate over items of `context.type`. */
export function compileFilter(
  term: FilterTerm,
  context: CompileContext,
): (item: ItemRecord) => boolean {
  if (term.kind !== 'clause') {
    const parts = term.terms.map((part) => compileFilter(part, context));
    return term.kind === 'and'
      ? (item) => parts.every((part) => part(item))
      : (item) => parts.some((part) => part(item));
  }
  const test = compileClause(term, context);
  if (term.scope === context.type) return test;
  const { state } = context.env;
  return (item) => relatedAt(state, context.sectionType, item, term.scope).some(test);
}

const NEGATED = new Set(['!=', '!==']);

function compileClause(
  clause: FilterClause,
  context: CompileContext,
): (item: ItemRecord) => boolean {
  const positive = positiveTest(clause, context);
  return NEGATED.has(clause.operator) ? (item) => !positive(item) : positive;
}

const DAY = 86_400;

/** The test without negation; `!=`/`!==` invert it, so "not any of these values". */
function positiveTest(
  clause: FilterClause,
  context: CompileContext,
): (item: ItemRecord) => boolean {
  const { field, operator, numbers } = clause;
  const { env } = context;
  switch (field.type) {
    case 'tag':
      return tagTest(clause, field.tagKind, field.values, context);
    case 'string': {
      const wanted = clause.values.map((value) => value.toLowerCase());
      const match = stringMatcher(operator);
      return (item) => {
        const text = (field.value(item) ?? '').toLowerCase();
        return wanted.some((value) => match(text, value));
      };
    }
    case 'boolean': {
      const wanted = clause.values.map((value) => parseBoolean(value, field.key));
      return (item) => wanted.includes(field.value(item, env));
    }
    case 'integer':
    case 'date': {
      const compare = numberMatcher(operator, field.type === 'date');
      return (item) => {
        const value = field.value(item, env);
        return value !== undefined && numbers.some((number) => compare(value, number));
      };
    }
    default: {
      const wanted = new Set(clause.values.map((value) => value.toLowerCase()));
      return (item) => field.values(item).some((code) => wanted.has(code.toLowerCase()));
    }
  }
}

function stringMatcher(operator: string): (text: string, value: string) => boolean {
  switch (operator) {
    case '==':
    case '!==':
      return (text, value) => text === value;
    case '<=':
      return (text, value) => text.startsWith(value);
    case '>=':
      return (text, value) => text.endsWith(value);
    default:
      return (text, value) => text.includes(value);
  }
}

function numberMatcher(
  operator: string,
  isDate: boolean,
): (value: number, bound: number) => boolean {
  switch (operator) {
    case '>>=':
      return (value, bound) => value > bound;
    case '<<=':
      return (value, bound) => value < bound;
    case '>=':
      return (value, bound) => value >= bound;
    case '<=':
      return (value, bound) => value <= bound;
    default:
      // A date "is" a day: Plex stores release dates without a time.
      return isDate
        ? (value, bound) => Math.floor(value / DAY) === Math.floor(bound / DAY)
        : (value, bound) => value === bound;
  }
}

/**
 * Tags match by id (`genre=89`, as python-plexapi sends after resolving names) or by name,
 * case-insensitively (`genre=Horror`). Collections also match by membership of a collection
 * item in the section, named by title, ratingKey or tag id.
 */
function tagTest(
  clause: FilterClause,
  tagKind: string,
  read: (item: ItemRecord) => readonly string[],
  context: CompileContext,
): (item: ItemRecord) => boolean {
  const { state } = context.env;
  const names = new Set(clause.values.map((value) => value.toLowerCase()));
  const ids = new Set(clause.values.filter((value) => /^\d+$/.test(value)).map(Number));
  // Libraries repeat a few hundred tag names across many items: decide each name once.
  const decided = new Map<string, boolean>();
  const matches = (name: string) => {
    let match = decided.get(name);
    if (match === undefined) {
      match =
        names.has(name.toLowerCase()) || (ids.size > 0 && ids.has(state.tagId(tagKind, name)));
      decided.set(name, match);
    }
    return match;
  };
  const members = new Set<string>();
  if (clause.field.key === 'collection') {
    for (const key of state.keysOf(context.sectionId, 'collection')) {
      const collection = state.items.get(key);
      if (!collection) continue;
      if (matches(collection.title) || ids.has(Number(collection.ratingKey))) {
        for (const member of collection.childKeys) members.add(member);
      }
    }
  }
  return (item) => members.has(item.ratingKey) || read(item).some(matches);
}
