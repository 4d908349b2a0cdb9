import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { describeEachDatabase } from '../testing/databases.js';
import { v1Fixture } from './testing.js';

describeEachDatabase('PATCH /v1/organization/members/{id}', (t) => {
  /** Acme with Bea (an admin) holding three keys: admin-only, read+admin, and read+write. */
  async function scene() {
    const fixture = await v1Fixture(t);
    const { call, acme } = fixture;
    const bea = (
      await call('POST', '/v1/organization/members', {
        key: acme.secret,
        body: { email: 'bea@acme.example', name: 'Bea', role: 'admin' },
      })
    ).body.data;
    const keyOf = async (name: string, scopes: string[]) =>
      (
        await call('POST', '/v1/api-keys', {
          key: acme.secret,
          body: { name, scopes, member_id: bea.id },
        })
      ).body.data as { id: string; secret: string };
    const keys = {
      adminOnly: await keyOf('admin only', ['admin']),
      readAdmin: await keyOf('read and admin', ['read', 'admin']),
      readWrite: await keyOf('read and write', ['read', 'write']),
    };
    const patch = (id: string, body: unknown, key = acme.secret) =>
      call('PATCH', `/v1/organization/members/${id}`, { key, body });
    return { ...fixture, bea, keys, patch };
  }

  it('demotes a member, narrowing the keys above the new role and revoking those left with nothing', async () => {
    const { call, acme, bea, keys, patch } = await scene();
    const demoted = await patch(bea.id, { role: 'member' });
    expect(demoted.status).toBe(200);
    expect(demoted.body.data).toEqual({
      ...bea,
      role: 'member',
      narrowed_keys: 1,
      revoked_keys: 1,
    });
    const listed = (await call('GET', '/v1/api-keys?per_page=100', { key: acme.secret })).body
      .data as { id: string; scopes: string[]; revoked_at: string | null }[];
    const byId = new Map(listed.map((key) => [key.id, key]));
    expect(byId.get(keys.adminOnly.id)).toMatchObject({ scopes: ['admin'] });
    expect(byId.get(keys.adminOnly.id)?.revoked_at).not.toBeNull();
    expect(byId.get(keys.readAdmin.id)).toMatchObject({ scopes: ['read'], revoked_at: null });
    expect(byId.get(keys.readWrite.id)).toMatchObject({
      scopes: ['read', 'write'],
      revoked_at: null,
    });
    // The narrowed key still reads, and no longer manages.
    const reads = await call('GET', '/v1/organization', { key: keys.readAdmin.secret });
    expect(reads.status).toBe(200);
    const manages = await call('POST', '/v1/organization/members', {
      key: keys.readAdmin.secret,
      body: { email: 'cy@acme.example', name: 'Cy' },
    });
    expect(manages.status).toBe(403);
    expect(manages.body.error.details).toMatchObject({ required_scope: 'admin' });
    expect((await call('GET', '/v1/organization', { key: keys.adminOnly.secret })).status).toBe(
      401,
    );
    const members = (await call('GET', '/v1/organization/members', { key: acme.secret })).body.data;
    expect(members.find((m: { id: string }) => m.id === bea.id).role).toBe('member');

    // Promoting again changes no key, and the same role again changes nothing.
    const promoted = await patch(bea.id, { role: 'admin' });
    expect(promoted.body.data).toMatchObject({ role: 'admin', narrowed_keys: 0, revoked_keys: 0 });
    const same = await patch(bea.id, { role: 'admin' });
    expect(same.status).toBe(200);
    expect(same.body.data).toMatchObject({ role: 'admin', narrowed_keys: 0, revoked_keys: 0 });
  });

  it('lets only an owner make or unmake an owner, and never the last one', async () => {
    const { acme, bea, keys, patch } = await scene();
    const last = await patch(acme.owner.id, { role: 'admin' });
    expect(last.status).toBe(400);
    expect(last.body.error).toMatchObject({
      code: 'invalid_request',
      message: 'This is the last owner of the organization: make another member an owner first.',
      details: { fields: [{ field: 'role' }] },
    });
    const byAdmin = await patch(bea.id, { role: 'owner' }, keys.readAdmin.secret);
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error.message).toBe('Only an owner may make or unmake an owner.');
    expect((await patch(acme.owner.id, { role: 'member' }, keys.readAdmin.secret)).status).toBe(
      403,
    );
    // With a second owner, the first may step down.
    expect((await patch(bea.id, { role: 'owner' })).body.data.role).toBe('owner');
    const stepped = await patch(acme.owner.id, { role: 'admin' });
    expect(stepped.status).toBe(200);
    expect(stepped.body.data.role).toBe('admin');
  });

  it("needs the admin scope, a known role, and a member of the caller's own organization", async () => {
    const { call, acme, globex, bea, keys, patch } = await scene();
    const reader = (
      await call('POST', '/v1/api-keys', {
        key: acme.secret,
        body: { name: 'reader', scopes: ['read'] },
      })
    ).body.data.secret;
    const refused = await patch(bea.id, { role: 'member' }, reader);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ required_scope: 'admin' });
    for (const body of [{ role: 'boss' }, {}, { role: 'member', name: 'x' }]) {
      const bad = await patch(bea.id, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
    }
    for (const id of [globex.owner.id, newId('usr')]) {
      const foreign = await patch(id, { role: 'member' });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('not_found');
    }
    // Nothing changed on the way: Bea is still an admin with her keys.
    const members = (await call('GET', '/v1/organization/members', { key: acme.secret })).body.data;
    expect(members.find((m: { id: string }) => m.id === bea.id).role).toBe('admin');
    expect((await call('GET', '/v1/organization', { key: keys.adminOnly.secret })).status).toBe(
      200,
    );
    // A removed member is gone for this route too.
    await call('DELETE', `/v1/organization/members/${bea.id}`, { key: acme.secret });
    expect((await patch(bea.id, { role: 'member' })).status).toBe(404);
  });
});
