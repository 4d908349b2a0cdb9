import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defineTool } from './define-tool.js';
import { describeTool, jsonSchemasOf } from './list-tools.js';
import { findTool } from './registry.js';

// json-schema.test.ts checks that the stored files match the tools' schemas.
describe('stored JSON Schemas', () => {
  it('are what describeTool lists for registry tools', () => {
    const tool = findTool('library_list');
    if (!tool) throw new Error('library_list is missing');
    expect(describeTool(tool).inputSchema).toEqual(jsonSchemasOf(tool, false).input);
    expect(describeTool(tool).outputSchema).toEqual(jsonSchemasOf(tool, false).output);
  });

  it('are not used for a tool outside the registry that shares a name', () => {
    const registry = findTool('library_list');
    if (!registry) throw new Error('library_list is missing');
    const input = v.object({ query: v.pipe(v.string(), v.description('Text to find')) });
    const impostor = defineTool({ ...registry, input });
    expect(describeTool(impostor).inputSchema).toEqual({
      type: 'object',
      properties: { query: { type: 'string', description: 'Text to find' } },
      required: ['query'],
    });
  });
});
