import type { Context } from 'hono';
import * as v from 'valibot';
import { type FieldProblem, invalidRequest, notFound, PlatformError } from './platform-error.js';

/** A strict object: unknown fields are refused, not dropped. */
type StrictBody = v.StrictObjectSchema<
  v.ObjectEntries,
  v.ErrorMessage<v.StrictObjectIssue> | undefined
>;

/**
 * A request body's schema: a strict object, or a variant of strict objects told apart by one
 * field (e.g. an MCP's `kind`), so that unknown fields are refused, not dropped.
 */
export type BodySchema =
  | StrictBody
  | v.VariantSchema<string, v.VariantOptions<string>, v.ErrorMessage<v.VariantIssue> | undefined>;

/** A query's schema: an object of string fields (unknown parameters are ignored, as on the web). */
export type QuerySchema = v.ObjectSchema<
  v.ObjectEntries,
  v.ErrorMessage<v.ObjectIssue> | undefined
>;

/** A path parameter: a test of its shape (no database look-up) and a line for the docs. */
export interface PathParam {
  test: (value: string) => boolean;
  description: string;
}

/** A path parameter checked by `test`, e.g. `pathId((s) => isId('key', s), 'An API key id (key_…).')`. */
export function pathId(test: (value: string) => boolean, description: string): PathParam {
  return { test, description };
}

/** A dotted field path: `name`, `metadata.title`, `scopes[1]`. */
function fieldOf(path: readonly { key: unknown }[] | undefined): string {
  let field = '';
  for (const { key } of path ?? []) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field === '' ? String(key) : `.${String(key)}`;
  }
  return field || '(body)';
}

/** What a value is, in the words of JSON (never the value itself: it may be a secret). */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** One valibot issue as a sentence fragment a caller can act on. */
function problemOf(issue: v.BaseIssue<unknown>): string {
  // valibot's own messages start "Invalid …"; anything else is the schema author's wording.
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return 'is required';
    // valibot wraps unions in parentheses: `("red" | "blue")` reads better bare.
    const expected = (issue.expected ?? 'something else').replace(/^\((.*)\)$/, '$1');
    return `must be ${expected}, not ${jsonType(issue.input)}`;
  }
  const unit = typeof issue.input === 'string' ? 'characters' : 'items';
  switch (issue.type) {
    case 'max_length':
      return `must be at most ${String(issue.requirement)} ${unit}`;
    case 'min_length':
      return `must be at least ${String(issue.requirement)} ${unit}`;
    case 'non_empty':
      return 'must not be empty';
    default:
      return issue.message;
  }
}

/** Every problem valibot found, one per field (the first is the one to fix). */
export function fieldProblems(issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
  const seen = new Map<string, string>();
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (!seen.has(field)) seen.set(field, problemOf(issue));
  }
  return [...seen].map(([field, problem]) => ({ field, problem }));
}

/** The JSON types a request body may be declared as. */
function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * The request's JSON body, refused unless declared `application/json` (415: a browser sends
 * `text/plain` across sites without a preflight, which JSON forces) and parseable (400).
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new PlatformError(
      'unsupported_media_type',
      415,
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
}

/**
 * A body checked against its strict-object schema. Every unknown field is named (valibot stops
 * at the first), then every wrong one, in one 400 `invalid_request`.
 */
export function validateBody<S extends BodySchema>(schema: S, body: unknown): v.InferOutput<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest(`The request body must be a JSON object, not ${jsonType(body)}.`, [
      { field: '(body)', problem: `must be an object, not ${jsonType(body)}` },
    ]);
  }
  const known = knownFields(schema, body as Record<string, unknown>);
  const unknown: FieldProblem[] = Object.keys(body)
    .filter((key) => !known.has(key))
    .map((field) => ({ field, problem: 'is not a known field' }));
  const result = v.safeParse(schema, body);
  const wrong = result.success
    ? []
    : fieldProblems(result.issues).filter((p) => !unknown.some((u) => u.field === p.field));
  const problems = [...unknown, ...wrong];
  if (problems.length > 0 || !result.success) {
    throw invalidRequest(`Invalid request body: ${summary(problems)}.`, problems);
  }
  return result.output;
}

/**
 * The fields a body may have: a variant's are those of the option its discriminator picks, or
 * of every option when it picks none (the discriminator's own problem is then reported).
 */
function knownFields(schema: BodySchema, body: Record<string, unknown>): Set<string> {
  if (schema.type !== 'variant') return new Set(Object.keys(schema.entries));
  const discriminator = body[schema.key];
  // Options are strict objects here (nested variants are not used for bodies).
  const options = schema.options.flatMap((option) => ('entries' in option ? [option] : []));
  const chosen = options.find((option) => {
    const entry = option.entries[schema.key];
    return entry !== undefined && v.is(entry, discriminator);
  });
  return new Set((chosen ? [chosen] : options).flatMap((option) => Object.keys(option.entries)));
}

/** A query checked against its schema; a wrong parameter is 400 naming it. */
export function validateQuery<S extends QuerySchema>(
  schema: S,
  query: Record<string, string>,
): v.InferOutput<S> {
  const result = v.safeParse(schema, query);
  if (result.success) return result.output;
  const problems = fieldProblems(result.issues);
  throw invalidRequest(`Invalid query parameters: ${summary(problems)}.`, problems);
}

/**
 * Path parameters checked by their tests. A malformed id is 404, not 400: an id of the wrong
 * shape names nothing, and that is what a well-formed unknown id answers too.
 */
export function validateParams(
  params: Record<string, PathParam>,
  values: Record<string, string>,
): Record<string, string> {
  for (const [name, param] of Object.entries(params)) {
    const value = values[name];
    if (value === undefined || !param.test(value)) {
      // The value is not echoed: a caller may have pasted a secret into the wrong place.
      throw notFound(`Nothing here: the ${name} in this path is not one of ours.`);
    }
  }
  return values;
}

/** `name is required; scopes[1] must be …` for a message. */
function summary(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.field} ${p.problem}`).join('; ');
}

/**
 * A JSON object, and nothing else. valibot's `record` takes an array as an object of its
 * indexes, so a record in a request body is piped after this: `["a"]` is not a map.
 */
export const jsonObject = v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  'must be a JSON object',
);

/** A JSON object of `value`s (see `jsonObject`). */
export function jsonRecord<T extends v.GenericSchema>(value: T) {
  return v.pipe(jsonObject, v.record(v.string(), value));
}
