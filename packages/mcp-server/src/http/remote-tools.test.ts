import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { remoteAccess, servedRemoteTools } from './remote-tools.js';

const tool = (name: string, annotations?: Tool['annotations']): Tool => ({
  name,
  inputSchema: { type: 'object' },
  ...(annotations === undefined ? {} : { annotations }),
});

describe('remote tools', () => {
  it("reads a tool's access from its annotations with the MCP specification's defaults", () => {
    expect(remoteAccess(tool('lookup', { readOnlyHint: true }))).toBe('read');
    // readOnlyHint wins: destructiveHint only means something for tools that write.
    expect(remoteAccess(tool('lookup', { readOnlyHint: true, destructiveHint: true }))).toBe(
      'read',
    );
    expect(remoteAccess(tool('append', { destructiveHint: false }))).toBe('write');
    expect(remoteAccess(tool('append', { readOnlyHint: false, destructiveHint: false }))).toBe(
      'write',
    );
    // Unannotated, or only partly: the specification presumes it may destroy.
    expect(remoteAccess(tool('anything'))).toBe('delete');
    expect(remoteAccess(tool('titled', { title: 'Titled' }))).toBe('delete');
    expect(remoteAccess(tool('idempotent', { idempotentHint: true }))).toBe('delete');
    expect(remoteAccess(tool('drop', { destructiveHint: true }))).toBe('delete');
  });

  it("serves only the tools within the MCP's access", () => {
    const tools = [
      tool('lookup', { readOnlyHint: true }),
      tool('append', { destructiveHint: false }),
      tool('anything'),
    ];
    const names = (cap: 'read' | 'write' | 'delete') =>
      servedRemoteTools(tools, cap).map((served) => `${served.name}:${served.access}`);
    expect(names('read')).toEqual(['lookup:read']);
    expect(names('write')).toEqual(['lookup:read', 'append:write']);
    expect(names('delete')).toEqual(['lookup:read', 'append:write', 'anything:delete']);
  });
});
