import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltServer,
  SERVER_BIN,
  startDemoHttpServer,
  waitForBuild,
} from '../../testing/built-server.js';

/** One `mcpServers` entry of a Claude Desktop config. */
interface ServerEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
}

function entryOf(file: string): ServerEntry {
  const config = JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as {
    mcpServers: Record<string, ServerEntry>;
  };
  expect(Object.keys(config.mcpServers)).toEqual(['plex']);
  return config.mcpServers.plex as ServerEntry;
}

/** The server's own arguments in an entry: what follows the package (npx) or the bin (node). */
function serverArgs(entry: ServerEntry): string[] {
  // `npx -y @plexmcp/mcp-server <rest>` and `node …/plex-mcp-server.js <rest>` both run the bin
  // with <rest>.
  return entry.command === 'npx' ? entry.args.slice(2) : entry.args.slice(1);
}

/** Runs a stdio entry as Claude Desktop would, with this checkout's build as the bin. */
async function connectStdio(entry: ServerEntry, extraArgs: string[], env: Record<string, string>) {
  await waitForBuild();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_BIN, ...serverArgs(entry), ...extraArgs],
    env: { PATH: process.env.PATH ?? '', ...env },
    // Away from any .env a developer keeps in the checkout: the entry alone configures it.
    cwd: tmpdir(),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'claude-desktop-example', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('claude_desktop_config.stdio.json', () => {
  const entry = entryOf('claude_desktop_config.stdio.json');

  it('runs the published package with npx and configures Plex through the environment', () => {
    expect(entry.command).toBe('npx');
    expect(entry.args).toEqual(['-y', '@plexmcp/mcp-server']);
    expect(Object.keys(entry.env).sort()).toEqual(['PLEX_TOKEN', 'PLEX_URL']);
    expect(new URL(entry.env.PLEX_URL as string).port).toBe('32400');
  });

  it('answers tools/list with --demo added', async () => {
    const client = await connectStdio(entry, ['--demo'], entry.env);
    try {
      const { tools } = await client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toContain('media_search');
      expect(names).toContain('library_list');
      // The default access is write: delete tools stay hidden until --access delete.
      expect(names).not.toContain('media_delete');
    } finally {
      await client.close();
    }
  }, 30_000);

  it('reaches the Plex server that PLEX_URL and PLEX_TOKEN name', async () => {
    const emulator = createPlexEmulator({ library: 'demo' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    // The entry's variable names with values for the emulator in place of a real server.
    const env = { ...entry.env, PLEX_URL: served.url, PLEX_TOKEN: emulator.token };
    const client = await connectStdio(entry, [], env);
    try {
      const result = await client.callTool({
        name: 'media_search',
        arguments: { query: 'charade' },
      });
      expect(result.isError).toBeFalsy();
      const { results } = result.structuredContent as { results: { id: string; title: string }[] };
      expect(results[0]).toMatchObject({ id: '1002', title: 'Charade' });
    } finally {
      await client.close();
      await emulator.close();
    }
  }, 30_000);
});

describe('claude_desktop_config.checkout.json', () => {
  const entry = entryOf('claude_desktop_config.checkout.json');

  it("runs a checkout's built bin with node, configured like the npx entry", () => {
    expect(entry.command).toBe('node');
    expect(entry.args).toEqual(['/path/to/plexmcp/packages/mcp-server/bin/plex-mcp-server.js']);
    expect(SERVER_BIN.endsWith('/packages/mcp-server/bin/plex-mcp-server.js')).toBe(true);
    expect(entry.env).toEqual(entryOf('claude_desktop_config.stdio.json').env);
  });

  it('answers a search with the bin at that path', async () => {
    const client = await connectStdio(entry, ['--demo'], entry.env);
    try {
      const result = await client.callTool({
        name: 'media_search',
        arguments: { query: 'charade' },
      });
      expect(result.isError).toBeFalsy();
      const { results } = result.structuredContent as { results: { title: string }[] };
      expect(results.map((found) => found.title)).toContain('Charade');
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe('claude_desktop_config.http.json', () => {
  const entry = entryOf('claude_desktop_config.http.json');
  const KEY = 'example-key-0123456789-ABCDEFGHIJ';
  let server: BuiltServer;

  beforeAll(async () => {
    server = await startDemoHttpServer(KEY);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** The URL mcp-remote is given, moved to the test server's port. */
  const remoteUrl = () => {
    const configured = new URL(entry.args.find((arg) => arg.startsWith('http')) as string);
    return new URL(configured.pathname, server.url);
  };

  /** The header mcp-remote sends: `Name:${VAR}` with VAR from the entry's env, key filled in. */
  const remoteHeader = () => {
    const header = entry.args[entry.args.indexOf('--header') + 1] as string;
    const [name, value] = header.split(':') as [string, string];
    const variable = /^\$\{(\w+)\}$/.exec(value)?.[1] as string;
    const placeholder = entry.env[variable] as string;
    expect(placeholder).toMatch(/^Bearer \S+$/);
    return { [name]: placeholder.replace(/\S+$/, KEY) };
  };

  it('bridges stdio to the server with mcp-remote over Streamable HTTP', () => {
    expect(entry.command).toBe('npx');
    expect(entry.args.slice(0, 2)).toEqual(['-y', 'mcp-remote']);
    expect(entry.args[entry.args.indexOf('--transport') + 1]).toBe('http-only');
    // Default --port of the server, on loopback.
    expect(new URL(entry.args[2] as string).host).toBe('127.0.0.1:3001');
  });

  it('points at the path the server serves MCP on, with the header its API keys expect', async () => {
    const url = remoteUrl();
    expect(url.pathname).toBe('/mcp');
    const client = new Client({ name: 'claude-desktop-example', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(url, { requestInit: { headers: remoteHeader() } }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('media_search');
    } finally {
      await client.close();
    }
  }, 30_000);

  it('is refused without the header', async () => {
    const response = await fetch(remoteUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
  });
});
