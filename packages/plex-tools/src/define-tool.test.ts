import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { annotationsFor, defineTool } from './define-tool.js';
import { TOOLS } from './registry.js';

describe('annotations', () => {
  it('derive read-only and destructive from access alone', () => {
    expect(annotationsFor('read')).toEqual({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    });
    expect(annotationsFor('write')).toEqual({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: false,
    });
    expect(annotationsFor('delete', { idempotentHint: true })).toEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: false,
    });
  });

  it('take what an author states for the two hints access cannot decide', () => {
    const tool = defineTool({
      name: 'probe_tool',
      module: 'server',
      access: 'read',
      title: 'Probe',
      description: 'Test tool.',
      input: v.object({}),
      output: v.object({}),
      annotations: { openWorldHint: true },
      async run() {
        return {};
      },
    });
    expect(tool.annotations).toEqual({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
  });

  it('hold across the catalogue: read-only exactly for reads, destructive exactly for deletes', () => {
    for (const tool of TOOLS) {
      expect(tool.annotations.readOnlyHint, tool.name).toBe(tool.access === 'read');
      expect(tool.annotations.destructiveHint, tool.name).toBe(tool.access === 'delete');
    }
    const destructive = TOOLS.filter((tool) => tool.annotations.destructiveHint).map((t) => t.name);
    expect(destructive.sort()).toEqual([
      'collection_delete',
      'media_delete',
      'playlist_delete',
      'sessions_terminate',
    ]);
    const openWorld = TOOLS.filter((tool) => tool.annotations.openWorldHint).map((t) => t.name);
    expect(openWorld).toHaveLength(8);
  });
});
