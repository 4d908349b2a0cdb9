import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../testing/ports.js';
import { type CodegenIo, runCodegen } from './cli.js';
import type { ToolListing } from './generate.js';

const listing: ToolListing[] = [
  {
    name: 'media_search',
    description: 'Search titles.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string' } },
      required: ['query'],
    },
  },
];
const dir = mkdtempSync(join(tmpdir(), 'plexmcp-codegen-'));
const listingFile = join(dir, 'tools.json');
writeFileSync(listingFile, JSON.stringify(listing));

/** Runs the CLI in-process and answers its exit code and output. */
async function codegen(args: string[], env: NodeJS.ProcessEnv = {}, more: Partial<CodegenIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCodegen(args, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...more,
  });
  return { code, stdout, stderr };
}

// A stand-in /tools endpoint that requires the key "k3y-for-codegen".
let seen: { url: string; headers: IncomingHttpHeaders }[] = [];
const server = createServer((req, res) => {
  seen.push({ url: req.url ?? '', headers: req.headers });
  if (req.url === '/html/tools') {
    res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
  } else if (req.headers.authorization !== 'Bearer k3y-for-codegen') {
    res
      .writeHead(401, { 'content-type': 'application/json' })
      .end('{"success":false,"result":null,"error":{"code":"UNAUTHORIZED","message":"no"}}');
  } else if (req.url === '/v1/mcps/mcp_cabin/tools') {
    // The platform's answer: the same listing in its envelope.
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ success: true, data: listing }));
  } else {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing));
  }
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('plexmcp-codegen', () => {
  it('writes types from a saved listing to --out, creating folders', async () => {
    const out = join(dir, 'nested', 'plex-tools.ts');
    const { code, stderr } = await codegen(['--file', listingFile, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe(`plexmcp-codegen: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('media_search: { input: MediaSearchInput;');
  });

  it('prints the types on stdout without --out, under the chosen type name', async () => {
    const { code, stdout } = await codegen(['--file', listingFile, '--type-name', 'MyTools']);
    expect(code).toBe(0);
    expect(stdout).toContain('export interface MyTools {');
  });

  it('fetches --url with the key in the Authorization header (flag or PLEXMCP_API_KEY)', async () => {
    seen = [];
    const byFlag = await codegen(['--url', `${base}/tools`, '--api-key', 'k3y-for-codegen']);
    const byEnv = await codegen(['--url', base], { PLEXMCP_API_KEY: 'k3y-for-codegen' });
    expect([byFlag.code, byEnv.code]).toEqual([0, 0]);
    expect(byEnv.stdout).toBe(byFlag.stdout);
    // A bare server URL means its /tools; the key never rides in the URL.
    expect(seen.map((request) => request.url)).toEqual(['/tools', '/tools']);
  });

  it("reads an MCP's tools from the platform (GET /v1/mcps/{id}/tools, in its envelope)", async () => {
    const key = ['--api-key', 'k3y-for-codegen'];
    const platform = await codegen(['--url', `${base}/v1/mcps/mcp_cabin/tools`, ...key]);
    const plain = await codegen(['--url', `${base}/tools`, ...key]);
    expect(platform.code).toBe(0);
    expect(platform.stdout).toBe(plain.stdout);
    // An envelope that is not a success is not a listing.
    const failed = join(dir, 'failed.json');
    writeFileSync(failed, JSON.stringify({ success: false, data: listing }));
    expect((await codegen(['--file', failed])).stderr).toBe(
      `plexmcp-codegen: ${failed} is not a /tools listing: expected a JSON array of tools.\n`,
    );
  });

  it('says how to pass a key on 401, without echoing any key', async () => {
    const none = await codegen(['--url', `${base}/tools`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `plexmcp-codegen: ${base}/tools wants an API key: pass --api-key or set PLEXMCP_API_KEY.\n`,
    );
    const { code, stderr } = await codegen(['--url', `${base}/tools`, '--api-key', 'wrong-k3y']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `plexmcp-codegen: ${base}/tools refused the API key (401): check --api-key or PLEXMCP_API_KEY.\n`,
    );
  });

  it('reports an unreachable server and a non-JSON answer clearly', async () => {
    const closed = await closedPort();
    const down = await codegen(['--url', `http://127.0.0.1:${closed}/tools`]);
    expect(down.code).toBe(2);
    expect(down.stderr).toBe(
      `plexmcp-codegen: Cannot reach http://127.0.0.1:${closed}/tools (ECONNREFUSED). Is the plexmcp server running?\n`,
    );
    const html = await codegen(['--url', `${base}/html/tools`]);
    expect(html.stderr).toBe(
      `plexmcp-codegen: ${base}/html/tools answered HTTP 502: <html>Bad gateway</html>\n`,
    );
  });

  it('rejects files that are not a /tools listing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ tools: [] }));
    expect((await codegen(['--file', bad])).stderr).toBe(
      `plexmcp-codegen: ${bad} is not a /tools listing: expected a JSON array of tools.\n`,
    );
    writeFileSync(bad, JSON.stringify([{ name: 'x' }]));
    expect((await codegen(['--file', bad])).stderr).toBe(
      `plexmcp-codegen: ${bad}: tool "x" has no parameters schema.\n`,
    );
  });

  it('--check exits 0 when current and 1 with a summary when stale or missing', async () => {
    const out = join(dir, 'checked.ts');
    await codegen(['--file', listingFile, '--out', out]);
    expect(await codegen(['--file', listingFile, '--out', out, '--check'])).toMatchObject({
      code: 0,
      stderr: `plexmcp-codegen: ${out} is up to date.\n`,
    });
    const grown = join(dir, 'grown.json');
    writeFileSync(
      grown,
      JSON.stringify([...listing, { ...listing[0], name: 'media_get_details' }]),
    );
    const stale = await codegen(['--file', grown, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(
      `plexmcp-codegen: ${out} is stale (tools added media_get_details). Run without --check to regenerate.\n`,
    );
    // --check never writes.
    expect(readFileSync(out, 'utf8')).not.toContain('media_get_details');
    const missing = await codegen(['--file', listingFile, '--out', join(dir, 'no.ts'), '--check']);
    expect(missing.code).toBe(1);
  });

  it('says what to install, before fetching anything, when TypeScript is missing', async () => {
    seen = [];
    // Finds no compiler, as a project without one would. (Not Node's lookup from an empty folder:
    // it also searches NODE_PATH, which pnpm points at the workspace's hoisted packages.)
    const requireModule = (id: string) => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    const out = join(dir, 'never-written.ts');
    const run = await codegen(
      ['--url', `${base}/tools`, '--api-key', 'k3y-for-codegen', '--out', out],
      {},
      { requireModule },
    );
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'plexmcp-codegen: TypeScript 5 or 6 is needed to print the types, and none is installed: npm i -D typescript@6\n',
    });
    expect(seen).toEqual([]);
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
    // --help needs no compiler.
    expect((await codegen(['--help'], {}, { requireModule })).code).toBe(0);
  });

  it('exits 2 with usage hints for bad flags', async () => {
    expect(await codegen([])).toMatchObject({ code: 2 });
    expect((await codegen(['--check', '--file', listingFile])).stderr).toContain(
      '--check needs --out, the file to check.',
    );
    expect((await codegen(['--bogus'])).stderr).toContain('Run with --help for usage.');
    expect((await codegen(['--help'])).code).toBe(0);
  });
});
