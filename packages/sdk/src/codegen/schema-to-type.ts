import type { PropertyName, PropertySignature, TypeElement, TypeNode } from 'typescript';
import { withDocComment } from './doc-comment.js';
import type { TypeScriptApi } from './load-typescript.js';

/**
 * A JSON Schema node as plexmcp's `/tools` emits it (draft 2020-12, a small subset), plus the
 * few older forms other MCP servers' schemas use (draft-07 tuples, OpenAPI's `nullable`).
 */
export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | boolean | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalItems?: JsonSchema | boolean;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: (JsonSchema | boolean)[];
  oneOf?: (JsonSchema | boolean)[];
  allOf?: (JsonSchema | boolean)[];
  nullable?: boolean;
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

/** Builds TypeScript type nodes from JSON Schema with the compiler's factory. */
export interface SchemaTypes {
  /**
   * The type for a schema. Keywords outside the subset fall back to `unknown` rather than
   * guessing: a wider type is safe, a wrong one is not.
   */
  typeOf(schema: JsonSchema | boolean | undefined): TypeNode;
  /** An object schema's properties as documented members: an interface's or literal's body. */
  members(schema: JsonSchema): TypeElement[];
  /** A property name: as written when it is an identifier name (`default` is one), else quoted. */
  propertyName(name: string): PropertyName;
}

/**
 * Schema-to-type translation on the compiler's factory: the factory parenthesises (a union in
 * an array, an intersection's union members) and the printer escapes string literals, so
 * neither is done by hand here.
 */
export function schemaTypes(ts: TypeScriptApi): SchemaTypes {
  const f = ts.factory;
  const keyword = {
    unknown: () => f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword),
    never: () => f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword),
    string: () => f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
    number: () => f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
    boolean: () => f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword),
    null: () => f.createLiteralTypeNode(f.createNull()),
  };
  // Only to tell equal union members apart; not for output.
  const keyPrinter = ts.createPrinter({ removeComments: true });
  const scratch = ts.createSourceFile('key.ts', '', ts.ScriptTarget.Latest);

  function typeOf(schema: JsonSchema | boolean | undefined): TypeNode {
    if (schema === undefined || schema === true) return keyword.unknown();
    if (schema === false) return keyword.never();
    const { allOf, nullable, ...rest } = schema;
    if (allOf) return intersection([typeOf(rest), ...allOf.map(typeOf)]);
    if (nullable === true) return union([typeOf(rest), keyword.null()]);
    if (rest.const !== undefined) return literal(rest.const);
    if (rest.enum) return union(rest.enum.map(literal));
    const branches = rest.anyOf ?? rest.oneOf;
    if (branches) return union(branches.map(typeOf));
    if (Array.isArray(rest.type)) {
      return union(rest.type.map((type) => typeOf({ ...rest, type })));
    }
    switch (rest.type) {
      case 'string':
        return keyword.string();
      case 'number':
      case 'integer':
        return keyword.number();
      case 'boolean':
        return keyword.boolean();
      case 'null':
        return keyword.null();
      case 'array':
        return arrayType(rest);
      case 'object':
        return objectType(rest);
      default:
        return keyword.unknown();
    }
  }

  function arrayType(schema: JsonSchema): TypeNode {
    const prefix = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
    if (!prefix) return f.createArrayTypeNode(typeOf(schema.items as JsonSchema | boolean));
    // A tuple: the first minItems elements must be there, later ones may be missing; what
    // follows them is `items` (2020-12) or `additionalItems` (draft-07), open unless false.
    const restItems = schema.prefixItems ? schema.items : schema.additionalItems;
    const required = schema.minItems ?? 0;
    const elements = prefix.map((item, index) =>
      index < required ? typeOf(item) : f.createOptionalTypeNode(typeOf(item)),
    );
    if (restItems !== false) {
      elements.push(f.createRestTypeNode(f.createArrayTypeNode(typeOf(restItems as JsonSchema))));
    }
    return ts.setEmitFlags(f.createTupleTypeNode(elements), ts.EmitFlags.SingleLine);
  }

  function objectType(schema: JsonSchema): TypeNode {
    if (Object.keys(schema.properties ?? {}).length > 0) {
      return f.createTypeLiteralNode(members(schema));
    }
    const values = schema.additionalProperties;
    return f.createTypeReferenceNode('Record', [
      keyword.string(),
      values === false ? keyword.never() : typeOf(values ?? true),
    ]);
  }

  function members(schema: JsonSchema): PropertySignature[] {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties ?? {}).map(([name, property]) =>
      withDocComment(
        ts,
        f.createPropertySignature(
          undefined,
          propertyName(name),
          required.has(name) ? undefined : f.createToken(ts.SyntaxKind.QuestionToken),
          typeOf(property),
        ),
        describeProperty(property),
      ),
    );
  }

  function propertyName(name: string): PropertyName {
    return isIdentifierName(ts, name)
      ? f.createIdentifier(name)
      : f.createStringLiteral(name, true);
  }

  /** `a | b`, flattened and without repeats; `unknown` absorbs and `never` drops out. */
  function union(members: TypeNode[]): TypeNode {
    const flat = members.flatMap((member) => (ts.isUnionTypeNode(member) ? member.types : member));
    if (flat.some((member) => member.kind === ts.SyntaxKind.UnknownKeyword)) {
      return keyword.unknown();
    }
    const unique = distinct(flat.filter((member) => member.kind !== ts.SyntaxKind.NeverKeyword));
    if (unique.length === 0) return keyword.never();
    return unique.length === 1 ? (unique[0] as TypeNode) : f.createUnionTypeNode(unique);
  }

  /** `a & b`; `unknown` (a schema that says nothing) drops out. */
  function intersection(members: TypeNode[]): TypeNode {
    const known = distinct(
      members.filter((member) => member.kind !== ts.SyntaxKind.UnknownKeyword),
    );
    if (known.length === 0) return keyword.unknown();
    return known.length === 1 ? (known[0] as TypeNode) : f.createIntersectionTypeNode(known);
  }

  function distinct(members: TypeNode[]): TypeNode[] {
    const seen = new Map<string, TypeNode>();
    for (const member of members) {
      const key = keyPrinter.printNode(ts.EmitHint.Unspecified, member, scratch);
      if (!seen.has(key)) seen.set(key, member);
    }
    return [...seen.values()];
  }

  function literal(value: unknown): TypeNode {
    if (typeof value === 'string')
      return f.createLiteralTypeNode(f.createStringLiteral(value, true));
    if (typeof value === 'boolean') {
      return f.createLiteralTypeNode(value ? f.createTrue() : f.createFalse());
    }
    if (value === null) return keyword.null();
    if (typeof value === 'number' && Number.isFinite(value)) {
      const digits = f.createNumericLiteral(Math.abs(value));
      return f.createLiteralTypeNode(
        value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, digits) : digits,
      );
    }
    // Objects and arrays have no literal type.
    return keyword.unknown();
  }

  return { typeOf, members, propertyName };
}

/** Whether `name` can be written unquoted as a property name (reserved words can). */
export function isIdentifierName(ts: TypeScriptApi, name: string): boolean {
  const codePoints = [...name].map((char) => char.codePointAt(0) as number);
  const [first, ...others] = codePoints;
  return (
    first !== undefined &&
    ts.isIdentifierStart(first, ts.ScriptTarget.Latest) &&
    others.every((codePoint) => ts.isIdentifierPart(codePoint, ts.ScriptTarget.Latest))
  );
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
