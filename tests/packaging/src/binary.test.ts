import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InstalledServer, startInstalledServer } from './installed-server.js';

/** Tools the binary serves by default: everything but the four delete tools. */
const DEFAULT_TOOL_COUNT = 57;

const project = inject('project');
const bin = join(project, 'node_modules/.bin/plex-mcp-server');

/** Asserts a client sees the demo library through the installed binary. */
async function expectDemoLibrary(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools).toHaveLength(DEFAULT_TOOL_COUNT);
  const result = await client.callTool({ name: 'library_list', arguments: {} });
  expect(result.isError).toBeFalsy();
  const { libraries } = result.structuredContent as { libraries: { title: string }[] };
  expect(libraries.map((library) => library.title)).toContain('Movies');
}

describe('the installed binary, --demo over stdio', () => {
  it('answers tools/list and a call through the official SDK client', async () => {
    const client = new Client({ name: 'packaging-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: bin,
        args: ['--demo'],
        cwd: project,
        env: { PATH: process.env.PATH ?? '' },
        stderr: 'pipe',
      }),
    );
    try {
      await expectDemoLibrary(client);
    } finally {
      await client.close();
    }
  });
});

describe('the installed binary, --demo over HTTP', () => {
  let server: InstalledServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startInstalledServer(project);
    baseUrl = server.url;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves MCP on /mcp to the official SDK client', async () => {
    const client = new Client({ name: 'packaging-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`)));
    try {
      await expectDemoLibrary(client);
    } finally {
      await client.close();
    }
  });

  it('serves REST on /tools', async () => {
    const response = await fetch(`${baseUrl}/tools`);
    expect(response.status).toBe(200);
    const tools = (await response.json()) as { name: string }[];
    expect(tools).toHaveLength(DEFAULT_TOOL_COUNT);
    expect(tools.map((tool) => tool.name)).toContain('media_search');
  });
});
