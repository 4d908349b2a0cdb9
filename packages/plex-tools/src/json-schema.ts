import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import type { ObjectSchema } from './define-tool.js';
import { isHidden } from './shared/hidden-input.js';

/** A JSON Schema object, as sent to MCP clients and REST callers. */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * JSON Schema (2020-12) for a tool's input or output. Inputs describe what a caller may send
 * (before transforms). `$schema` and empty `required` lists are dropped, input unions of plain
 * types are folded into a type list, and redundant keywords go: every byte here is read by a
 * model on every `tools/list`, and the tool validates its arguments itself anyway. Inputs marked
 * `hidden` (accepted for older callers) are not listed.
 */
export function jsonSchemaOf(schema: ObjectSchema, mode: 'input' | 'output'): JsonSchemaObject {
  const listed = mode === 'input' ? withoutHidden(schema) : schema;
  const { $schema: _dialect, ...rest } = toJsonSchema(listed, {
    target: 'draft-2020-12',
    typeMode: mode,
    errorMode: 'ignore',
  }) as JsonSchemaObject;
  if (Array.isArray(rest.required) && rest.required.length === 0) delete rest.required;
  return mode === 'input' ? compactProperties(rest) : rest;
}

/** The object schema without its hidden entries (the same schema when it has none). */
function withoutHidden(schema: ObjectSchema): ObjectSchema {
  const hiddenKeys = Object.keys(schema.entries).filter((key) => isHidden(schema.entries[key]!));
  return hiddenKeys.length === 0 ? schema : v.omit(schema, hiddenKeys as never);
}

function compactProperties(schema: JsonSchemaObject): JsonSchemaObject {
  const properties = schema.properties as Record<string, JsonSchemaObject> | undefined;
  if (!properties) return schema;
  const compacted: Record<string, JsonSchemaObject> = {};
  for (const [name, property] of Object.entries(properties)) compacted[name] = compact(property);
  return { ...schema, properties: compacted };
}

/** Compacts one property, and the item schema of an array property the same way. */
function compact(property: JsonSchemaObject): JsonSchemaObject {
  const out = dropRedundant(foldTypeUnion(property));
  const items = out.items;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    out.items = compact(items as JsonSchemaObject);
  }
  return out;
}

/** `{anyOf: [{type: 'string', …}, {type: 'integer', …}], description}` → `{type: [...], description}`. */
function foldTypeUnion(property: JsonSchemaObject): JsonSchemaObject {
  const branches = property.anyOf;
  if (!Array.isArray(branches)) return property;
  const types = branches.map((branch: JsonSchemaObject) =>
    typeof branch.type === 'string' && Object.keys(branch).every(isPlainConstraint)
      ? branch.type
      : undefined,
  );
  if (types.some((type) => type === undefined)) return property;
  const { anyOf: _branches, ...rest } = property;
  return { type: [...new Set(types)], ...rest };
}

/**
 * Drops what tells a model nothing: `minLength: 1` (empty strings are refused anyway, with a
 * clear message), `type` beside an `enum` whose values already say it, `default: false` on a
 * flag (an absent flag is off), `default: 0` on a number whose minimum is 0 (an absent offset
 * is none), and `format: 'uri'` beside a `pattern` that already pins the
 * scheme. Patterns lose the `\/` escapes a JavaScript regex literal needs and JSON Schema does not.
 */
function dropRedundant(property: JsonSchemaObject): JsonSchemaObject {
  const out = { ...property };
  if (out.minLength === 1) delete out.minLength;
  if (Array.isArray(out.enum) && out.enum.every((value) => typeof value === 'string')) {
    delete out.type;
  }
  if (out.type === 'boolean' && out.default === false) delete out.default;
  if (out.default === 0 && out.minimum === 0) delete out.default;
  if (typeof out.pattern === 'string') {
    // Escape pairs are matched left to right, so `\\/` (a backslash, then a slash) stays as it is.
    const pattern = out.pattern.replace(/\\(.)/g, (pair, char) => (char === '/' ? '/' : pair));
    out.pattern = pattern;
    if (out.format === 'uri' && pattern.startsWith('^http')) delete out.format;
  }
  return out;
}

/** Keys a union branch may carry and still be folded: its type and simple bounds. */
function isPlainConstraint(key: string): boolean {
  return ['type', 'minLength', 'maxLength', 'minimum', 'maximum'].includes(key);
}
