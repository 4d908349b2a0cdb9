import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from '../services/authenticate.js';
import { staticCaller } from '../services/caller.js';
import {
  DEFAULT_ORGANIZATION_NAME,
  defaultOrganization,
  ensureDefaultOrganization,
} from '../services/default-organization.js';
import { addMember } from '../services/members.js';
import { migrateToLatest } from '../storage/migrate.js';
import type { OpenStorageOptions } from '../storage/open.js';
import type { Storage } from '../storage/storage.js';
import { describeEachDatabase, type TestDatabases } from '../testing/databases.js';
import { runAdminCommand } from './run-admin-command.js';
import { USAGE } from './usage.js';

const NO_ORGANIZATION =
  'No organization yet: run `plex-mcp-server admin init --org <name> --email <email>` first.';
const KEY_PATTERN = /plexmcp_[0-9A-Za-z]{36}/g;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What one command run printed and answered. */
interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs commands against `database` with a data directory (for the secret key) of its own. */
function cli(database: string | undefined, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-admin-'));
  dirs.push(dataDir);
  return async (...argv: string[]): Promise<Ran> => {
    let stdout = '';
    let stderr = '';
    const code = await runAdminCommand(
      database === undefined ? argv : [...argv, '--database', database],
      {
        env: { PLEXMCP_DATA_DIR: dataDir, ...env },
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    return { code, stdout, stderr };
  };
}

/** The `--database` argument naming a test database. */
function databaseArgument(options: OpenStorageOptions): string {
  if ('url' in options) return options.url;
  if ('file' in options) return options.file;
  throw new Error('in-memory databases are not shared between runs');
}

/** A fresh database, a CLI on it, and a connection to look at what the commands did. */
async function fresh(t: TestDatabases) {
  const options = await t.createDatabase();
  const run = cli(databaseArgument(options));
  return { run, storage: () => t.open(options) };
}

/** The one key secret in a command's output. */
function secretIn(output: string): string {
  const secrets = output.match(KEY_PATTERN) ?? [];
  expect(secrets).toHaveLength(1);
  return secrets[0]!;
}

async function rows(storage: Storage) {
  return {
    organizations: await storage.db.selectFrom('organizations').selectAll().orderBy('id').execute(),
    members: await storage.db.selectFrom('members').selectAll().orderBy('id').execute(),
    keys: await storage.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
  };
}

describeEachDatabase('admin commands', (t) => {
  it('says how to begin when the database has no organization yet', async () => {
    const { run } = await fresh(t);
    for (const argv of [
      ['keys', 'list'],
      ['members', 'list'],
      ['keys', 'create', '--name', 'x'],
    ]) {
      const ran = await run(...argv);
      expect(ran).toEqual({ code: 1, stdout: '', stderr: `${NO_ORGANIZATION}\n` });
    }
  });

  it('admin init creates the default organization, its owner and an admin key printed once', async () => {
    const { run, storage } = await fresh(t);
    const ran = await run('admin', 'init', '--org', 'Home', '--email', 'Me@Example.com');
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toContain('will not be shown again');
    expect(ran.stdout).toContain('Authorization: Bearer <key>');

    const s = await storage();
    const auth = await authenticate(s, secretIn(ran.stdout));
    expect(auth.ok).toBe(true);
    if (!auth.ok) return;
    expect(auth.scopes).toEqual(['read', 'write', 'delete', 'admin']);
    expect(auth.member).toMatchObject({ email: 'Me@Example.com', name: 'Me', role: 'owner' });
    expect(auth.organization).toMatchObject({ name: 'Home', plan: 'team' });
    expect((await defaultOrganization(s))?.id).toBe(auth.organization.id);
  });

  it('admin init refuses a second time, naming the organization and what to run instead', async () => {
    const { run, storage } = await fresh(t);
    const first = await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');
    const before = await rows(await storage());
    const again = await run('admin', 'init', '--org', 'Other', '--email', 'you@example.com');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    const home = before.organizations[0]!;
    expect(again.stderr).toContain(`"Home" (${home.id})`);
    expect(again.stderr).toContain('keys create');
    expect(again.stderr).toContain('members add');
    expect(again.stderr).not.toContain(secretIn(first.stdout));
    expect(await rows(await storage())).toEqual(before);
  });

  it('admin init --another creates an organization beside the default one', async () => {
    const { run, storage } = await fresh(t);
    await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');
    const another = await run(
      ...['admin', 'init', '--org', 'Lab', '--email', 'lab@example.com', '--plan', 'pro'],
      ...['--another', '--json'],
    );
    expect(another.code).toBe(0);
    const created = JSON.parse(another.stdout);
    expect(created.organization).toMatchObject({ name: 'Lab', plan: 'pro' });
    expect((await defaultOrganization(await storage()))?.name).toBe('Home');

    const labMembers = await run('members', 'list', '--org', created.organization.id, '--json');
    expect(JSON.parse(labMembers.stdout)).toEqual([created.owner]);
    const homeMembers = await run('members', 'list', '--json');
    expect(JSON.parse(homeMembers.stdout).map((m: { email: string }) => m.email)).toEqual([
      'me@example.com',
    ]);
    const missing = await run('members', 'list', '--org', 'org_doesnotexist');
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'No organization org_doesnotexist in this database.\n',
    });
  });

  it('admin init adopts the member-less default organization made for static keys', async () => {
    const { run, storage } = await fresh(t);
    const s = await storage();
    // As a server's first start with static keys does: migrate, then the member-less default.
    await migrateToLatest(s);
    const made = await ensureDefaultOrganization(s, { plan: 'free' });
    expect(made.name).toBe(DEFAULT_ORGANIZATION_NAME);

    const noOwner = await run('keys', 'create', '--name', 'laptop');
    expect(noOwner.code).toBe(1);
    expect(noOwner.stderr).toContain('no owner yet');

    const ran = await run(
      ...['admin', 'init', '--org', 'Home', '--email', 'me@example.com', '--name', 'Me'],
      '--json',
    );
    expect(ran.code).toBe(0);
    const init = JSON.parse(ran.stdout);
    expect(Object.keys(init).sort()).toEqual(['key', 'organization', 'owner']);
    expect(init.organization).toEqual({ ...made, name: 'Home', plan: 'team' });
    expect(init.owner).toMatchObject({ name: 'Me', role: 'owner' });
    const auth = await authenticate(s, init.key.secret);
    expect(auth.ok && auth.organization.id).toBe(made.id);
    expect((await rows(s)).organizations).toHaveLength(1);

    const again = await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');
    expect(again.code).toBe(1);
  });

  it('keys create, list and revoke; a revoked key no longer authenticates', async () => {
    const { run, storage } = await fresh(t);
    const init = await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');
    const initSecret = secretIn(init.stdout);

    const created = await run(
      ...['keys', 'create', '--name', 'laptop', '--scopes', 'write+read'],
      ...['--expires', '2999-01-01T00:00:00Z'],
    );
    expect(created.code).toBe(0);
    const secret = secretIn(created.stdout);
    expect(created.stdout).toContain('will not be shown again');
    const s = await storage();
    const auth = await authenticate(s, secret);
    expect(auth.ok && auth.key).toMatchObject({
      name: 'laptop',
      scopes: ['read', 'write'],
      expires_at: '2999-01-01T00:00:00.000Z',
    });

    const defaults = JSON.parse((await run('keys', 'create', '--name', 'ci', '--json')).stdout);
    expect(defaults.scopes).toEqual(['read', 'write', 'delete']);
    expect(defaults.secret).toMatch(KEY_PATTERN);
    expect(defaults).not.toHaveProperty('hash');

    const listed = await run('keys', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('laptop');
    expect(listed.stdout.match(KEY_PATTERN)).toBeNull();
    expect(listed.stdout).not.toContain(initSecret.slice(12));

    const keyId = auth.ok ? auth.key.id : '';
    const revoked = await run('keys', 'revoke', keyId, '--json');
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: keyId, revoked_at: expect.any(String) });
    expect(await authenticate(s, secret)).toEqual({ ok: false, reason: 'revoked' });
    expect((await authenticate(s, initSecret)).ok).toBe(true);

    const all = JSON.parse((await run('keys', 'list', '--json')).stdout) as Record<
      string,
      unknown
    >[];
    expect(all.map((k) => k.name)).toEqual(['admin', 'laptop', 'ci']);
    expect(JSON.stringify(all)).not.toMatch(/hash|secret/);
    const stored = await s.db.selectFrom('api_keys').select('hash').execute();
    for (const { hash } of stored) expect(JSON.stringify(all)).not.toContain(hash);
    expect((await run('keys', 'list')).stdout).toMatch(/laptop .* revoked/);

    const unknown = await run('keys', 'revoke', 'key_doesnotexist');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('No API key key_doesnotexist');
  });

  it('keys create keeps the services rules: a member cannot hold admin, nor an expired key exist', async () => {
    const { run, storage } = await fresh(t);
    await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');
    await run('members', 'add', '--email', 'bea@example.com');
    const before = await rows(await storage());

    const tooMuch = await run(
      ...['keys', 'create', '--name', 'x', '--member', 'BEA@example.com', '--scopes', 'read+admin'],
    );
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr).toContain('cannot exceed its member');
    const past = await run('keys', 'create', '--name', 'x', '--expires', '2001-01-01T00:00:00Z');
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('must be in the future');
    expect(await rows(await storage())).toEqual(before);

    const forBea = await run('keys', 'create', '--name', 'bea', '--member', 'bea@example.com');
    expect(forBea.code).toBe(0);
    const auth = await authenticate(await storage(), secretIn(forBea.stdout));
    expect(auth.ok && auth.member.email).toBe('bea@example.com');
  });

  it('members add, list and remove; the last owner is never removed', async () => {
    const { run, storage } = await fresh(t);
    await run('admin', 'init', '--org', 'Home', '--email', 'me@example.com');

    const added = await run('members', 'add', '--email', 'bea@example.com', '--role', 'admin');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('bea@example.com');
    const beaKey = secretIn(
      (
        await run(
          'keys',
          'create',
          '--name',
          'b',
          '--member',
          'bea@example.com',
          '--scopes',
          'read+admin',
        )
      ).stdout,
    );
    const taken = await run('members', 'add', '--email', 'BEA@example.com');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already belongs');

    const listed = JSON.parse((await run('members', 'list', '--json')).stdout);
    expect(listed.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['me@example.com', 'owner'],
      ['bea@example.com', 'admin'],
    ]);
    expect((await run('members', 'list')).stdout).toMatch(/bea@example\.com +bea +admin/);

    // Demoted to member: Bea's key held admin, which a member may not; it keeps read.
    const demoted = await run('members', 'role', 'bea@example.com', 'member');
    expect(demoted).toMatchObject({ code: 0, stderr: '' });
    expect(demoted.stdout).toContain('bea@example.com');
    expect(demoted.stdout).toContain('is now member');
    const beaAuth = await authenticate(await storage(), beaKey);
    expect(beaAuth.ok && beaAuth.member.role).toBe('member');
    expect(beaAuth.ok && beaAuth.scopes).toEqual(['read']);
    const lastOwnerRole = await run('members', 'role', listed[0].id, 'admin');
    expect(lastOwnerRole.code).toBe(1);
    expect(lastOwnerRole.stderr).toContain('last owner');

    const removed = await run('members', 'remove', 'bea@example.com', '--json');
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ id: listed[1].id, revoked_keys: 1 });
    const s = await storage();
    expect(await authenticate(s, beaKey)).toEqual({ ok: false, reason: 'revoked' });

    const before = await rows(s);
    const lastOwner = await run('members', 'remove', listed[0].id);
    expect(lastOwner.code).toBe(1);
    expect(lastOwner.stderr).toContain('last owner');
    expect(await rows(s)).toEqual(before);
    const nobody = await run('members', 'remove', 'nobody@example.com');
    expect(nobody).toMatchObject({
      code: 1,
      stderr: 'No member nobody@example.com in this organization.\n',
    });
  });

  it('lists every item, however many pages the services answer', async () => {
    const { run, storage } = await fresh(t);
    const init = JSON.parse(
      (await run('admin', 'init', '--org', 'Big', '--email', 'me@example.com', '--json')).stdout,
    );
    const s = await storage();
    const caller = staticCaller(init.organization.id, ['read', 'write', 'delete', 'admin']);
    for (let i = 0; i < 120; i += 1) {
      await addMember(s, caller, { email: `m${i}@example.com`, name: `M ${i}`, role: 'member' });
    }
    const listed = JSON.parse((await run('members', 'list', '--json')).stdout);
    expect(listed).toHaveLength(121);
    expect(new Set(listed.map((m: { id: string }) => m.id)).size).toBe(121);
  });
});

