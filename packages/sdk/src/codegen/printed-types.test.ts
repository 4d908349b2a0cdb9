import { describe, expect, it } from 'vitest';
import { generateToolTypes, type ToolListing } from './generate.js';
import { loadTypeScript } from './load-typescript.js';

const ts = loadTypeScript();

const libraries = new Map<string, import('typescript').SourceFile>();

/**
 * Type-checks in-memory files with the compiler, as strict as this repository; answers each
 * diagnostic as `file:line message`. `@ts-expect-error` lines make misuse part of the proof.
 */
function typecheck(files: Record<string, string>): string[] {
  const options: import('typescript').CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const path = (name: string) => `/virtual/${name}`;
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [path(name), text]));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.getSourceFile = (name, version, ...rest) => {
    const text = inMemory.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version);
    // The standard library's files: parsed once for all checks.
    const lib = libraries.get(name) ?? getSourceFile.call(host, name, version, ...rest);
    if (lib) libraries.set(name, lib);
    return lib;
  };
  host.fileExists = (name) => inMemory.has(name) || fileExists.call(host, name);
  host.readFile = (name) => inMemory.get(name) ?? readFile.call(host, name);
  host.directoryExists = (name) =>
    name === '/virtual' || directoryExists?.call(host, name) === true;
  const program = ts.createProgram([...inMemory.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.replace('/virtual/', '')}:${
          diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
        } `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** A tool whose schema has every case string concatenation used to get wrong. */
const awkward: ToolListing = {
  name: 'odd.tool-v2',
  title: 'Odd */ tool',
  description: 'Closes */ comments\nand spans lines.',
  parameters: {
    type: 'object',
    properties: {
      default: { type: 'string', description: 'A reserved word as a name.' },
      'a-b': { type: 'integer', description: 'Ends the comment */ not.', default: '*/' },
      '"quote"': { type: 'boolean' },
      "it's": { enum: ["it's", 'say "hi"', 'back\\slash', 'two\nlines', 'café', '*/'] },
      matrix: {
        type: 'array',
        items: {
          anyOf: [
            { type: ['string', 'null'] },
            { type: 'array', items: { type: ['integer', 'boolean'] } },
          ],
        },
      },
      both: {
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { type: 'object', properties: { b: { type: ['number', 'null'] } }, required: ['b'] },
        ],
      },
      pair: {
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'integer' }],
        minItems: 1,
        items: false,
      },
      counts: { type: 'object', additionalProperties: { type: 'integer' } },
      level: { const: 'it\'s "max"' },
      anything: { not: { type: 'null' } } as never,
    },
    required: ['default', 'a-b'],
  },
  output_schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
};

describe('the printed types', () => {
  const source = generateToolTypes([awkward]);

  it('write each awkward case as the type it means', () => {
    const lines = source.split('\n');
    expect(lines).toContain(
      `  'odd.tool-v2': { input: OddToolV2Input; output: OddToolV2Output; };`,
    );
    expect(lines).toContain('  default: string;');
    expect(lines).toContain(`  'a-b': number;`);
    expect(lines).toContain(`  '"quote"'?: boolean;`);
    expect(lines).toContain(
      `  'it\\'s'?: 'it\\'s' | 'say "hi"' | 'back\\\\slash' | 'two\\nlines' | 'caf\\u00E9' | '*/';`,
    );
    expect(lines).toContain('  matrix?: (string | null | (number | boolean)[])[];');
    expect(lines).toContain('  pair?: [string, number?];');
    expect(lines).toContain('  counts?: Record<string, number>;');
    expect(lines).toContain(`  level?: 'it\\'s "max"';`);
    expect(lines).toContain('  anything?: unknown;');
    expect(lines).toContain('export type OddToolV2Output = string | string[];');
    expect(source).toContain(
      ['  both?: {', '    a: string;', '  } & {', '    b: number | null;', '  };'].join('\n'),
    );
    // Every `*/` from the listing is inside a literal or broken in a comment.
    expect(source).toContain(
      '   * **Odd *\\/ tool**\n   * Closes *\\/ comments\n   * and spans lines.',
    );
    expect(source).toContain('   * Ends the comment *\\/ not.\n   * @default "*\\/"');
  });

  it('compiles, and accepts and refuses what the schema does', () => {
    const use = `
      import type { OddToolV2Input, OddToolV2Output, PlexTools } from './tools.js';

      export const full: OddToolV2Input = {
        default: 'x',
        'a-b': 1,
        '"quote"': true,
        "it's": 'two\\nlines',
        matrix: [['no', null] as never, [1, true], 'text', null],
        both: { a: 'a', b: null },
        pair: ['one', 2],
        counts: { movies: 3 },
        level: 'it\\'s "max"',
        anything: { any: 'thing' },
      };
      export const least: PlexTools['odd.tool-v2']['input'] = { default: '', 'a-b': 0 };
      export const short: OddToolV2Input['pair'] = ['only'];
      export const answer: OddToolV2Output = ['a'];

      // @ts-expect-error 'a-b' is required
      export const missing: OddToolV2Input = { default: '' };
      // @ts-expect-error not one of the enum's values
      export const offEnum: OddToolV2Input = { default: '', 'a-b': 0, "it's": 'its' };
      // @ts-expect-error the tuple holds two elements at most
      export const long: OddToolV2Input = { default: '', 'a-b': 0, pair: ['a', 1, 2] };
      // @ts-expect-error the intersection needs both halves
      export const half: OddToolV2Input = { default: '', 'a-b': 0, both: { a: 'a' } };
      // @ts-expect-error a nested array holds numbers and booleans, not strings
      export const deep: OddToolV2Input = { default: '', 'a-b': 0, matrix: [['x']] };
    `;
    expect(typecheck({ 'tools.ts': source, 'use.ts': use })).toEqual([]);
  });

  it('compiles for a catalogue of tool names that are not identifiers', () => {
    const names = ['3d', 'class', 'default', 'media search', 'x"y', "o'k", 'a\\b'];
    const tools = names.map((name, index) => ({
      name: `${name}-${index}`,
      parameters: { type: 'object', properties: {} },
    }));
    const keys = tools.map(({ name }) => JSON.stringify(name));
    const use = `
      import type { PlexTools } from './tools.js';
      export type Names = keyof PlexTools;
      export const all: Names[] = [${keys.join(', ')}];
      export const exact: [Names] extends [${keys.join(' | ')}] ? true : false = true;
    `;
    expect(typecheck({ 'tools.ts': generateToolTypes(tools), 'use.ts': use })).toEqual([]);
  });
});
