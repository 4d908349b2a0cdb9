import { describe, expect, it } from 'vitest';
import { propertyLines, schemaToType } from './schema-to-type.js';

describe('schemaToType', () => {
  it('maps JSON types to TypeScript, integers to number', () => {
    expect(schemaToType({ type: 'string' })).toBe('string');
    expect(schemaToType({ type: 'integer' })).toBe('number');
    expect(schemaToType({ type: 'boolean' })).toBe('boolean');
    expect(schemaToType({ type: 'null' })).toBe('null');
  });

  it('turns enums and consts into literal unions', () => {
    expect(schemaToType({ enum: ['poster', 'art', "it's"] })).toBe(`'poster' | 'art' | 'it\\'s'`);
    expect(schemaToType({ const: 'started' })).toBe(`'started'`);
    expect(schemaToType({ enum: [1, true, null] })).toBe('1 | true | null');
  });

  it('folds type lists and anyOf into unions, nullable included', () => {
    expect(schemaToType({ type: ['string', 'integer'] })).toBe('string | number');
    expect(schemaToType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
  });

  it('parenthesises union element types of arrays', () => {
    expect(schemaToType({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(schemaToType({ type: 'array', items: { type: ['string', 'integer'] } })).toBe(
      '(string | number)[]',
    );
  });

  it('brackets unions of objects and nullables inside arrays', () => {
    expect(
      schemaToType({
        type: 'array',
        items: {
          anyOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'null' }],
        },
      }),
    ).toBe('({\n  id?: string;\n} | null)[]');
    expect(schemaToType({ type: 'array', items: { enum: ['a|b', 'c'] } })).toBe(`('a|b' | 'c')[]`);
    expect(schemaToType({ type: 'array', items: { enum: ['a|b'] } })).toBe(`'a|b'[]`);
  });

  it('escapes literals and keys as TypeScript strings', () => {
    expect(schemaToType({ enum: ['two\nlines', 'back\\slash', "it's"] })).toBe(
      `'two\\nlines' | 'back\\\\slash' | 'it\\'s'`,
    );
    expect(
      propertyLines({ type: 'object', properties: { 'we\\ird': { type: 'string' } } }, 0),
    ).toEqual([`'we\\\\ird'?: string;`]);
  });

  it('writes records for objects that only constrain their values', () => {
    expect(
      schemaToType({
        type: 'object',
        propertyNames: { type: 'string' },
        additionalProperties: { type: 'number' },
      } as never),
    ).toBe('Record<string, number>');
  });

  it('falls back to unknown for schemas outside the subset instead of guessing', () => {
    expect(schemaToType({})).toBe('unknown');
    expect(schemaToType({ type: 'array' })).toBe('unknown[]');
  });

  it('writes long unions one member per line', () => {
    const type = schemaToType({
      enum: ['movie', 'show', 'season', 'episode', 'artist', 'album', 'track', 'photo', 'clip'],
    });
    expect(type.split('\n').slice(1)).toEqual([
      `  | 'movie'`,
      `  | 'show'`,
      `  | 'season'`,
      `  | 'episode'`,
      `  | 'artist'`,
      `  | 'album'`,
      `  | 'track'`,
      `  | 'photo'`,
      `  | 'clip'`,
    ]);
  });
});

describe('propertyLines', () => {
  it('marks optional fields, quotes odd keys and documents description, bounds and default', () => {
    const lines = propertyLines(
      {
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
      },
      1,
    );
    expect(lines).toEqual([
      '  /** Search text */',
      '  query: string;',
      '  /**',
      '   * Max results',
      '   * Constraints: minimum 1, maximum 500.',
      '   * @default 50',
      '   */',
      '  limit?: number;',
      `  'x-plex'?: string;`,
    ]);
  });

  it('keeps a description from closing the comment early', () => {
    const [doc] = propertyLines(
      { type: 'object', properties: { a: { type: 'string', description: 'glob like */x' } } },
      0,
    );
    expect(doc).toBe('/** glob like *\\/x */');
  });

  it('nests object types with their own required lists', () => {
    const lines = propertyLines(
      {
        type: 'object',
        properties: {
          item: {
            type: 'object',
            properties: { id: { type: 'string' }, year: { type: 'number' } },
            required: ['id'],
          },
        },
        required: ['item'],
      },
      0,
    );
    expect(lines.join('\n')).toBe('item: {\n  id: string;\n  year?: number;\n};');
  });
});
