import { describe, expect, it } from 'vitest';
import { listTools, TOOLS } from './index.js';

/** Inputs many tools share: the model should read one short text for each, everywhere. */
const SHARED_INPUTS = [
  'media',
  'library',
  'playlist',
  'collection',
  'client',
  'items',
  'offset',
] as const;

/** Rules every tool must follow to be listed over MCP and used well by a model. */
describe('the tool catalogue', () => {
  const all = listTools({ access: 'delete' });

  it('has unique names that MCP accepts', () => {
    const names = all.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,64}$/);
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    '%s is fully described',
    (_name, tool) => {
      expect(tool.title.trim()).not.toBe('');
      expect(tool.description.trim()).not.toBe('');
      expect(Object.keys(tool.annotations).sort()).toEqual([
        'destructiveHint',
        'idempotentHint',
        'openWorldHint',
        'readOnlyHint',
      ]);
      for (const hint of Object.values(tool.annotations)) expect(typeof hint).toBe('boolean');
      expect(tool.annotations.readOnlyHint).toBe(tool.access === 'read');
      expect(tool.annotations.destructiveHint).toBe(tool.access === 'delete');
    },
  );

  it.each(all.map((tool) => [tool.name, tool] as const))(
    '%s has object-rooted schemas with every input described',
    (_name, tool) => {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema.type).toBe('object');
      expect(tool.inputSchema).not.toHaveProperty('$schema');
      const properties = (tool.inputSchema.properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      for (const [property, schema] of Object.entries(properties)) {
        expect(schema.description, `${tool.name}.${property}`).toBeTruthy();
      }
    },
  );

  it('caps every array input (at any depth) at 500 items', () => {
    const arrays: string[] = [];
    /** Visits every schema node below `node` (lists such as `anyOf` included), naming where it sits. */
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (types.includes('array')) {
        arrays.push(at);
        expect(schema.maxItems, at).toBeTypeOf('number');
        expect(schema.maxItems as number, at).toBeLessThanOrEqual(500);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}.${key}`);
    };
    for (const tool of all) walk(tool.inputSchema, tool.name);
    // Item lists (6), playlist entries, tags to add and remove, collection labels (2) and alert
    // types: the walk found them.
    expect(arrays.length).toBeGreaterThanOrEqual(12);
  });

  it('hides delete tools unless asked, and write tools in read-only mode', () => {
    const names = (options: Parameters<typeof listTools>[0]) =>
      listTools(options).map((t) => t.name);
    const deleteTools = TOOLS.filter((t) => t.access === 'delete').map((t) => t.name);
    const writeTools = TOOLS.filter((t) => t.access === 'write').map((t) => t.name);
    for (const name of deleteTools) expect(names({})).not.toContain(name);
    for (const name of [...writeTools, ...deleteTools])
      expect(names({ readOnly: true })).not.toContain(name);
    expect(names({ access: 'delete' })).toEqual(TOOLS.map((t) => t.name));
  });

  it('keeps what a model reads of a tool (name, description, input schema) under 380 B on average', () => {
    const bytes = all.map(({ name, description, inputSchema }) =>
      Buffer.byteLength(JSON.stringify({ name, description, inputSchema })),
    );
    const total = bytes.reduce((sum, size) => sum + size, 0);
    expect(all).toHaveLength(61);
    expect(total / all.length).toBeLessThan(380);
  });

  it('describes each shared addressing input identically in every tool', () => {
    const seen = new Map<string, Set<string>>();
    for (const tool of all) {
      const properties = (tool.inputSchema.properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      for (const name of SHARED_INPUTS) {
        const description = properties[name]?.description;
        if (description === undefined) continue;
        seen.set(name, (seen.get(name) ?? new Set()).add(description));
      }
    }
    expect([...seen.keys()].sort()).toEqual([...SHARED_INPUTS].sort());
    for (const [name, descriptions] of seen) expect([...descriptions], name).toHaveLength(1);
  });

  it('filters by toolset', () => {
    const libraryOnly = listTools({ toolsets: ['library'] });
    expect(libraryOnly.length).toBeGreaterThan(0);
    for (const tool of libraryOnly) expect(tool.module).toBe('library');
  });
});
