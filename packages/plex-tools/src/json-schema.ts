import { toJsonSchema } from '@valibot/to-json-schema';
import type { ObjectSchema } from './define-tool.js';

/** A JSON Schema object, as sent to MCP clients and REST callers. */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * JSON Schema (2020-12) for a tool's input or output. Inputs describe what a caller may send
 * (before transforms); `$schema` is dropped because every schema we send has the same dialect
 * and the bytes count against a model's context.
 */
export function jsonSchemaOf(schema: ObjectSchema, mode: 'input' | 'output'): JsonSchemaObject {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: mode,
    errorMode: 'ignore',
  }) as JsonSchemaObject;
  // An empty `required` says nothing; leave it out.
  if (Array.isArray(rest.required) && rest.required.length === 0) delete rest.required;
  return rest;
}
