import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from './json-schema.js';
import { ratingKey } from './shared/inputs.js';

describe('jsonSchemaOf', () => {
  const schema = v.object({
    media_id: v.optional(ratingKey('Item ratingKey')),
    mode: v.optional(v.pipe(v.union([v.literal('a'), v.number()]), v.description('Mode'))),
  });

  it('folds input unions of plain types into a type list and drops $schema', () => {
    expect(jsonSchemaOf(schema, 'input')).toEqual({
      type: 'object',
      properties: {
        media_id: { type: ['string', 'integer'], description: 'Item ratingKey' },
        mode: { anyOf: [{ const: 'a' }, { type: 'number' }], description: 'Mode' },
      },
    });
  });

  it('drops minLength 1 and the type beside a string enum', () => {
    const small = v.object({
      title: v.pipe(v.string(), v.nonEmpty(), v.description('Title')),
      kind: v.pipe(v.picklist(['a', 'b']), v.description('Kind')),
    });
    expect(jsonSchemaOf(small, 'input').properties).toEqual({
      title: { type: 'string', description: 'Title' },
      kind: { enum: ['a', 'b'], description: 'Kind' },
    });
  });

  it('keeps required lists when there are required fields', () => {
    const required = v.object({ query: v.pipe(v.string(), v.description('Text')) });
    expect(jsonSchemaOf(required, 'input').required).toEqual(['query']);
  });
});
