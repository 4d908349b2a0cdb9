import { describe, expect, it } from 'vitest';
import { loadTypeScript } from './load-typescript.js';
import { printNodes } from './print.js';
import { type JsonSchema, schemaTypes } from './schema-to-type.js';

const ts = loadTypeScript();
const types = schemaTypes(ts);

/** The printed type for a schema. */
const typeText = (schema: JsonSchema | boolean | undefined) =>
  printNodes(ts, [types.typeOf(schema)]);

/** The printed members of an object schema, as in an interface body. */
const memberText = (schema: JsonSchema) =>
  printNodes(ts, [ts.factory.createTypeLiteralNode(types.members(schema))])
    .split('\n')
    .slice(1, -1)
    .map((line) => line.slice(2))
    .join('\n');

describe('schemaTypes().typeOf', () => {
  it('maps JSON types to TypeScript, integers to number', () => {
    expect(typeText({ type: 'string' })).toBe('string');
    expect(typeText({ type: 'integer' })).toBe('number');
    expect(typeText({ type: 'boolean' })).toBe('boolean');
    expect(typeText({ type: 'null' })).toBe('null');
    expect(typeText(false)).toBe('never');
  });

  it('turns enums and consts into literal unions', () => {
    expect(typeText({ enum: ['poster', 'art', "it's"] })).toBe(`'poster' | 'art' | 'it\\'s'`);
    expect(typeText({ const: 'started' })).toBe(`'started'`);
    expect(typeText({ enum: [1, -2.5, true, null] })).toBe('1 | -2.5 | true | null');
    // Objects have no literal type: the value is still allowed, as unknown.
    expect(typeText({ enum: ['a', { b: 1 }] })).toBe('unknown');
  });

  it('folds type lists, anyOf and nullable into flat unions without repeats', () => {
    expect(typeText({ type: ['string', 'integer'] })).toBe('string | number');
    expect(typeText({ type: ['integer', 'number'] })).toBe('number');
    expect(typeText({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(typeText({ anyOf: [{ type: ['string', 'null'] }, { type: 'integer' }] })).toBe(
      'string | null | number',
    );
    expect(typeText({ type: 'string', nullable: true })).toBe('string | null');
    expect(typeText({ oneOf: [{ type: 'string' }, false] })).toBe('string');
  });

  it('parenthesises unions inside arrays, however deep', () => {
    expect(typeText({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(typeText({ type: 'array', items: { type: ['string', 'integer'] } })).toBe(
      '(string | number)[]',
    );
    expect(
      typeText({
        type: 'array',
        items: {
          anyOf: [
            { type: 'null' },
            { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } },
          ],
        },
      }),
    ).toBe('(null | (string | boolean)[])[]');
    expect(typeText({ type: 'array', items: { enum: ['a|b', 'c'] } })).toBe(`('a|b' | 'c')[]`);
    expect(typeText({ type: 'array', items: { enum: ['a|b'] } })).toBe(`'a|b'[]`);
  });

  it('brackets unions of objects and nullables inside arrays', () => {
    expect(
      typeText({
        type: 'array',
        items: {
          anyOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'null' }],
        },
      }),
    ).toBe('({\n  id?: string;\n} | null)[]');
  });

  it('intersects allOf, bracketing the unions in it', () => {
    expect(
      typeText({
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { type: ['string', 'null'] },
        ],
      }),
    ).toBe('{\n  a: string;\n} & (string | null)');
    // A schema that only says "allOf" adds nothing of its own to the intersection.
    expect(typeText({ description: 'x', allOf: [{ type: 'string' }] })).toBe('string');
  });

  it('writes tuples, optional past minItems, open unless items is false', () => {
    expect(
      typeText({
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: ['integer', 'null'] }],
        minItems: 1,
        items: false,
      }),
    ).toBe('[string, (number | null)?]');
    expect(typeText({ type: 'array', prefixItems: [{ type: 'string' }], minItems: 1 })).toBe(
      '[string, ...unknown[]]',
    );
    // draft-07 spelling
    expect(
      typeText({
        type: 'array',
        items: [{ type: 'boolean' }],
        additionalItems: { type: 'string' },
        minItems: 1,
      }),
    ).toBe('[boolean, ...string[]]');
  });

  it('escapes string literals as the compiler does', () => {
    expect(
      typeText({ enum: ['two\nlines', 'back\\slash', "it's", 'say "hi"', 'café', '\u2028'] }),
    ).toBe(`'two\\nlines' | 'back\\\\slash' | 'it\\'s' | 'say "hi"' | 'caf\\u00E9' | '\\u2028'`);
  });

  it('writes records for objects that only constrain their values', () => {
    expect(
      typeText({
        type: 'object',
        propertyNames: { type: 'string' },
        additionalProperties: { type: 'number' },
      } as JsonSchema),
    ).toBe('Record<string, number>');
    expect(typeText({ type: 'object' })).toBe('Record<string, unknown>');
    expect(typeText({ type: 'object', additionalProperties: false })).toBe('Record<string, never>');
    expect(typeText({ type: 'object', additionalProperties: { type: ['string', 'null'] } })).toBe(
      'Record<string, string | null>',
    );
  });

  it('falls back to unknown for schemas outside the subset instead of guessing', () => {
    expect(typeText({})).toBe('unknown');
    expect(typeText(true)).toBe('unknown');
    expect(typeText({ not: {} } as JsonSchema)).toBe('unknown');
    expect(typeText({ type: 'array' })).toBe('unknown[]');
    expect(typeText({ anyOf: [{ type: 'string' }, {}] })).toBe('unknown');
  });
});

