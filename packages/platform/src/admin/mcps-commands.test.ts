import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from './run-admin-command.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A CLI on a fresh SQLite file, `admin init` already run, printing into strings. */
async function initialised(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-mcps-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = join(dir, 'plexmcp.db');
  const run = async (...argv: string[]) => {
    const out = { code: -1, stdout: '', stderr: '' };
    out.code = await runAdminCommand([...argv, '--database', database], {
      env: { PLEXMCP_DATA_DIR: dir, ...env },
      stdout: (text) => {
        out.stdout += text;
      },
      stderr: (text) => {
        out.stderr += text;
      },
    });
    return out;
  };
  const init = await run('admin', 'init', '--org', 'Home', '--email', 'me@home.example');
  expect(init.code).toBe(0);
  return run;
}

describe('mcps add|list|remove', () => {
  it('adds a Plex server by address and token, lists it beside the server’s own, removes it', async () => {
    const run = await initialised();
    const added = await run(
      'mcps',
      'add',
      '--name',
      'Cabin',
      '--url',
      'http://192.168.1.20:32400',
      '--token',
      'cabin-token-never-printed',
      '--access',
      'write',
      '--toolsets',
      'library,playlist',
      '--json',
    );
    expect(added.code).toBe(0);
    const mcp = JSON.parse(added.stdout);
    expect(mcp).toMatchObject({
      name: 'Cabin',
      kind: 'plex',
      url: 'http://192.168.1.20:32400',
      access: 'write',
      toolsets: ['library', 'playlist'],
      has_secret: true,
      builtin: false,
    });
    expect(added.stdout + added.stderr).not.toContain('cabin-token-never-printed');

    const listed = await run('mcps', 'list');
    expect(listed.stdout).toMatch(/Plex\s+plex \(this server's\)/);
    expect(listed.stdout).toContain('Cabin');
    expect(listed.stdout).not.toContain('cabin-token-never-printed');

    const builtin = (
      JSON.parse((await run('mcps', 'list', '--json')).stdout) as { id: string; builtin: boolean }[]
    ).find((entry) => entry.builtin);
    const refused = await run('mcps', 'remove', builtin?.id ?? '');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PLEX_URL');
    expect((await run('mcps', 'remove', mcp.id)).code).toBe(0);
    expect((await run('mcps', 'list')).stdout).not.toContain('Cabin');
  });

  it('refuses bad command lines before touching the database', async () => {
    const run = await initialised();
    const badHeaders = await run(
      'mcps',
      'add',
      '--remote',
      '--name',
      'R',
      '--url',
      'http://127.0.0.1:9',
      '--headers',
      'nope',
    );
    expect(badHeaders.code).toBe(2);
    expect(badHeaders.stderr).toContain('--headers must be a JSON object');
    const both = await run('mcps', 'add', '--login', '--url', 'http://127.0.0.1:32400');
    expect(both.code).toBe(2);
    const badUrl = await run('mcps', 'add', '--name', 'X', '--url', 'not a url', '--token', 't');
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/url/);
  });

  it('signs in to plex.tv with a PIN and adds the account’s server', async () => {
    const emulator = createPlexEmulator({ friendlyName: 'Attic Plex' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => emulator.close());
    const run = await initialised({ PLEX_TV_URL: served.plexTvUrl });

    const adding = run('mcps', 'add', '--login', '--access', 'read', '--json');
    // The person approves the code on plex.tv: the emulator's link endpoint, as the browser does.
    let code: string | undefined;
    for (let tries = 0; tries < 200 && code === undefined; tries++) {
      await sleep(25);
      code = [...emulator.state.pins.values()][0]?.code;
    }
    const linked = await fetch(`${served.plexTvUrl}/api/v2/pins/link`, {
      method: 'PUT',
      headers: {
        'X-Plex-Token': emulator.token,
        'X-Plex-Client-Identifier': 'browser',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `code=${code}`,
    });
    expect(linked.ok).toBe(true);
    const added = await adding;
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/enter the code \S+/);
    const mcp = JSON.parse(added.stdout);
    // The emulator lists itself with its loopback address as the local connection.
    expect(mcp).toMatchObject({ kind: 'plex', access: 'read', has_secret: true, url: served.url });
    expect(added.stderr).toContain('adding "Attic Plex"');
    expect(added.stdout + added.stderr).not.toContain(emulator.token);
  });
});
