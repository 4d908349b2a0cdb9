import { expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../secrets/api-key.js';
import { describeEachDatabase } from '../testing/databases.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { authenticate, LAST_USED_RESOLUTION_MS } from './authenticate.js';
import { staticCaller } from './caller.js';
import { addMember, listMembers, removeMember } from './members.js';
import { createOrganization, getOrganization } from './organizations.js';
import { seedOrganization } from './testing.js';

const ALL = { offset: 0, per_page: 100 };

/** The code of a PlatformError a promise rejects with. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const { code, status, details } = error as { code: string; status: number; details: unknown };
  return { code, status, details };
}

describeEachDatabase('services', (t) => {
  it('creates an organization with its owner and an admin key whose secret is stored only hashed', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    expect(acme.organization).toMatchObject({ name: 'Acme', plan: 'free' });
    expect(acme.owner.role).toBe('owner');
    expect(acme.key.scopes).toEqual(['read', 'write', 'delete', 'admin']);
    const rows = await s.db.selectFrom('api_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toBe(hashApiKey(acme.secret));
    expect(JSON.stringify(rows)).not.toContain(acme.secret);
    expect(await getOrganization(s, acme.caller)).toEqual(acme.organization);
  });

  it('writes nothing of an organization whose creation fails half-way', async () => {
    const s = await t.openMigrated();
    const before = await s.db.selectFrom('organizations').select('id').execute();
    await expect(
      createOrganization(s, {
        name: 'Broken',
        owner: { email: 'o@broken.example', name: 'O' },
        adminKey: { name: 'k', scopes: [] },
      }),
    ).rejects.toThrow(/at least one scope/);
    expect(await s.db.selectFrom('organizations').select('id').execute()).toEqual(before);
    expect(
      await s.db
        .selectFrom('members')
        .select('id')
        .where('email', '=', 'o@broken.example')
        .execute(),
    ).toEqual([]);
  });

  it('adds members with case-insensitively unique emails, in a stable order', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    // A second later, so the listing order (created_at, then the random id) is certain.
    const bea = await addMember(
      s,
      acme.caller,
      { email: 'Bea@Acme.example', name: 'Bea', role: 'member' },
      new Date(Date.now() + 1000),
    );
    const taken = await refusal(
      addMember(s, acme.caller, { email: ' bea@acme.EXAMPLE ', name: 'B2', role: 'admin' }),
    );
    expect(taken).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(JSON.stringify(taken.details)).toContain('"field":"email"');
    const page = await listMembers(s, acme.caller, ALL);
    expect(page.total).toBe(2);
    expect(page.items.map((m) => m.id)).toEqual([acme.owner.id, bea.id]);
  });

  it('lets only an owner add or remove an owner, and never remove the last one', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const admin = await addMember(s, acme.caller, {
      email: 'a@x.example',
      name: 'A',
      role: 'admin',
    });
    const adminCaller = { ...acme.caller, memberId: admin.id, role: 'admin' as const };
    expect(
      await refusal(addMember(s, adminCaller, { email: 'o2@x.example', name: 'O', role: 'owner' })),
    ).toMatchObject({ code: 'forbidden', status: 403 });
    expect(await refusal(removeMember(s, adminCaller, acme.owner.id))).toMatchObject({
      code: 'forbidden',
    });
    expect(await refusal(removeMember(s, acme.caller, acme.owner.id))).toMatchObject({
      code: 'invalid_request',
      status: 400,
    });
    const second = await addMember(s, acme.caller, {
      email: 'o2@x.example',
      name: 'O2',
      role: 'owner',
    });
    await removeMember(s, acme.caller, second.id);
    expect((await listMembers(s, acme.caller, ALL)).total).toBe(2);
  });

  it('revokes a removed member’s keys at once and keeps them as history; the address can return', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const bea = await addMember(s, acme.caller, {
      email: 'bea@x.example',
      name: 'Bea',
      role: 'member',
    });
    const key = await createApiKey(s, acme.caller, {
      name: 'bea',
      scopes: ['read'],
      member_id: bea.id,
    });
    expect((await authenticate(s, key.secret)).ok).toBe(true);

    const removed = await removeMember(s, acme.caller, bea.id);
    expect(removed).toMatchObject({ id: bea.id, revoked_keys: 1 });
    expect(await authenticate(s, key.secret)).toEqual({ ok: false, reason: 'revoked' });
    const keys = await listApiKeys(s, acme.caller, ALL);
    expect(keys.items.find((k) => k.id === key.id)?.revoked_at).toBe(removed.removed_at);
    expect((await refusal(removeMember(s, acme.caller, bea.id))).status).toBe(404);
    // A new key for a removed member is refused too.
    expect(
      (
        await refusal(
          createApiKey(s, acme.caller, { name: 'x', scopes: ['read'], member_id: bea.id }),
        )
      ).status,
    ).toBe(404);
    const again = await addMember(s, acme.caller, {
      email: 'BEA@x.example',
      name: 'Bea',
      role: 'member',
    });
    expect(again.id).not.toBe(bea.id);
  });

  it('keeps a key within its member and its creator', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const bea = await addMember(s, acme.caller, {
      email: 'bea@x.example',
      name: 'Bea',
      role: 'member',
    });
    const tooMuch = await refusal(
      createApiKey(s, acme.caller, { name: 'k', scopes: ['read', 'admin'], member_id: bea.id }),
    );
    expect(tooMuch).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(JSON.stringify(tooMuch.details)).toContain('"field":"scopes"');
    const narrow = { ...acme.caller, scopes: ['read', 'admin'] as const };
    expect(
      await refusal(createApiKey(s, narrow, { name: 'k', scopes: ['read', 'write'] })),
    ).toMatchObject({ code: 'forbidden', status: 403 });
    expect(
      await refusal(
        createApiKey(s, { ...acme.caller, scopes: ['read'] }, { name: 'k', scopes: ['read'] }),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('needs a member for keys created by a static key, and refuses past expiry dates', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const operator = staticCaller(acme.organization.id, ['read', 'write', 'delete', 'admin']);
    expect(await refusal(createApiKey(s, operator, { name: 'k', scopes: ['read'] }))).toMatchObject(
      {
        code: 'invalid_request',
        details: { fields: [{ field: 'member_id' }] },
      },
    );
    const ok = await createApiKey(s, operator, {
      name: 'k',
      scopes: ['read'],
      member_id: acme.owner.id,
    });
    expect(ok.member_id).toBe(acme.owner.id);
    expect(
      await refusal(
        createApiKey(s, acme.caller, {
          name: 'k',
          scopes: ['read'],
          expires_at: '2001-01-01T00:00:00Z',
        }),
      ),
    ).toMatchObject({ code: 'invalid_request', details: { fields: [{ field: 'expires_at' }] } });
  });

  it('authenticates: malformed keys without a look-up, unknown, revoked and expired keys refused', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const ok = await authenticate(s, acme.secret);
    expect(ok).toMatchObject({
      ok: true,
      organization: acme.organization,
      member: acme.owner,
      scopes: ['read', 'write', 'delete', 'admin'],
      caller: { organizationId: acme.organization.id, keyId: acme.key.id, static: false },
    });
    expect(JSON.stringify(ok)).not.toContain(acme.secret);
    expect(await authenticate(s, generateApiKey().secret)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await authenticate(s, 'not-ours')).toEqual({ ok: false, reason: 'unknown' });

    const now = new Date();
    const soon = await createApiKey(s, acme.caller, {
      name: 'soon',
      scopes: ['read'],
      expires_at: new Date(now.getTime() + 1000).toISOString(),
    });
    expect((await authenticate(s, soon.secret, now)).ok).toBe(true);
    expect(await authenticate(s, soon.secret, new Date(now.getTime() + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    await revokeApiKey(s, acme.caller, soon.id);
    expect(await authenticate(s, soon.secret, now)).toEqual({ ok: false, reason: 'revoked' });

    // A damaged key is refused before any query: here the database is already closed.
    const damaged = `${acme.secret.slice(0, -1)}${acme.secret.endsWith('a') ? 'b' : 'a'}`;
    const closed = await t.open();
    await closed.close();
    expect(await authenticate(closed, damaged)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const stored = async () =>
      (
        await s.db
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', acme.key.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const t0 = new Date('2030-01-01T00:00:00.000Z');
    await authenticate(s, acme.secret, t0);
    expect(await stored()).toBe(t0.toISOString());
    await authenticate(s, acme.secret, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await stored()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticate(s, acme.secret, later);
    expect(await stored()).toBe(later.toISOString());
  });

  it('revokes idempotently, keeping the first revocation time', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s);
    const first = await revokeApiKey(s, acme.caller, acme.key.id, new Date('2030-01-01T00:00:00Z'));
    const second = await revokeApiKey(
      s,
      acme.caller,
      acme.key.id,
      new Date('2031-01-01T00:00:00Z'),
    );
    expect(second).toEqual(first);
    expect(first.revoked_at).toBe('2030-01-01T00:00:00.000Z');
  });

  it('confines every service to the caller’s organization', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const globex = await seedOrganization(s, 'Globex');
    const gMember = await addMember(s, globex.caller, {
      email: 'g@g.example',
      name: 'G',
      role: 'member',
    });
    expect((await refusal(revokeApiKey(s, acme.caller, globex.key.id))).status).toBe(404);
    expect((await refusal(removeMember(s, acme.caller, gMember.id))).status).toBe(404);
    expect(
      (
        await refusal(
          createApiKey(s, acme.caller, { name: 'x', scopes: ['read'], member_id: gMember.id }),
        )
      ).status,
    ).toBe(404);
    const acmeKeys = await listApiKeys(s, acme.caller, ALL);
    const acmeMembers = await listMembers(s, acme.caller, ALL);
    expect(acmeKeys.items.map((k) => k.id)).toEqual([acme.key.id]);
    expect(acmeMembers.items.map((m) => m.id)).toEqual([acme.owner.id]);
    expect((await authenticate(s, globex.secret)).ok).toBe(true);
  });
});
