import { toJsonSchema } from '@valibot/to-json-schema';
import type { ObjectSchema } from './define-tool.js';

/** A JSON Schema object, as sent to MCP clients and REST callers. */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * JSON Schema (2020-12) for a tool's input or output. Inputs describe what a caller may send
 * (before transforms). `$schema` and empty `required` lists are dropped, input unions of plain
 * types are folded into a type list, and redundant keywords go: every byte here is read by a
 * model on every `tools/list`, and the tool validates its arguments itself anyway.
 */
export function jsonSchemaOf(schema: ObjectSchema, mode: 'input' | 'output'): JsonSchemaObject {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: mode,
    errorMode: 'ignore',
  }) as JsonSchemaObject;
  if (Array.isArray(rest.required) && rest.required.length === 0) delete rest.required;
  return mode === 'input' ? compactProperties(rest) : rest;
}

function compactProperties(schema: JsonSchemaObject): JsonSchemaObject {
  const properties = schema.properties as Record<string, JsonSchemaObject> | undefined;
  if (!properties) return schema;
  const compacted: Record<string, JsonSchemaObject> = {};
  for (const [name, property] of Object.entries(properties)) {
    compacted[name] = dropRedundant(foldTypeUnion(property));
  }
  return { ...schema, properties: compacted };
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
 * clear message) and `type` beside an `enum` whose values already say it.
 */
function dropRedundant(property: JsonSchemaObject): JsonSchemaObject {
  const out = { ...property };
  if (out.minLength === 1) delete out.minLength;
  if (Array.isArray(out.enum) && out.enum.every((value) => typeof value === 'string')) {
    delete out.type;
  }
  return out;
}

/** Keys a union branch may carry and still be folded: its type and simple bounds. */
function isPlainConstraint(key: string): boolean {
  return ['type', 'minLength', 'maxLength', 'minimum', 'maximum'].includes(key);
}
