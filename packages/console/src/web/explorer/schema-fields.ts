// A tool's input JSON Schema as form fields, and the form's values back as the tool's arguments.
// Plain data and functions, so the mapping is tested without a browser. What a form cannot
// express well (nested objects, unions) becomes a JSON field: nothing is ever unreachable.

/** A JSON Schema, loosely: tools come from any MCP server. */
export type JsonSchema = Record<string, unknown>;

interface FieldBase {
  name: string;
  required: boolean;
  description: string | undefined;
  /** The schema's default, shown as a hint (and used by the tool when the field is left empty). */
  defaultValue: unknown;
}

/** One form field. */
export type Field =
  | (FieldBase & { kind: 'text'; multiline: boolean; maxLength: number | undefined })
  | (FieldBase & {
      kind: 'number';
      integer: boolean;
      min: number | undefined;
      max: number | undefined;
    })
  | (FieldBase & { kind: 'enum'; options: (string | number)[] })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'list'; item: 'string' | 'number' | 'integer' })
  | (FieldBase & { kind: 'choices'; options: string[] })
  | (FieldBase & { kind: 'json' });

/** What a form holds: text for most fields, the checked options for `choices`. */
export type FormValues = Record<string, string | string[]>;

/** A field's problem, in words. */
export interface FieldProblem {
  name: string;
  problem: string;
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one type a schema has, ignoring "null" in a type list. */
function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type))
    return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

function enumOf(schema: JsonSchema): (string | number)[] | undefined {
  const values = schema.enum;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  return values.every((value) => typeof value === 'string' || typeof value === 'number')
    ? (values as (string | number)[])
    : undefined;
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The form fields of a tool's input schema, in the schema's order, required ones first. */
export function fieldsOf(schema: JsonSchema): Field[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const fields = Object.entries(properties).map(([name, raw]): Field => {
    const property = isObject(raw) ? raw : {};
    const base: FieldBase = {
      name,
      required: required.has(name),
      description: typeof property.description === 'string' ? property.description : undefined,
      defaultValue: property.default,
    };
    const options = enumOf(property);
    if (options) return { ...base, kind: 'enum', options };
    const type = typeOf(property);
    if (type === 'string') {
      const maxLength = numberOr(property.maxLength);
      return {
        ...base,
        kind: 'text',
        multiline: maxLength === undefined || maxLength > 200,
        maxLength,
      };
    }
    if (type === 'number' || type === 'integer') {
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        min: numberOr(property.minimum),
        max: numberOr(property.maximum),
      };
    }
    if (type === 'boolean') return { ...base, kind: 'boolean' };
    if (type === 'array' && isObject(property.items)) {
      const items = property.items;
      const itemOptions = enumOf(items);
      if (itemOptions?.every((option) => typeof option === 'string')) {
        return { ...base, kind: 'choices', options: itemOptions as string[] };
      }
      const itemType = typeOf(items);
      if (itemType === 'string' || itemType === 'number' || itemType === 'integer') {
        return { ...base, kind: 'list', item: itemType };
      }
    }
    return { ...base, kind: 'json' };
  });
  // Text inputs are single-line unless long text is allowed; required fields lead.
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** The arguments the form's values make, or every field's problem. */
export function argumentsOf(
  fields: Field[],
  values: FormValues,
): { args: Record<string, unknown> } | { problems: FieldProblem[] } {
  const args: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'choices') {
      const checked = Array.isArray(value) ? value : [];
      if (checked.length > 0) args[field.name] = checked;
      else if (field.required) problems.push({ name: field.name, problem: 'choose at least one' });
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    if (text.trim() === '') {
      if (field.required) problems.push({ name: field.name, problem: 'is required' });
      continue;
    }
    const parsed = parseField(field, text);
    if ('problem' in parsed) problems.push({ name: field.name, problem: parsed.problem });
    else args[field.name] = parsed.value;
  }
  return problems.length > 0 ? { problems } : { args };
}

function parseField(field: Field, text: string): { value: unknown } | { problem: string } {
  switch (field.kind) {
    case 'text':
      return { value: text };
    case 'enum': {
      const option = field.options.find((candidate) => String(candidate) === text);
      return option === undefined ? { problem: 'is not one of the choices' } : { value: option };
    }
    case 'boolean':
      return { value: text === 'true' };
    case 'number': {
      const number = Number(text);
      if (!Number.isFinite(number)) return { problem: 'must be a number' };
      if (field.integer && !Number.isInteger(number)) return { problem: 'must be a whole number' };
      return { value: number };
    }
    case 'list': {
      const items = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      if (field.item === 'string') return { value: items };
      const numbers = items.map(Number);
      if (
        numbers.some(
          (n) => !Number.isFinite(n) || (field.item === 'integer' && !Number.isInteger(n)),
        )
      ) {
        return {
          problem: `must be ${field.item === 'integer' ? 'whole numbers' : 'numbers'}, one per line`,
        };
      }
      return { value: numbers };
    }
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { problem: 'must be JSON' };
      }
    case 'choices':
      return { value: [] };
  }
}
