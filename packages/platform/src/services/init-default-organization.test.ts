import { expect, it } from 'vitest';
import { migrateToLatest } from '../storage/migrate.js';
import { describeEachDatabase, type TestDatabases } from '../testing/databases.js';
import { authenticate } from './authenticate.js';
import {
  DEFAULT_ORGANIZATION_SETTING,
  defaultOrganization,
  ensureDefaultOrganization,
} from './default-organization.js';
import {
  type InitDefaultOrganizationInput,
  initDefaultOrganization,
} from './init-default-organization.js';

/** A database of its own, migrated: the default organization is one per database. */
async function fresh(t: TestDatabases) {
  const storage = await t.open(await t.createDatabase());
  await migrateToLatest(storage);
  return storage;
}

const HOME: InitDefaultOrganizationInput = {
  name: 'Home',
  plan: 'team',
  owner: { email: 'me@home.example', name: 'Me' },
  adminKey: { name: 'admin' },
};

describeEachDatabase('initDefaultOrganization', (t) => {
  it('creates and records the default organization with its owner and an admin key', async () => {
    const s = await fresh(t);
    const result = await initDefaultOrganization(s, HOME);
    expect(result.outcome).toBe('created');
    if (result.outcome === 'initialized') return;
    expect(result.organization).toMatchObject({ name: 'Home', plan: 'team' });
    expect(await defaultOrganization(s)).toEqual(result.organization);
    const auth = await authenticate(s, result.key.secret);
    expect(auth.ok && auth.member.id).toBe(result.owner.id);
  });

  it('adopts the member-less default, and reports an initialised one unchanged', async () => {
    const s = await fresh(t);
    const made = await ensureDefaultOrganization(s, { plan: 'free' });
    const { plan: _plan, ...withoutPlan } = HOME;
    const adopted = await initDefaultOrganization(s, withoutPlan);
    expect(adopted.outcome).toBe('adopted');
    // No plan given: the adopted organization keeps its own.
    expect(adopted.organization).toEqual({ ...made, name: 'Home' });

    const again = await initDefaultOrganization(s, { ...HOME, name: 'Other' });
    expect(again).toEqual({ outcome: 'initialized', organization: adopted.organization });
    expect(await s.db.selectFrom('members').select('id').execute()).toHaveLength(1);
  });

  it('replaces a recorded default whose organization is gone', async () => {
    const s = await fresh(t);
    await s.db
      .insertInto('settings')
      .values({
        key: DEFAULT_ORGANIZATION_SETTING,
        value: 'org_gone',
        updated_at: '2020-01-01T00:00:00.000Z',
      })
      .execute();
    const result = await initDefaultOrganization(s, HOME);
    expect(result.outcome).toBe('created');
    expect((await defaultOrganization(s))?.id).toBe(result.organization.id);
  });

  it('racing inits set up one organization with one owner; the others are told it exists', async () => {
    const s = await fresh(t);
    const raced = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        initDefaultOrganization(s, {
          ...HOME,
          owner: { email: `me${i}@home.example`, name: 'Me' },
        }),
      ),
    );
    expect(raced.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(raced.filter((r) => r.outcome === 'initialized')).toHaveLength(4);
    expect(await s.db.selectFrom('organizations').select('id').execute()).toHaveLength(1);
    expect(await s.db.selectFrom('members').select('id').execute()).toHaveLength(1);
    expect(await s.db.selectFrom('api_keys').select('id').execute()).toHaveLength(1);
  });

  it('racing an adoption gives the member-less default exactly one owner', async () => {
    const s = await fresh(t);
    await ensureDefaultOrganization(s);
    const raced = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        initDefaultOrganization(s, {
          ...HOME,
          owner: { email: `me${i}@home.example`, name: 'Me' },
        }),
      ),
    );
    expect(raced.filter((r) => r.outcome === 'adopted')).toHaveLength(1);
    expect(await s.db.selectFrom('members').select('id').execute()).toHaveLength(1);
  });
});
