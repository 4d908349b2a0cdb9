// The platform through the binary users get: keys made by the operator's commands work on the
// server's doors, a revocation by another process reaches a running server, and everything
// outlives a restart on the same data directory.

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBuilt, WORK_DIR } from '../testing/built-bin.js';
import { connectStreamableHttp } from '../testing/http-clients.js';
import { type BuiltHttpServer, startBuiltHttpServer } from '../testing/http-server.js';
import { startEverythingServer } from '../testing/remote-mcps.js';
import { type PlexScene, plexScene, SPAWN_TIMEOUT } from './scene.js';

beforeAll(ensureBuilt, SPAWN_TIMEOUT);

/** A created key as `--json` prints it. */
interface PrintedKey {
  id: string;
  secret: string;
}

/** One answer of the server, its body parsed when it is JSON. */
async function get(url: string, key?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the failure message.
  }
  return { status: response.status, body };
}

/** Runs an operator's command on `dataDir`, expecting success, and parses its `--json`. */
async function command<T>(dataDir: string, args: readonly string[]): Promise<T> {
  const run = await runBuilt([...args, '--json'], { PLEXMCP_DATA_DIR: dataDir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('the platform with the built binary', () => {
  let plex: PlexScene;
  // The server's own settings, without configured keys: managed keys are the only way in.
  const serverEnv = (dataDir: string) =>
    plex.env({ PLEX_MCP_API_KEYS: '', PLEXMCP_DATA_DIR: dataDir });
  const servers: BuiltHttpServer[] = [];
  const start = async (dataDir: string) => {
    const server = await startBuiltHttpServer({ env: serverEnv(dataDir) });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    plex = await plexScene();
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await plex.close();
  });

  it(
    'serves keys made by admin init and keys create, sees a revocation within 1.5 s, and keeps all of it across a restart',
    async () => {
      const dataDir = mkdtempSync(join(WORK_DIR, 'platform-'));
      const init = await command<{ organization: { id: string; name: string }; key: PrintedKey }>(
        dataDir,
        ['admin', 'init', '--org', 'Home', '--email', 'me@home.example'],
      );
      expect(init.organization.name).toBe('Home');
      const admin = init.key.secret;
      const laptop = await command<PrintedKey>(dataDir, [
        'keys',
        'create',
        '--name',
        'laptop',
        '--scopes',
        'read',
      ]);

      const first = await start(dataDir);
      expect(first.output.stderr).toContain('managed API keys');
      const client = await connectStreamableHttp({ baseUrl: first.url, apiKey: laptop.secret });
      const { tools } = await client.listTools();
      // A read key sees read tools only.
      expect(tools.length).toBeGreaterThan(10);
      for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
      await client.close();
      const listed = await get(`${first.url}/tools`, laptop.secret);
      expect(listed.status).toBe(200);
      expect((listed.body as unknown[]).length).toBe(tools.length);
      expect((await get(`${first.url}/tools`)).status).toBe(401);

      // Revoked by another process, on the database the server has open.
      const revoked = await runBuilt(['keys', 'revoke', laptop.id], { PLEXMCP_DATA_DIR: dataDir });
      expect(revoked.code).toBe(0);
      const revokedAt = Date.now();
      await expect
        .poll(async () => (await get(`${first.url}/tools`, laptop.secret)).status, {
          timeout: 1500,
          interval: 100,
        })
        .toBe(401);
      expect(Date.now() - revokedAt).toBeLessThan(1500);
      expect(await first.stop()).toBe(0);

      const second = await start(dataDir);
      const organization = await get(`${second.url}/v1/organization`, admin);
      expect(organization).toMatchObject({
        status: 200,
        body: { success: true, data: { id: init.organization.id, name: 'Home' } },
      });
      const keys = await get(`${second.url}/v1/api-keys`, admin);
      expect(keys.status).toBe(200);
      const rows = (keys.body as { data: { id: string; name: string; revoked_at: unknown }[] })
        .data;
      expect(rows.map((row) => row.name)).toEqual(['admin', 'laptop']);
      expect(rows.find((row) => row.id === laptop.id)?.revoked_at).toEqual(expect.any(String));
      // Secrets are never listed, only their display prefix.
      expect(JSON.stringify(keys.body)).not.toContain(laptop.secret);
      expect((await get(`${second.url}/tools`, laptop.secret)).status).toBe(401);
      expect((await get(`${second.url}/tools`, admin)).status).toBe(200);
      expect(await second.stop()).toBe(0);
    },
    3 * SPAWN_TIMEOUT,
  );

  it(
    'relays a remote tool with an output schema, though the binary carries no JSON Schema validator',
    async () => {
      const dataDir = mkdtempSync(join(WORK_DIR, 'platform-'));
      const init = await command<{ key: PrintedKey }>(dataDir, [
        'admin',
        'init',
        '--org',
        'Remote',
        '--email',
        'me@remote.example',
      ]);
      const everything = await startEverythingServer();
      try {
        const server = await start(dataDir);
        const post = (path: string, body: unknown) =>
          fetch(`${server.url}/v1${path}`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${init.key.secret}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify(body),
          }).then(async (response) => ({
            status: response.status,
            body: (await response.json()) as { data: { id: string } },
          }));
        const added = await post('/mcps', {
          kind: 'remote',
          name: 'Everything',
          url: everything.url,
        });
        expect(added.status).toBe(201);
        const weather = await post('/mcp/invoke', {
          mcp_id: added.body.data.id,
          tool: 'get-structured-content',
          arguments: { location: 'Chicago' },
        });
        expect(weather).toMatchObject({
          status: 200,
          body: { success: true, data: { temperature: expect.any(Number) } },
        });
        expect(await server.stop()).toBe(0);
      } finally {
        await everything.stop();
      }
    },
    2 * SPAWN_TIMEOUT,
  );

  it(
    'on an empty data directory says how to make the first key',
    async () => {
      const server = await start(mkdtempSync(join(WORK_DIR, 'platform-')));
      await expect
        .poll(() => server.output.stderr, { timeout: 5000 })
        .toContain('admin init --org');
      expect(server.output.stderr).toContain('no API keys, loopback only');
      expect(await server.stop()).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it('keys list on an empty database exits 1 and says to run admin init', async () => {
    const run = await runBuilt(['keys', 'list'], {
      PLEXMCP_DATA_DIR: mkdtempSync(join(WORK_DIR, 'platform-')),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No organization yet');
    expect(run.stderr).toContain('admin init --org <name> --email <email>');
  });
});
