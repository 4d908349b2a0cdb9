import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { type PlatformHost, startPlatformHost } from '../host/platform-host.js';
import { changePlan } from '../services/organization-plan.js';
import { seedOrganization } from '../services/testing.js';
import type { Plan } from '../storage/schema.js';
import { describeEachDatabase, type TestDatabases } from '../testing/databases.js';
import { createPlanLimiter, type PlanLimiter } from './plan-limiter.js';
import { PLAN_RATE_LIMITS } from './plan-limits.js';

const limiters: PlanLimiter[] = [];
const hosts: PlatformHost[] = [];
afterEach(async () => {
  for (const limiter of limiters.splice(0)) limiter.close();
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** A host as the server starts it, on a new database of `t`'s dialect, and a handle beside it. */
async function startHost(t: TestDatabases, staticKeys: boolean) {
  const options = await t.createDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-limits-'));
  const database = 'url' in options ? options.url : 'file' in options ? options.file : '';
  const host = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dataDir },
    database,
    staticKeys,
  });
  hosts.push(host);
  return { host, storage: await t.open(options) };
}

/** Spends `count` requests one after another and answers the decisions. */
async function spend(limiter: PlanLimiter, key: string, plan: Plan, count: number) {
  const decisions = [];
  for (let i = 0; i < count; i++) decisions.push(await limiter.take(key, plan));
  return decisions;
}

it('gives the plans 10, 100 and 1000 requests per second', () => {
  expect(PLAN_RATE_LIMITS).toEqual({ free: 10, pro: 100, team: 1000 });
});

describeEachDatabase('createPlanLimiter', (t) => {
  async function limiter() {
    const made = createPlanLimiter(await t.openMigrated());
    limiters.push(made);
    return made;
  }

  it("lets a key send its plan's limit in a second, then refuses until the next", async () => {
    const plans = await limiter();
    const started = Date.now();
    const allowed = await spend(plans, 'key:a', 'free', 10);
    expect(allowed.map((d) => d.allowed)).toEqual(Array(10).fill(true));
    expect(allowed.map((d) => d.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(allowed.every((d) => d.limit === 10 && d.retryAfterSeconds === 0)).toBe(true);

    const refused = await plans.take('key:a', 'free');
    expect(refused).toMatchObject({ allowed: false, limit: 10, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The window opened with the first request: it ends within the next second or two.
    const now = Date.now() / 1000;
    expect(refused.resetAt).toBeGreaterThanOrEqual(Math.floor(now));
    expect(refused.resetAt).toBeLessThanOrEqual(Math.ceil(started / 1000) + 2);
    // Hammering does not shorten the wait.
    expect((await plans.take('key:a', 'free')).allowed).toBe(false);

    // Another key has its own budget.
    expect(await plans.take('key:b', 'free')).toMatchObject({ allowed: true, remaining: 9 });

    await sleep(Math.max(0, refused.resetAt * 1000 - Date.now()) + 150);
    expect(await plans.take('key:a', 'free')).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('charges a batch in one go and refuses it when too few are left', async () => {
    const plans = await limiter();
    expect(await plans.take('key:batch', 'free', 8)).toMatchObject({ allowed: true, remaining: 2 });
    expect((await plans.take('key:batch', 'free', 3)).allowed).toBe(false);
  });

  it("applies a key's new plan at once", async () => {
    const plans = await limiter();
    await spend(plans, 'key:upgraded', 'free', 10);
    expect((await plans.take('key:upgraded', 'free')).allowed).toBe(false);
    const pro = await plans.take('key:upgraded', 'pro');
    expect(pro).toMatchObject({ allowed: true, limit: 100 });
    // The team plan is not reached by a quick burst that stops the free plan.
    const team = await spend(plans, 'key:team', 'team', 50);
    expect(team.every((d) => d.allowed && d.limit === 1000)).toBe(true);
  });

  it("the host's callers carry their organization's plan, and a change is seen within a second or two", async () => {
    const { host, storage } = await startHost(t, true);
    const acme = await seedOrganization(storage, 'Acme');
    await changePlan(storage, acme.caller, 'free');
    const managed = await host.authenticate(acme.secret);
    expect(managed).toMatchObject({ plan: 'free' });
    // Configured keys act in the default organization, made on the self-hosted plan.
    expect(host.staticCaller(['read'])?.plan).toBe('team');

    const home = host.defaultOrganizationId as string;
    await changePlan(storage, { ...acme.caller, organizationId: home }, 'pro');
    await changePlan(storage, acme.caller, 'team');
    const deadline = Date.now() + 2000;
    let seen: { managed: unknown; configured: unknown } = { managed: '', configured: '' };
    while (Date.now() < deadline) {
      const caller = await host.authenticate(acme.secret);
      seen = {
        managed: typeof caller === 'string' ? caller : caller.plan,
        configured: host.staticCaller(['read'])?.plan,
      };
      if (seen.managed === 'team' && seen.configured === 'pro') break;
      await sleep(20);
    }
    expect(seen).toEqual({ managed: 'team', configured: 'pro' });
  });
});

describeEachDatabase('createPlanLimiter across replicas', (t) => {
  it.runIf(t.dialect === 'postgres')(
    'shares one budget between two processes on the same PostgreSQL database',
    async () => {
      // Two storages are two pools, as two replicas would have.
      const first = createPlanLimiter(await t.openMigrated());
      const second = createPlanLimiter(await t.open());
      limiters.push(first, second);
      const decisions = [];
      for (let i = 0; i < 10; i++) {
        decisions.push(await (i % 2 === 0 ? first : second).take('key:shared', 'free'));
      }
      expect(decisions.every((d) => d.allowed)).toBe(true);
      expect(decisions.at(-1)?.remaining).toBe(0);
      expect((await first.take('key:shared', 'free')).allowed).toBe(false);
      expect((await second.take('key:shared', 'free')).allowed).toBe(false);
      // Keys stay apart across replicas too.
      expect((await second.take('key:other', 'free')).allowed).toBe(true);
    },
  );

  it.runIf(t.dialect === 'sqlite')('counts in memory: each process has its own', async () => {
    const first = createPlanLimiter(await t.openMigrated());
    const second = createPlanLimiter(await t.open());
    limiters.push(first, second);
    await spend(first, 'key:local', 'free', 10);
    expect((await first.take('key:local', 'free')).allowed).toBe(false);
    expect((await second.take('key:local', 'free')).allowed).toBe(true);
  });
});