describeEachDatabase('admin commands, database from the environment', (t) => {
  it('uses PLEXMCP_DATABASE_URL when --database is not given', async () => {
    const options = await t.createDatabase();
    const url = 'url' in options ? options.url : `sqlite:${databaseArgument(options)}`;
    const run = cli(undefined, { PLEXMCP_DATABASE_URL: url });
    expect((await run('admin', 'init', '--org', 'Env', '--email', 'me@example.com')).code).toBe(0);
    const s = await t.open(options);
    expect((await defaultOrganization(s))?.name).toBe('Env');
  });
});

describe('admin command lines', () => {
  const run = cli(join(tmpdir(), 'plexmcp-admin-never-opened', 'never.db'));

  it.each([
    [[]],
    [['bogus']],
    [['keys']],
    [['keys', 'delete']],
    [['keys', 'list', '--bogus']],
    [['keys', 'list', 'extra']],
    [['keys', 'revoke']],
    [['members', 'remove']],
    [['members', 'role', 'bea@example.com']],
    [['members', 'role', 'bea@example.com', 'boss']],
    [['members', 'role', 'bea@example.com', 'member', 'extra']],
    [['keys', 'create']],
    [['keys', 'create', '--name', 'x', '--scopes', 'read+sudo']],
    [['keys', 'create', '--name', 'x', '--expires', 'tomorrow']],
    [['members', 'add', '--email', 'not-an-address']],
    [['members', 'add', '--email', 'a@example.com', '--role', 'god']],
    [['admin', 'init', '--email', 'me@example.com']],
    [['admin', 'init', '--org', 'Home']],
    [['admin', 'init', '--org', 'Home', '--email', 'me@example.com', '--plan', 'gold']],
    [['admin', 'init', '--org', '--email', 'me@example.com']],
  ])('%j is a usage error (exit 2, usage on stderr, database untouched)', async (argv) => {
    const ran = await run(...argv);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain(USAGE);
    expect(ran.stderr.length).toBeGreaterThan(USAGE.length);
  });

  it.each([[['--help']], [['keys', '--help']], [['keys', 'create', '-h']]])(
    '%j prints the usage alone',
    async (argv) => {
      expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr: USAGE });
    },
  );

  it('never prints a database password', async () => {
    for (const url of [
      'postgres://plex:s3cretpw@127.0.0.1:1/plexmcp',
      'mysql://plex:s3cretpw@localhost/plexmcp',
    ]) {
      const ran = await cli(url)('keys', 'list');
      expect(ran.code).toBe(1);
      expect(ran.stderr).not.toBe('');
      expect(ran.stderr).not.toContain('s3cretpw');
    }
  });
});
