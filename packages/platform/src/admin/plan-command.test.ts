import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { authenticate } from '../services/authenticate.js';
import { describeEachDatabase } from '../testing/databases.js';
import { runAdminCommand } from './run-admin-command.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs admin commands on `database`, answering exit code and output. */
function cli(database: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-plan-'));
  dirs.push(dataDir);
  return async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runAdminCommand([...argv, '--database', database], {
      env: { PLEXMCP_DATA_DIR: dataDir },
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  };
}

describeEachDatabase('admin plan', (t) => {
  async function fresh() {
    const options = await t.createDatabase();
    const run = cli('url' in options ? options.url : 'file' in options ? options.file : '');
    return { run, storage: () => t.open(options) };
  }

  it("moves the default organization (or --org's) to a plan and prints the new limit", async () => {
    const { run, storage } = await fresh();
    const init = await run(
      'admin',
      'init',
      '--org',
      'Home',
      '--email',
      'me@home.example',
      '--json',
    );
    expect(init.code).toBe(0);
    const { organization: home, key } = JSON.parse(init.stdout);
    expect(home.plan).toBe('team');

    const free = await run('admin', 'plan', 'free');
    expect(free).toMatchObject({ code: 0, stderr: '' });
    expect(free.stdout).toBe(
      `"Home" (${home.id}) is on the free plan (was team).\n` +
        'Each of its API keys may send 10 requests per second; running servers apply it within a second or two.\n',
    );
    // The key's caller carries the plan the server limits it by.
    const s = await storage();
    const authenticated = await authenticate(s, key.secret);
    expect(authenticated.ok && authenticated.caller.plan).toBe('free');

    const other = await run(
      'admin',
      'init',
      '--another',
      '--org',
      'Work',
      '--email',
      'me@work.example',
      '--plan',
      'free',
      '--json',
    );
    const work = JSON.parse(other.stdout).organization;
    const pro = await run('admin', 'plan', 'pro', '--org', work.id, '--json');
    expect(pro.code).toBe(0);
    expect(JSON.parse(pro.stdout)).toEqual({
      organization: { ...work, plan: 'pro' },
      previous_plan: 'free',
      rate_limit: { per_second: 100, burst: 100 },
    });
    const again = await run('admin', 'plan', 'pro', '--org', work.id);
    expect(again.stdout).toContain('is on the pro plan (unchanged).');
    // The default organization was left alone.
    const row = await s.db
      .selectFrom('organizations')
      .select('plan')
      .where('id', '=', home.id)
      .executeTakeFirst();
    expect(row?.plan).toBe('free');
  });

  it('refuses an unknown plan or organization without changing anything', async () => {
    const { run } = await fresh();
    expect(await run('admin', 'plan', 'free')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No organization yet'),
    });
    await run('admin', 'init', '--org', 'Home', '--email', 'me@home.example');
    const wrong = await run('admin', 'plan', 'enterprise');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("The plan must be one of free, pro, team (not 'enterprise').");
    expect((await run('admin', 'plan')).stderr).toContain('Say which: the plan (free, pro, team).');
    expect(await run('admin', 'plan', 'pro', '--org', 'org_nope')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No organization org_nope'),
    });
  });
});
