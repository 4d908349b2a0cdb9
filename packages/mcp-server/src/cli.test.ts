import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Built inside the package so the bundle resolves its third-party imports from node_modules.
const outDir = fileURLToPath(new URL('../.test-build', import.meta.url));
const cli = `${outDir}/cli.js`;

beforeAll(async () => {
  await build({
    entry: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
    outDir,
    format: ['esm'],
    target: 'node20',
    noExternal: [/^@plexmcp\//],
    silent: true,
    config: false,
  });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs the CLI to completion with no stdin; answers exit code and output. */
function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: outDir,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('plex-mcp-server over stdio', () => {
  it('serves the demo library to a real MCP client', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cli, '--demo'],
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(50);
    expect(tools.map((tool) => tool.name)).not.toContain('media_delete');
    const result = await client.callTool({ name: 'media_search', arguments: { query: 'charade' } });
    expect(JSON.stringify(result.structuredContent)).toContain('Charade');
    await client.close();
    expect(stderr).toContain('serving the demo library over stdio');
    expect(stderr).not.toContain('plex-emulator-token');
  }, 30_000);

  it('narrows the tools with --read-only and --toolsets', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cli, '--demo', '--read-only', '--toolsets', 'library,server'],
      env: { PATH: process.env.PATH ?? '' },
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    for (const tool of tools) {
      expect(tool.name).toMatch(/^(library|server)_/);
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    await client.close();
  }, 30_000);

  it('explains missing configuration on stderr and exits 2, printing nothing on stdout', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Set PLEX_URL and PLEX_TOKEN');
    expect(stderr).toContain('--demo');
  });

  it('names bad values', async () => {
    const { code, stderr } = await run(['--demo', '--access', 'admin', '--toolsets', 'music']);
    expect(code).toBe(2);
    expect(stderr).toContain('access must be read, write or delete');
    expect(stderr).toContain('toolsets must be a comma list of');
  });

  it('serves HTTP with --transport http and prints the URL on stderr', async () => {
    const child = spawn(process.execPath, [cli, '--demo', '--transport', 'http', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
      cwd: outDir,
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /over HTTP at (http:\/\/127\.0\.0\.1:\d+)\/mcp/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
    });
    const tools = (await (await fetch(`${url}/tools`)).json()) as { name: string }[];
    expect(tools.map((tool) => tool.name)).toContain('media_search');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('loopback only');
  }, 30_000);

  it('refuses a non-loopback HTTP host without API keys', async () => {
    const { code, stderr } = await run(['--demo', '--transport', 'http', '--host', '0.0.0.0']);
    expect(code).toBe(2);
    expect(stderr).toContain('Refusing to listen on 0.0.0.0 without API keys');
  });
});
