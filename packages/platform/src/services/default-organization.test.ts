import { expect, it } from 'vitest';
import { migrateToLatest } from '../storage/migrate.js';
import { describeEachDatabase, type TestDatabases } from '../testing/databases.js';
import { createApiKey, revokeApiKey } from './api-keys.js';
import {
  DEFAULT_ORGANIZATION_NAME,
  DEFAULT_ORGANIZATION_SETTING,
  defaultOrganization,
  ensureDefaultOrganization,
  hasIssuedApiKeys,
  recordDefaultOrganization,
} from './default-organization.js';
import { addMember, removeMember } from './members.js';
import { createOrganization } from './organizations.js';
import { seedOrganization } from './testing.js';

/** A database of its own, migrated: the default organization is one per database. */
async function fresh(t: TestDatabases) {
  const storage = await t.open(await t.createDatabase());
  await migrateToLatest(storage);
  return storage;
}

describeEachDatabase('default organization', (t) => {
  it('is none until one is ensured, then the same member-less organization every time', async () => {
    const s = await fresh(t);
    expect(await defaultOrganization(s)).toBeUndefined();
    const made = await ensureDefaultOrganization(s);
    expect(made).toMatchObject({ name: DEFAULT_ORGANIZATION_NAME, plan: 'team' });
    expect(await ensureDefaultOrganization(s, { name: 'Other', plan: 'free' })).toEqual(made);
    expect(await defaultOrganization(s)).toEqual(made);
    const members = await s.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', made.id)
      .execute();
    expect(members).toEqual([]);
  });

  it('racing ensureDefaultOrganization calls agree on one organization and leave no other', async () => {
    const s = await fresh(t);
    const raced = await Promise.all(
      Array.from({ length: 6 }, (_, i) => ensureDefaultOrganization(s, { name: `Racer ${i}` })),
    );
    expect(new Set(raced.map((org) => org.id)).size).toBe(1);
    const all = await s.db.selectFrom('organizations').select('id').execute();
    expect(all).toEqual([{ id: raced[0]!.id }]);
  });

  it('records the first organization only, and replaces a recorded one that is gone', async () => {
    const s = await fresh(t);
    const first = await seedOrganization(s, 'First');
    const second = await seedOrganization(s, 'Second');
    expect((await recordDefaultOrganization(s, first.organization.id)).id).toBe(
      first.organization.id,
    );
    expect((await recordDefaultOrganization(s, second.organization.id)).id).toBe(
      first.organization.id,
    );

    await s.db.deleteFrom('organizations').where('id', '=', first.organization.id).execute();
    expect(await defaultOrganization(s)).toBeUndefined();
    expect(await recordDefaultOrganization(s, second.organization.id)).toEqual(second.organization);
    const settings = await s.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', DEFAULT_ORGANIZATION_SETTING)
      .execute();
    expect(settings).toEqual([{ value: second.organization.id }]);
  });

  it('refuses to record an organization that does not exist', async () => {
    const s = await fresh(t);
    await expect(recordDefaultOrganization(s, 'org_doesnotexist')).rejects.toThrow(
      /does not exist/,
    );
  });
});

describeEachDatabase('hasIssuedApiKeys', (t) => {
  it('is false until a key is issued, and stays true whatever happens to it', async () => {
    const s = await fresh(t);
    expect(await hasIssuedApiKeys(s)).toBe(false);
    await ensureDefaultOrganization(s);
    expect(await hasIssuedApiKeys(s)).toBe(false);
    const { owner, organization } = await createOrganization(s, {
      name: 'Keyless',
      owner: { email: 'owner@keyless.example', name: 'Owner' },
    });
    expect(await hasIssuedApiKeys(s)).toBe(false);
    const caller = {
      organizationId: organization.id,
      memberId: owner.id,
      keyId: null,
      role: 'owner' as const,
      scopes: ['read', 'write', 'delete', 'admin'] as const,
      static: false,
      mcpIds: null,
      plan: organization.plan,
    };
    const bea = await addMember(s, caller, {
      email: 'bea@keyless.example',
      name: 'Bea',
      role: 'admin',
    });
    const key = await createApiKey(s, caller, { name: 'bea', scopes: ['read'], member_id: bea.id });
    expect(await hasIssuedApiKeys(s)).toBe(true);
    await revokeApiKey(s, caller, key.id);
    await removeMember(s, caller, bea.id);
    expect(await hasIssuedApiKeys(s)).toBe(true);
  });
});
