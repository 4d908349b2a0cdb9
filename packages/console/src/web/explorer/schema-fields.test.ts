import { describe, expect, it } from 'vitest';
import { argumentsOf, fieldsOf } from './schema-fields.js';

/** media_search's input schema, as GET /v1/mcps/{id}/tools lists it. */
const MEDIA_SEARCH = {
  type: 'object',
  properties: {
    query: { type: 'string', description: 'Text' },
    content_type: { enum: ['movie', 'show', 'episode'], description: 'Only this type' },
    library: { type: 'string', description: 'Library id or name' },
    limit: { type: 'integer', minimum: 1, maximum: 500, description: 'Page size', default: 50 },
  },
  required: ['query'],
};

describe('fields from a JSON Schema', () => {
  it('maps strings, enums, integers with bounds, and marks the required ones first', () => {
    const fields = fieldsOf(MEDIA_SEARCH);
    expect(fields.map((field) => [field.name, field.kind, field.required])).toEqual([
      ['query', 'text', true],
      ['content_type', 'enum', false],
      ['library', 'text', false],
      ['limit', 'number', false],
    ]);
    expect(fields[3]).toMatchObject({ integer: true, min: 1, max: 500, defaultValue: 50 });
    expect(fields[0]).toMatchObject({ description: 'Text' });
  });

  it('maps booleans, lists, multiple choices, and anything else to JSON', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        confirm: { type: 'boolean' },
        ids: { type: 'array', items: { type: 'integer' } },
        tags: { type: 'array', items: { type: 'string' } },
        modules: { type: 'array', items: { enum: ['library', 'media'] } },
        filter: { type: 'object', properties: { year: { type: 'integer' } } },
        either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        nullable: { type: ['string', 'null'], maxLength: 20 },
      },
    });
    expect(fields.map((field) => field.kind)).toEqual([
      'boolean',
      'list',
      'list',
      'choices',
      'json',
      'json',
      'text',
    ]);
    expect(fields[6]).toMatchObject({ multiline: false, maxLength: 20 });
  });

  it('survives schemas without properties or with odd entries', () => {
    expect(fieldsOf({})).toEqual([]);
    expect(fieldsOf({ properties: { x: 'nonsense' } })).toMatchObject([
      { name: 'x', kind: 'json' },
    ]);
  });
});

describe('arguments from the form', () => {
  const fields = fieldsOf({
    type: 'object',
    properties: {
      query: { type: 'string' },
      limit: { type: 'integer' },
      kind: { enum: ['movie', 2] },
      confirm: { type: 'boolean' },
      ids: { type: 'array', items: { type: 'number' } },
      modules: { type: 'array', items: { enum: ['library', 'media'] } },
      filter: { type: 'object' },
    },
    required: ['query'],
  });

  it('converts each value to its type and leaves empty optional fields out', () => {
    expect(
      argumentsOf(fields, {
        query: 'Alien',
        limit: '5',
        kind: '2',
        confirm: 'false',
        ids: '1\n 2.5 \n\n',
        modules: ['media'],
        filter: '{"year": 1979}',
      }),
    ).toEqual({
      args: {
        query: 'Alien',
        limit: 5,
        kind: 2,
        confirm: false,
        ids: [1, 2.5],
        modules: ['media'],
        filter: { year: 1979 },
      },
    });
    expect(argumentsOf(fields, { query: 'Alien', limit: '', modules: [] })).toEqual({
      args: { query: 'Alien' },
    });
  });

  it('names every field that is wrong', () => {
    expect(
      argumentsOf(fields, { query: ' ', limit: '2.5', ids: 'x', filter: '{', kind: 'tv' }),
    ).toEqual({
      problems: [
        { name: 'query', problem: 'is required' },
        { name: 'limit', problem: 'must be a whole number' },
        { name: 'kind', problem: 'is not one of the choices' },
        { name: 'ids', problem: 'must be numbers, one per line' },
        { name: 'filter', problem: 'must be JSON' },
      ],
    });
  });
});
