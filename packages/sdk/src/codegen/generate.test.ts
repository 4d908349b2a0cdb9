import { describe, expect, it } from 'vitest';
import { diffSummary } from './diff-summary.js';
import { GENERATED_HEADER, generateToolTypes, type ToolListing } from './generate.js';

const search: ToolListing = {
  name: 'media_search',
  title: 'Search media',
  description: 'Search titles.',
  parameters: {
    type: 'object',
    properties: { query: { type: 'string', description: 'Search text' } },
    required: ['query'],
  },
  output_schema: {
    type: 'object',
    properties: { has_more: { type: 'boolean' } },
    required: ['has_more'],
  },
};
const list: ToolListing = {
  name: 'library_list',
  parameters: { type: 'object', properties: {} },
};

describe('generateToolTypes', () => {
  it('declares the tool map and each input and output, marked as generated', () => {
    const source = generateToolTypes([search, list]);
    expect(source.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
    expect(source).toContain(
      [
        'export interface PlexTools {',
        '  /**',
        '   * **Search media**',
        '   * Search titles.',
        '   */',
        '  media_search: { input: MediaSearchInput; output: MediaSearchOutput; };',
        '  library_list: { input: LibraryListInput; output: LibraryListOutput; };',
        '}',
      ].join('\n'),
    );
    expect(source).toContain(
      '/** Arguments of `media_search`. */\nexport interface MediaSearchInput {\n  /** Search text */\n  query: string;\n}',
    );
    expect(source).toContain('export interface MediaSearchOutput {\n  has_more: boolean;\n}');
    // No parameters: only an empty object is accepted. No output schema: nothing is promised.
    expect(source).toContain('export type LibraryListInput = Record<string, never>;');
    expect(source).toContain('export type LibraryListOutput = unknown;');
  });

  it('is deterministic and honours --type-name', () => {
    expect(generateToolTypes([search])).toBe(generateToolTypes([search]));
    expect(generateToolTypes([search], { typeName: 'MyTools' })).toContain(
      'export interface MyTools {',
    );
    expect(() => generateToolTypes([search], { typeName: 'my-tools' })).toThrow(
      '--type-name must be a TypeScript identifier that is not a keyword; got "my-tools".',
    );
    // A keyword: `export interface type {}` would not compile.
    expect(() => generateToolTypes([search], { typeName: 'type' })).toThrow(
      '--type-name must be a TypeScript identifier that is not a keyword; got "type".',
    );
  });

  it('names types of tools that start with a digit validly', () => {
    expect(generateToolTypes([{ ...list, name: '3d_render' }])).toContain(
      "  '3d_render': { input: Tool3dRenderInput; output: Tool3dRenderOutput; };",
    );
  });

  it('refuses tools whose type names would collide', () => {
    expect(() => generateToolTypes([search, { ...search, name: 'media-search' }])).toThrow(
      'The tools "media_search" and "media-search" would get the same type names.',
    );
  });
});

describe('diffSummary', () => {
  it('names the tools added, removed and changed', () => {
    const changed: ToolListing = {
      ...search,
      parameters: { ...search.parameters, required: [] },
    };
    const extra: ToolListing = { ...list, name: 'server_get_info' };
    expect(
      diffSummary(generateToolTypes([search, list]), generateToolTypes([changed, extra])),
    ).toBe('tools added server_get_info; removed library_list; changed media_search');
  });

  it('points at the first differing line when no tool changed', () => {
    const fresh = generateToolTypes([search]);
    const edited = fresh.replace('Every tool', 'Each tool');
    expect(diffSummary(edited, fresh)).toBe(
      'first difference at line 4: expected "/** Every tool the server lists, by name: what it takes and what it answers. */"',
    );
  });
});
