import type * as v from 'valibot';

// Schemas marked here are validated like any input but left out of the JSON Schema a model reads.
const hiddenSchemas = new WeakSet<v.GenericSchema>();

/**
 * An input older callers may still send and the tool still honours, but that no model needs to
 * read: it costs no `tools/list` bytes. Validation and the inferred TypeScript types keep it.
 */
export function hidden<S extends v.GenericSchema>(schema: S): S {
  hiddenSchemas.add(schema);
  return schema;
}

/** Whether an input was declared with `hidden`. */
export function isHidden(schema: v.GenericSchema): boolean {
  return hiddenSchemas.has(schema);
}