describe('schemaTypes().members', () => {
  it('marks optional fields, quotes odd keys and documents description, bounds and default', () => {
    expect(
      memberText({
        type: 'object',
        properties: {
          query: { type: 'string', description: 'Search text' },
          limit: {
            type: 'integer',
            description: 'Max results',
            minimum: 1,
            maximum: 500,
            default: 50,
          },
          'x-plex': { type: 'string' },
        },
        required: ['query'],
      }),
    ).toBe(
      [
        '/** Search text */',
        'query: string;',
        '/**',
        ' * Max results',
        ' * Constraints: minimum 1, maximum 500.',
        ' * @default 50',
        ' */',
        'limit?: number;',
        `'x-plex'?: string;`,
      ].join('\n'),
    );
  });

  it('leaves identifier names and reserved words bare, quotes and escapes the rest', () => {
    expect(
      memberText({
        type: 'object',
        properties: {
          default: { type: 'string' },
          class: { type: 'string' },
          $ref_1: { type: 'string' },
          'a-b': { type: 'string' },
          '"quote"': { type: 'string' },
          "it's": { type: 'string' },
          'we\\ird': { type: 'string' },
          '1st': { type: 'string' },
          '': { type: 'string' },
        },
        required: ['default'],
      }),
    ).toBe(
      [
        'default: string;',
        'class?: string;',
        '$ref_1?: string;',
        `'a-b'?: string;`,
        `'"quote"'?: string;`,
        `'it\\'s'?: string;`,
        `'we\\\\ird'?: string;`,
        `'1st'?: string;`,
        `''?: string;`,
      ].join('\n'),
    );
  });

  it('keeps a description from closing the comment early', () => {
    expect(
      memberText({
        type: 'object',
        properties: { a: { type: 'string', description: 'glob like */x', default: '*/' } },
      }),
    ).toBe(['/**', ' * glob like *\\/x', ' * @default "*\\/"', ' */', 'a?: string;'].join('\n'));
  });

  it('nests object types with their own required lists and documentation', () => {
    expect(
      memberText({
        type: 'object',
        properties: {
          item: {
            type: 'object',
            properties: {
              id: { type: 'string', description: 'Line one\nline two' },
              year: { type: 'number' },
            },
            required: ['id'],
          },
        },
        required: ['item'],
      }),
    ).toBe(
      [
        'item: {',
        '  /**',
        '   * Line one',
        '   * line two',
        '   */',
        '  id: string;',
        '  year?: number;',
        '};',
      ].join('\n'),
    );
  });
});
