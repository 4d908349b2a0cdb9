import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InstalledServer, startInstalledServer } from './installed-server.js';
import { type ReadmeExample, STRICT_TSCONFIG, writeExamples } from './readme-examples.js';
import { run } from './run.js';

const project = inject('project');
/** Where the SDK example finds its server; the test substitutes the real address. */
const SDK_EXAMPLE_URL = 'http://127.0.0.1:3001';
const API_KEY = 'packaging-test-key-0123456789-abcdefghij';

let plex: PlexEmulator;
let plexUrl: string;
let closePlex: () => Promise<void>;
let server: InstalledServer;
let serverUrl: string;
let examples: Map<string, ReadmeExample>;

/** Runs one example with node against the emulator. */
function runExample(id: string, env: Record<string, string> = {}) {
  const example = examples.get(id);
  if (!example) throw new Error(`no README example ${id}`);
  return run(process.execPath, [example.jsPath], {
    cwd: project,
    env: { PLEX_URL: plexUrl, PLEX_TOKEN: plex.token, ...env },
    timeoutMs: 30_000,
  });
}

beforeAll(async () => {
  plex = createPlexEmulator({ library: 'demo' });
  const listening = await plex.listen({ port: 0 });
  plexUrl = listening.url;
  closePlex = listening.close;

  // The installed binary, with an API key, for the SDK's example.
  server = await startInstalledServer(project, { PLEX_MCP_API_KEYS: API_KEY });
  serverUrl = server.url;

  const written = writeExamples(project, ({ code }) => code.replaceAll(SDK_EXAMPLE_URL, serverUrl));
  examples = new Map(written.map((example) => [`${example.pkg}--${example.name}`, example]));
});

afterAll(async () => {
  await server?.stop();
  await closePlex?.();
  await plex?.close();
});

describe("the READMEs' examples, run from the installed tarballs", () => {
  it('are the ones this file runs, in every package', () => {
    expect([...examples.keys()].sort()).toEqual([
      'mcp-server--in-code',
      'plex-client--errors',
      'plex-client--quick-start',
      'plex-emulator--in-code',
      'plex-tools--in-code',
      'sdk--calling-tools',
      // Type-checked only (below): the installed server runs without @plexmcp/platform.
      'sdk--platform',
    ]);
  });

  it('plex-client quick start: names the server and counts each library', async () => {
    const result = await runExample('plex-client--quick-start');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^.+ runs Plex \d+\.\d+/);
    expect(result.stdout).toMatch(/^Movies \d+$/m);
  });

  it('plex-client errors: a 404 is NOT_FOUND, a refused token UNAUTHORIZED', async () => {
    const missing = await runExample('plex-client--errors');
    expect(missing.stdout.trim()).toBe('no such item');
    const refused = await runExample('plex-client--errors', { PLEX_TOKEN: 'revoked-token' });
    expect(refused.stdout.trim()).toBe('Plex refused the token: sign in again');
  });

  it('plex-tools: a search answers, a wrong id is NOT_FOUND, a refused token UNAUTHORIZED', async () => {
    const ok = await runExample('plex-tools--in-code');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Night of the Living Dead');
    expect(ok.stdout).toMatch(/^\d+ tools$/m);
    expect(ok.stderr).toMatch(/^NOT_FOUND No item with id or title "999999"/);

    const refused = await runExample('plex-tools--in-code', { PLEX_TOKEN: 'revoked-token' });
    expect(refused.stderr).toMatch(/^UNAUTHORIZED /);
  });

  it('plex-emulator: answers a request in process and on a socket, then stops', async () => {
    const result = await runExample('plex-emulator--in-code');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^200\nPlex at http:\/\/127\.0\.0\.1:\d+, plex\.tv at http/);
  });

  it('mcp-server: the library serves MCP over stdio with codes from the app’s own plex-client', async () => {
    const connect = async (token: string) => {
      const client = new Client({ name: 'packaging-test', version: '1.0.0' });
      const example = examples.get('mcp-server--in-code');
      if (!example) throw new Error('no mcp-server example');
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [example.jsPath],
          cwd: project,
          env: { PATH: process.env.PATH ?? '', PLEX_URL: plexUrl, PLEX_TOKEN: token },
          stderr: 'pipe',
        }),
      );
      return client;
    };
    const textOf = (result: Awaited<ReturnType<Client['callTool']>>) =>
      (result.content as { type: string; text: string }[])[0]?.text ?? '';

    const client = await connect(plex.token);
    try {
      const missing = await client.callTool({
        name: 'media_get_details',
        arguments: { media: '999999' },
      });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/^NOT_FOUND: No item with id or title "999999"/);
    } finally {
      await client.close();
    }

    const refused = await connect('revoked-token');
    try {
      const result = await refused.callTool({ name: 'library_list', arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^UNAUTHORIZED: /);
    } finally {
      await refused.close();
    }
  });

  it('sdk: calls the installed server with its key; a wrong key is UNAUTHORIZED', async () => {
    const ok = await runExample('sdk--calling-tools', { PLEXMCP_API_KEY: API_KEY });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);

    const refused = await runExample('sdk--calling-tools', {
      PLEXMCP_API_KEY: 'not-the-key-0123456789-abcdefghijklmn',
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Error: UNAUTHORIZED: /);
  });
});

