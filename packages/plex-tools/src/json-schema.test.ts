import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaOf } from './json-schema.js';
import { REGENERATE, SCHEMA_DIR, schemaFiles } from './json-schema-files.js';
import { TOOLS } from './registry.js';
import { hidden } from './shared/hidden-input.js';
import { ratingKey } from './shared/inputs.js';

describe('jsonSchemaOf', () => {
  const schema = v.object({
    media_id: v.optional(ratingKey('Item id')),
    mode: v.optional(v.pipe(v.union([v.literal('a'), v.number()]), v.description('Mode'))),
  });

  it('folds input unions of plain types into a type list and drops $schema', () => {
    expect(jsonSchemaOf(schema, 'input')).toEqual({
      type: 'object',
      properties: {
        media_id: { type: ['string', 'integer'], description: 'Item id' },
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

  it('folds array item unions, and drops false flag defaults and a uri format the pattern pins', () => {
    const input = v.object({
      ids: v.pipe(
        v.array(v.union([v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.integer())])),
        v.description('Ids'),
      ),
      names: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.description('Names')),
      force: v.optional(v.pipe(v.boolean(), v.description('Force')), false),
      lock: v.optional(v.pipe(v.boolean(), v.description('Lock')), true),
      url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//), v.description('URL')),
    });
    expect(jsonSchemaOf(input, 'input').properties).toEqual({
      ids: { type: 'array', items: { type: ['string', 'integer'] }, description: 'Ids' },
      names: { type: 'array', items: { type: 'string' }, description: 'Names' },
      force: { type: 'boolean', description: 'Force' },
      lock: { type: 'boolean', description: 'Lock', default: true },
      url: { type: 'string', pattern: '^https?://', description: 'URL' },
    });
  });

  it('drops default 0 beside minimum 0, and keeps other defaults', () => {
    const input = v.object({
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Skip')), 0),
      wait: v.optional(v.pipe(v.number(), v.minValue(0), v.description('Wait')), 30),
      level: v.optional(v.pipe(v.number(), v.minValue(-5), v.description('Level')), 0),
    });
    expect(jsonSchemaOf(input, 'input').properties).toEqual({
      offset: { type: 'integer', minimum: 0, description: 'Skip' },
      wait: { type: 'number', minimum: 0, description: 'Wait', default: 30 },
      level: { type: 'number', minimum: -5, description: 'Level', default: 0 },
    });
  });

  it('lists no hidden input, which the schema still validates', () => {
    const input = v.object({
      media: v.pipe(v.string(), v.description('Item')),
      year: hidden(v.optional(v.pipe(v.number(), v.integer()))),
    });
    expect(jsonSchemaOf(input, 'input')).toEqual({
      type: 'object',
      properties: { media: { type: 'string', description: 'Item' } },
      required: ['media'],
    });
    expect(v.parse(input, { media: 'Heat', year: 1995 })).toEqual({ media: 'Heat', year: 1995 });
    expect(v.safeParse(input, { media: 'Heat', year: 'soon' }).success).toBe(false);
    expect(jsonSchemaOf(input, 'output').properties).toHaveProperty('year');
  });

  it('unescapes only slashes in patterns, keeping an escaped backslash before one', () => {
    const input = v.object({
      path: v.pipe(v.string(), v.regex(/^a\/b\\\/c\.d$/), v.description('Path')),
    });
    expect(jsonSchemaOf(input, 'input').properties).toEqual({
      path: { type: 'string', pattern: '^a/b\\\\/c\\.d$', description: 'Path' },
    });
  });
});

describe('the stored per-tool JSON Schemas in src/generated/schemas', () => {
  const expected = schemaFiles(TOOLS);
  const stored = () => new Set(readdirSync(SCHEMA_DIR));
  const read = (name: string) => readFileSync(new URL(name, SCHEMA_DIR), 'utf8');

  // `pnpm generate` runs this file with UPDATE_GENERATED=1: write what changed, drop what has no tool.
  beforeAll(() => {
    if (!process.env.UPDATE_GENERATED) return;
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const name of stored()) {
      if (!expected.has(name)) rmSync(new URL(name, SCHEMA_DIR));
    }
    for (const [name, text] of expected) {
      if (!stored().has(name) || read(name) !== text)
        writeFileSync(new URL(name, SCHEMA_DIR), text);
    }
  });

  it.each(TOOLS.map((tool) => tool.name))('%s.json holds that tool’s schemas as listed', (name) => {
    const file = `${name}.json`;
    if (!stored().has(file)) {
      expect.fail(`src/generated/schemas/${file} is missing for the tool ${name}: ${REGENERATE}`);
    }
    expect(read(file), `src/generated/schemas/${file} is stale: ${REGENERATE}`).toBe(
      expected.get(file),
    );
  });

  it('holds no file for a tool the registry no longer has', () => {
    const orphans = [...stored()].filter((name) => !expected.has(name));
    expect(orphans, `files in src/generated/schemas with no tool: ${REGENERATE}`).toEqual([]);
  });

  it('index.ts imports every tool’s file', () => {
    const index = stored().has('index.ts') ? read('index.ts') : '(missing)';
    expect(index, `src/generated/schemas/index.ts is stale: ${REGENERATE}`).toBe(
      expected.get('index.ts'),
    );
  });
});
