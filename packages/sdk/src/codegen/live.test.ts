import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, runCodegenBin, startDemoServer } from '../testing/demo-server.js';

const KEY = 'codegen-live-k3y-90d1-Xb5Mw2Qr8Lc4';
const committed = readFileSync(new URL('../generated/tools.ts', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'plexmcp-codegen-live-'));

let server: DemoServer;
beforeAll(async () => {
  // Every tool visible, as the committed file declares them all.
  server = await startDemoServer(['--access', 'delete', '--api-key', KEY]);
}, 60_000);
afterAll(() => server?.close());

describe('plexmcp-codegen (built bin) against a live server', () => {
  it('generates from /tools a file identical to the committed src/generated/tools.ts', async () => {
    const out = join(dir, 'tools.ts');
    const run = await runCodegenBin(['--url', `${server.url}/tools`, '--out', out], {
      PLEXMCP_API_KEY: KEY,
    });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(
      readFileSync(out, 'utf8'),
      'src/generated/tools.ts is stale: run `pnpm generate` at the repository root',
    ).toBe(committed);
    expect(run.stderr + server.stderr()).not.toContain(KEY);
  });

  // Two runs of the bin, each loading the TypeScript compiler: past the default 5 s on a busy
  // 2-core machine.
  it('--check passes on the committed file and fails on a stale one with a summary', {
    timeout: 30_000,
  }, async () => {
    const current = join(dir, 'current.ts');
    writeFileSync(current, committed);
    const fresh = await runCodegenBin([
      '--url',
      `${server.url}/tools`,
      '--api-key',
      KEY,
      '--out',
      current,
      '--check',
    ]);
    expect(fresh.code).toBe(0);

    const stale = join(dir, 'stale.ts');
    writeFileSync(
      stale,
      committed
        .replace(/^ {2}\/\*\*\n(?: {3}\*.*\n)+ {3}\*\/\n {2}media_delete: .*\n/m, '')
        .replace('  query: string;', '  query: number;'),
    );
    const check = await runCodegenBin([
      '--url',
      `${server.url}/tools`,
      '--api-key',
      KEY,
      '--out',
      stale,
      '--check',
    ]);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      `plexmcp-codegen: ${stale} is stale (tools added media_delete; changed media_search). Run without --check to regenerate.\n`,
    );
  });
});