describe('strict tsc over the installed packages', () => {
  it("type-checks every README example and the SDK's (REST and platform) and plex-tools' typed calls, .d.ts files included", async () => {
    const typesDir = join(project, 'types');
    mkdirSync(typesDir, { recursive: true });
    writeFileSync(
      join(typesDir, 'sdk-calls.ts'),
      `import { createPlexMcpClient } from '@plexmcp/sdk';

const plex = createPlexMcpClient({ baseUrl: 'http://127.0.0.1:1' });
const found = await plex.tools.media_search({ query: 'charade', limit: 5 });
if (!found.error) {
  const title: string | undefined = found.data.results[0]?.title;
  void title;
}
// @ts-expect-error a tool that does not exist
await plex.tools.media_serch({ query: 'charade' });
// @ts-expect-error an argument of the wrong type
await plex.tools.media_search({ query: 42 });
// @ts-expect-error a missing required argument
await plex.tools.media_search({ limit: 5 });
export {};
`,
    );
    writeFileSync(
      join(typesDir, 'sdk-platform.ts'),
      `import { createPlexMcpPlatform, type UnknownTools } from '@plexmcp/sdk';

const platform = createPlexMcpPlatform({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });
const found = await platform.invoke('mcp_1', 'media_search', { query: 'charade' });
if (found.error) {
  const status: number | null = found.error.status;
  void status;
} else {
  const title: string | undefined = found.data.results[0]?.title;
  void title;
}
for await (const page of platform.apiKeys.iterate({ per_page: 100 })) {
  if (!page.error) {
    const pages: number = page.pagination.total_pages;
    void pages;
  }
}
const untyped = await platform.mcp('mcp_2').invoke('anything', { any: 1 });
if (!untyped.error) {
  // @ts-expect-error an MCP without generated types answers unknown
  void untyped.data.title;
}
void platform.invoke<UnknownTools>('mcp_2', 'anything');
// @ts-expect-error a tool that does not exist
await platform.invoke('mcp_1', 'media_serch', { query: 'charade' });
// @ts-expect-error an argument of the wrong type
await platform.invoke('mcp_1', 'media_search', { query: 42 });
// @ts-expect-error a missing required argument
await platform.invoke('mcp_1', 'media_search', {});
// @ts-expect-error no such MCP kind
await platform.mcps.create({ kind: 'jellyfin', name: 'J', url: 'http://j' });
export {};
`,
    );
    writeFileSync(
      join(typesDir, 'tool-calls.ts'),
      `import { createPlexClient } from '@plexmcp/plex-client';
import { callTool, type ToolName } from '@plexmcp/plex-tools';

const plex = createPlexClient({ baseUrl: 'http://127.0.0.1:1', token: 'x' });
const found = await callTool('media_search', { query: 'charade' }, { plex });
if (found.ok) {
  const title: string | undefined = found.data.results[0]?.title;
  void title;
}
const dynamic = await callTool('media_search' as string, {}, { plex });
if (dynamic.ok) {
  // @ts-expect-error a name known only at run time answers unknown data
  void dynamic.data.results;
}
const name: ToolName = 'library_list';
void name;
// @ts-expect-error a tool that does not exist
await callTool('media_serch', { query: 'charade' }, { plex });
// @ts-expect-error an argument of the wrong type
await callTool('media_search', { query: 42 }, { plex });
export {};
`,
    );
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG, null, 2));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', project], {
      cwd: project,
      timeoutMs: 230_000,
    });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  }, 240_000);
});
