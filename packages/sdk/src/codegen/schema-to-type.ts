/** A JSON Schema node as plexmcp's `/tools` emits it (draft 2020-12, a small subset). */
export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
};

const INDENT = '  ';
/** Unions longer than this are written one member per line. */
const MAX_INLINE_UNION = 80;

/**
 * The TypeScript type for a schema, as source text indented for `depth`. Keywords outside the
 * subset we emit fall back to `unknown` rather than guessing: a wider type is safe, a wrong one
 * is not.
 */
export function schemaToType(schema: JsonSchema | boolean | undefined, depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return union(schema.enum.map(literal), depth);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches)
    return union(
      branches.map((branch) => wrap(schemaToType(branch, depth))),
      depth,
    );
  if (Array.isArray(schema.type)) {
    return union(
      schema.type.map((type) => schemaToType({ ...schema, type }, depth)),
      depth,
    );
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${wrap(schemaToType(schema.items, depth))}[]`;
    case 'object':
      return objectType(schema, depth);
    default:
      return 'unknown';
  }
}

function objectType(schema: JsonSchema, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    const values = schema.additionalProperties;
    if (values === false) return 'Record<string, never>';
    return `Record<string, ${schemaToType(values === undefined ? true : values, depth)}>`;
  }
  return `{\n${propertyLines(schema, depth + 1).join('\n')}\n${INDENT.repeat(depth)}}`;
}

/** One line per property (with its doc comment), indented for `depth`: an object type's body. */
export function propertyLines(schema: JsonSchema, depth: number): string[] {
  const required = new Set(schema.required ?? []);
  const pad = INDENT.repeat(depth);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    ...docComment(describeProperty(property), pad),
    field(
      `${pad}${propertyKey(name)}${required.has(name) ? '' : '?'}`,
      schemaToType(property, depth),
    ),
  ]);
}

/** `name: type;`, with a multi-line union starting on the next line. */
export function field(name: string, type: string): string {
  return `${name}:${type.startsWith('\n') ? '' : ' '}${type};`;
}

/** A JSDoc block for `lines` at the given indentation; nothing when there is nothing to say. */
export function docComment(lines: string[], pad = ''): string[] {
  const text = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replaceAll('*/', '*\\/'));
  if (text.length === 0) return [];
  if (text.length === 1) return [`${pad}/** ${text[0]} */`];
  return [`${pad}/**`, ...text.map((line) => `${pad} * ${line}`.trimEnd()), `${pad} */`];
}

/** The description of a property plus the constraints a caller needs to know. */
function describeProperty(property: JsonSchema): string[] {
  const lines = property.description ? [property.description] : [];
  const bounds = [
    property.minimum !== undefined && `minimum ${property.minimum}`,
    property.maximum !== undefined && `maximum ${property.maximum}`,
    property.minLength !== undefined &&
      property.minLength > 1 &&
      `min length ${property.minLength}`,
    property.maxLength !== undefined && `max length ${property.maxLength}`,
    property.minItems !== undefined && `at least ${property.minItems} item(s)`,
    property.maxItems !== undefined && `at most ${property.maxItems} item(s)`,
    property.format !== undefined && `format ${property.format}`,
    property.pattern !== undefined && `pattern \`${property.pattern}\``,
  ].filter((bound): bound is string => typeof bound === 'string');
  if (bounds.length > 0) lines.push(`Constraints: ${bounds.join(', ')}.`);
  // Last: a JSDoc tag swallows the lines after it.
  if (property.default !== undefined) lines.push(`@default ${JSON.stringify(property.default)}`);
  return lines;
}

function union(members: string[], depth: number): string {
  const unique = [...new Set(members)];
  if (unique.length === 0) return 'never';
  const inline = unique.join(' | ');
  if (inline.length <= MAX_INLINE_UNION || inline.includes('\n')) return inline;
  const pad = INDENT.repeat(depth + 1);
  return unique.map((member) => `\n${pad}| ${member}`).join('');
}

/** Parenthesises a union so `[]` or `|` binds to all of it. */
function wrap(type: string): string {
  return hasTopLevelUnion(type) ? `(${type})` : type;
}

/** A `|` outside braces, brackets, parentheses and string literals. */
function hasTopLevelUnion(type: string): boolean {
  let depth = 0;
  let quote = false;
  for (let index = 0; index < type.length; index++) {
    const char = type[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === "'") quote = false;
    } else if (char === "'") quote = true;
    else if (char === '{' || char === '(' || char === '[' || char === '<') depth++;
    else if (char === '}' || char === ')' || char === ']' || char === '>') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return 'unknown';
}

/** A single-quoted TypeScript string: JSON's escapes (newlines, backslashes, …) plus `'`. */
function quoted(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${escaped}'`;
}

/** A property name, quoted unless it is an identifier. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quoted(name);
}
