import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlexMcpPlatform } from '@plexmcp/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltServer,
  SERVER_BIN,
  startBuiltServer,
  waitForBuild,
} from '../../testing/built-server.js';
import { main } from './main.js';

const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-platform-keys-'));
const database = join(dataDir, 'plexmcp.db');
let server: BuiltServer;
let homeKey: string;
let freeKey: string;

/** `plex-mcp-server admin init … --json` on the test's database: the new admin key. */
async function adminInit(args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    [SERVER_BIN, 'admin', 'init', ...args, '--database', database, '--json'],
    { env: { PATH: process.env.PATH ?? '', PLEXMCP_DATA_DIR: dataDir }, cwd: dataDir },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`admin init exited ${code}`);
  return (JSON.parse(stdout) as { key: { secret: string } }).key.secret;
}

beforeAll(async () => {
  await waitForBuild();
  homeKey = await adminInit(['--org', 'Home', '--email', 'me@home.example']);
  freeKey = await adminInit([
    '--another',
    '--org',
    'Free',
    '--email',
    'me@free.example',
    '--plan',
    'free',
  ]);
  server = await startBuiltServer(
    ['--demo', '--transport', 'http', '--port', '0', '--database', database],
    { PLEXMCP_DATA_DIR: dataDir },
  );
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs the example with this environment; answers its exit code and lines. */
async function run(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({
    env: { PLEXMCP_URL: server.url, ...env },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('platform-keys example', () => {
  it("rotates every other active key, keeps the secrets out of the output, and prints this month's usage per tool", async () => {
    const admin = createPlexMcpPlatform({ baseUrl: server.url, apiKey: homeKey });
    const ci = await admin.apiKeys.create({ name: 'ci', scopes: ['read'] });
    const laptop = await admin.apiKeys.create({ name: 'laptop', scopes: ['read', 'write'] });
    const old = await admin.apiKeys.create({ name: 'old', scopes: ['read'] });
    if (ci.error || laptop.error || old.error) throw new Error('keys not created');
    await admin.apiKeys.revoke(old.data.id);
    // Some tool calls to count: two searches (one refused) and a library list.
    const [mcp] = (await admin.mcps.list()).data ?? [];
    if (!mcp) throw new Error('no MCP');
    await admin.invoke(mcp.id, 'media_search', { query: 'charade' });
    await admin.invoke(mcp.id, 'media_search', { query: 'charade', limit: 0 });
    await admin.invoke(mcp.id, 'library_list');

    const secretsFile = join(dataDir, 'rotated.json');
    const { code, out, err } = await run({
      PLEXMCP_API_KEY: homeKey,
      PLEXMCP_NEW_KEYS_FILE: secretsFile,
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const month = new Date().toISOString().slice(0, 7);
    expect(out).toEqual([
      `Rotated 2 keys (new secrets in ${secretsFile}):`,
      expect.stringMatching(/^ {2}ci {6}plexmcp_\w{4}… → plexmcp_\w{4}…$/),
      expect.stringMatching(/^ {2}laptop {2}plexmcp_\w{4}… → plexmcp_\w{4}…$/),
      `Usage in ${month} (team plan): 3 tool calls, 1 error`,
      '  media_search  2 calls, 1 error',
      '  library_list  1 call',
    ]);

    // The new secrets are in a file only the owner can read, and nowhere else.
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(secretsFile, 'utf8')) as {
      name: string;
      secret: string;
    }[];
    expect(saved.map((key) => key.name)).toEqual(['ci', 'laptop']);
    for (const { secret } of saved) {
      expect(out.join('\n')).not.toContain(secret);
      const replacement = createPlexMcpPlatform({ baseUrl: server.url, apiKey: secret });
      expect((await replacement.organization.get()).data?.name).toBe('Home');
    }
    // The old keys no longer work; the new ones keep their scopes.
    for (const secret of [ci.data.secret, laptop.data.secret]) {
      const former = createPlexMcpPlatform({ baseUrl: server.url, apiKey: secret });
      expect((await former.organization.get()).error?.code).toBe('unauthorized');
    }
    const listed = (await admin.apiKeys.list()).data ?? [];
    expect(
      listed
        .filter((key) => key.revoked_at === null)
        .map((key) => [key.name, key.scopes.join('+')]),
    ).toEqual([
      ['admin', 'read+write+delete+admin'],
      ['ci', 'read'],
      ['laptop', 'read+write'],
    ]);
    expect(server.stderr()).not.toContain(homeKey);
  }, 30_000);

  it('on the free plan (10 requests per second) waits for the window instead of failing', async () => {
    const free = createPlexMcpPlatform({
      baseUrl: server.url,
      apiKey: freeKey,
      retryOnRateLimit: { maxWaitMs: 2_000 },
    });
    for (let i = 1; i <= 7; i++) {
      const created = await free.apiKeys.create({ name: `device-${i}`, scopes: ['read'] });
      if (created.error) throw new Error(created.error.message);
    }
    // 1 list + 7 creations + 7 revocations + usage: more than one second's worth.
    const { code, out, err } = await run({
      PLEXMCP_API_KEY: freeKey,
      PLEXMCP_NEW_KEYS_FILE: join(dataDir, 'rotated-free.json'),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe(`Rotated 7 keys (new secrets in ${join(dataDir, 'rotated-free.json')}):`);
    expect(out.at(-1)).toMatch(/^Usage in \d{4}-\d\d \(free plan\): 0 tool calls, \d+ errors?$/);
  }, 30_000);

  it('stops with the platform’s code when the key may not manage keys, and never prints a key', async () => {
    const admin = createPlexMcpPlatform({ baseUrl: server.url, apiKey: homeKey });
    const reader = await admin.apiKeys.create({ name: 'reader', scopes: ['read'] });
    if (reader.error) throw new Error(reader.error.message);
    const forbidden = await run({
      PLEXMCP_API_KEY: reader.data.secret,
      PLEXMCP_NEW_KEYS_FILE: join(dataDir, 'never.json'),
    });
    expect(forbidden.code).toBe(1);
    expect(forbidden.out).toEqual([]);
    expect(forbidden.err).toHaveLength(1);
    expect(forbidden.err[0]).toMatch(/^forbidden: /);

    const wrong = await run({ PLEXMCP_API_KEY: 'plexmcp_notAKey000000000000000000000000' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toMatch(/^unauthorized: /);
    expect(wrong.err[0]).not.toContain('notAKey');

    expect(await run({})).toEqual({
      code: 2,
      out: [],
      err: ['Set PLEXMCP_API_KEY to an admin key of the organization (admin init prints one).'],
    });
  });
});
