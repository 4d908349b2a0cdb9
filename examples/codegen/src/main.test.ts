import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlexTools as BuiltInTools } from '@plexmcp/sdk';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type BuiltServer,
  SERVER_BIN,
  startBuiltServer,
  waitForFile,
} from '../../testing/built-server.js';
import type { PlexTools } from './generated/plex-tools.js';
import { main } from './main.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const CODEGEN_BIN = fileURLToPath(
  new URL('../../../packages/sdk/bin/plexmcp-codegen.js', import.meta.url),
);
const GENERATED = join(exampleDir, 'src/generated/plex-tools.ts');

/** The words of a package.json script, so the test runs exactly what the README tells. */
const scripts = (
  JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const words = (script: string) => (scripts[script] as string).split(' ');

/** `plexmcp-codegen <args>` run from the example's folder; answers exit code and stderr. */
async function codegen(args: string[]) {
  await waitForFile(CODEGEN_BIN.replace('bin/plexmcp-codegen.js', 'dist/codegen-cli.js'));
  const child = spawn(process.execPath, [CODEGEN_BIN, ...args], {
    cwd: exampleDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

/** A codegen script's arguments, aimed at the test's server instead of port 3001. */
function codegenArgs(script: 'generate' | 'check', out?: string) {
  const [program, ...args] = words(script);
  expect(program).toBe('plexmcp-codegen');
  const url = args.indexOf('--url') + 1;
  expect(args[url]).toBe('http://127.0.0.1:3001/tools');
  args[url] = `${server.url}/tools`;
  if (out) args[args.indexOf('--out') + 1] = out;
  return args;
}

let server: BuiltServer;
const scratch = mkdtempSync(join(tmpdir(), 'plexmcp-codegen-example-'));

beforeAll(async () => {
  const [node, bin, ...flags] = words('serve');
  expect(node).toBe('node');
  expect(join(exampleDir, bin as string)).toBe(SERVER_BIN);
  server = await startBuiltServer([...flags, '--port', '0']);
}, 30_000);
afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('codegen example', () => {
  it('commits exactly what plexmcp-codegen generates from the narrowed server', async () => {
    const out = join(scratch, 'plex-tools.ts');
    const generated = await codegen(codegenArgs('generate', out));
    expect(generated.stderr).toContain(`wrote ${out}`);
    expect(generated.code).toBe(0);
    expect(
      readFileSync(out, 'utf8'),
      'src/generated/plex-tools.ts is stale: run `pnpm generate` at the repository root',
    ).toBe(readFileSync(GENERATED, 'utf8'));

    const checked = await codegen(codegenArgs('check'));
    expect(checked.stderr).toContain('src/generated/plex-tools.ts is up to date.');
    expect(checked.code).toBe(0);
  }, 30_000);

  it('holds only the read-only media tools, unlike the SDK built-in map', () => {
    const source = readFileSync(GENERATED, 'utf8');
    const names = [...source.matchAll(/^ {2}(\w+): \{ input:/gm)].map((match) => match[1]);
    expect(names.sort()).toEqual([
      'media_get_artwork',
      'media_get_children',
      'media_get_details',
      'media_get_related',
      'media_list_available_artwork',
      'media_search',
    ]);
    // Checked by `tsc` (pnpm typecheck): the two maps differ where the servers differ.
    expectTypeOf<PlexTools>().toHaveProperty('media_search');
    expectTypeOf<PlexTools>().not.toHaveProperty('library_list');
    expectTypeOf<PlexTools>().not.toHaveProperty('media_edit_metadata');
    expectTypeOf<BuiltInTools>().toHaveProperty('media_edit_metadata');
  });

  it('calls the server with the generated types', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main({
      env: { PLEXMCP_URL: server.url },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe('Nosferatu (1922) is item 1004');
    expect(out).toContain(
      'More Like This: Night of the Living Dead, The Phantom of the Opera, Carnival of Souls',
    );
  });
});
