import { expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../secrets/api-key.js';
import { describeEachDatabase } from '../testing/databases.js';
import { v1Fixture } from './testing.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KEY_FIELDS = [
  'created_at',
  'expires_at',
  'id',
  'last_used_at',
  'mcp_ids',
  'member_id',
  'name',
  'prefix',
  'revoked_at',
  'scopes',
];

describeEachDatabase('/v1 organization, members and api-keys', (t) => {
  it('GET /v1/organization answers the caller’s organization', async () => {
    const { call, acme } = await v1Fixture(t);
    const res = await call('GET', '/v1/organization', { key: acme.secret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        id: acme.organization.id,
        name: 'Acme',
        plan: 'free',
        created_at: expect.stringMatching(ISO),
      },
    });
  });

  it('adds (201), lists (paginated) and removes members', async () => {
    const { call, acme } = await v1Fixture(t);
    const key = acme.secret;
    const added = await call('POST', '/v1/organization/members', {
      key,
      body: { email: 'Bea@Acme.example', name: 'Bea', role: 'admin' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      success: true,
      data: {
        id: expect.stringMatching(/^usr_/),
        email: 'Bea@Acme.example',
        name: 'Bea',
        role: 'admin',
        created_at: expect.stringMatching(ISO),
      },
    });
    const plain = await call('POST', '/v1/organization/members', {
      key,
      body: { email: 'cy@acme.example', name: 'Cy' },
    });
    expect(plain.body.data.role).toBe('member');

    const page1 = await call('GET', '/v1/organization/members?per_page=2', { key });
    expect(page1.status).toBe(200);
    expect(page1.body.pagination).toEqual({ page: 1, per_page: 2, total: 3, total_pages: 2 });
    expect(page1.body.data.map((m: { id: string }) => m.id)).toEqual([
      acme.owner.id,
      added.body.data.id,
    ]);
    const page2 = await call('GET', '/v1/organization/members?page=2&per_page=2', { key });
    expect(page2.body.data.map((m: { id: string }) => m.id)).toEqual([plain.body.data.id]);

    const removed = await call('DELETE', `/v1/organization/members/${plain.body.data.id}`, { key });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({
      success: true,
      data: { id: plain.body.data.id, removed_at: expect.stringMatching(ISO), revoked_keys: 0 },
    });
    const after = await call('GET', '/v1/organization/members', { key });
    expect(after.body.pagination.total).toBe(2);
    const again = await call('DELETE', `/v1/organization/members/${plain.body.data.id}`, { key });
    expect(again.status).toBe(404);
  });

  it('creates a key (201) whose secret appears only in that answer and never in the database', async () => {
    const { call, acme, storage } = await v1Fixture(t);
    const created = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'ci', scopes: ['write', 'read', 'read'], expires_at: '2099-01-01T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.data.secret;
    expect(secret).toMatch(/^plexmcp_[0-9A-Za-z]{36}$/);
    expect(created.body.data).toEqual({
      id: expect.stringMatching(/^key_/),
      name: 'ci',
      prefix: secret.slice(0, 12),
      scopes: ['read', 'write'],
      member_id: acme.owner.id,
      created_at: expect.stringMatching(ISO),
      last_used_at: null,
      expires_at: '2099-01-01T00:00:00.000Z',
      revoked_at: null,
      mcp_ids: null,
      secret,
    });

    // The new key works, and no later answer carries its secret.
    const org = await call('GET', '/v1/organization', { key: secret });
    expect(org.status).toBe(200);
    const list = await call('GET', '/v1/api-keys', { key: acme.secret });
    expect(list.status).toBe(200);
    expect(list.body.pagination).toEqual({ page: 1, per_page: 20, total: 2, total_pages: 1 });
    for (const key of list.body.data) expect(Object.keys(key).sort()).toEqual(KEY_FIELDS);
    const listed = list.body.data.find((k: { id: string }) => k.id === created.body.data.id);
    expect(listed.last_used_at).toMatch(ISO);
    for (const answer of [org, list]) {
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain(hashApiKey(secret));
    }
    const rows = await storage.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows.find((r) => r.id === created.body.data.id)?.hash).toBe(hashApiKey(secret));
  });

  it('revokes a key (200, idempotent), refused from the next request on', async () => {
    const { call, acme } = await v1Fixture(t);
    const created = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'temp', scopes: ['read'] },
    });
    const { id, secret } = created.body.data;
    expect((await call('GET', '/v1/api-keys', { key: secret })).status).toBe(200);
    const revoked = await call('DELETE', `/v1/api-keys/${id}`, { key: acme.secret });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ id, revoked_at: expect.stringMatching(ISO) });
    expect(revoked.body.data.secret).toBeUndefined();
    const refused = await call('GET', '/v1/api-keys', { key: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({
      code: 'unauthorized',
      details: { reason: 'revoked' },
    });
    const twice = await call('DELETE', `/v1/api-keys/${id}`, { key: acme.secret });
    expect(twice.status).toBe(200);
    expect(twice.body.data.revoked_at).toBe(revoked.body.data.revoked_at);
  });

  it('refuses expired keys', async () => {
    const { call, acme, storage } = await v1Fixture(t);
    const created = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: {
        name: 'short',
        scopes: ['read'],
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      },
    });
    expect((await call('GET', '/v1/organization', { key: created.body.data.secret })).status).toBe(
      200,
    );
    // Let it expire without waiting: move its expiry into the past.
    await storage.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', created.body.data.id)
      .execute();
    const res = await call('GET', '/v1/organization', { key: created.body.data.secret });
    expect(res.status).toBe(401);
    expect(res.body.error.details).toEqual({ reason: 'expired' });
  });

  it('answers 401 without a valid key and 403 without the scope, before reading the body', async () => {
    const { call, acme } = await v1Fixture(t);
    const missing = await call('GET', '/v1/organization');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.body).toMatchObject({ success: false, error: { code: 'unauthorized' } });
    const damaged = `${acme.secret.slice(0, -1)}${acme.secret.endsWith('x') ? 'y' : 'x'}`;
    expect((await call('GET', '/v1/organization', { key: damaged })).body.error.details).toEqual({
      reason: 'malformed',
    });
    expect((await call('GET', '/v1/organization', { key: generateApiKey().secret })).status).toBe(
      401,
    );

    const viaHeader = await call('GET', '/v1/organization', {
      headers: { 'x-api-key': acme.secret },
    });
    expect(viaHeader.status).toBe(200);

    const reader = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'reader', scopes: ['read'] },
    });
    const readKey = reader.body.data.secret;
    expect((await call('GET', '/v1/api-keys', { key: readKey })).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/v1/api-keys', '{not json'],
      ['POST', '/v1/organization/members', { bogus: 1 }],
      ['DELETE', `/v1/api-keys/${acme.key.id}`, undefined],
      ['DELETE', `/v1/organization/members/${acme.owner.id}`, undefined],
    ] as const) {
      const res = await call(method, path, { key: readKey, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error).toMatchObject({
        code: 'forbidden',
        details: { required_scope: 'admin' },
      });
    }
  });

  it('keeps a key within its member: a member-role member cannot hold admin', async () => {
    const { call, acme } = await v1Fixture(t);
    const bea = await call('POST', '/v1/organization/members', {
      key: acme.secret,
      body: { email: 'bea@acme.example', name: 'Bea', role: 'member' },
    });
    const res = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'bea', scopes: ['read', 'admin'], member_id: bea.body.data.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      details: { fields: [{ field: 'scopes' }] },
    });
    const ok = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'bea', scopes: ['read', 'write', 'delete'], member_id: bea.body.data.id },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data.member_id).toBe(bea.body.data.id);
  });

  it('protects the last owner and revokes a removed member’s keys at once', async () => {
    const { call, acme } = await v1Fixture(t);
    const last = await call('DELETE', `/v1/organization/members/${acme.owner.id}`, {
      key: acme.secret,
    });
    expect(last.status).toBe(400);
    expect(last.body.error.code).toBe('invalid_request');

    const bea = await call('POST', '/v1/organization/members', {
      key: acme.secret,
      body: { email: 'bea@acme.example', name: 'Bea', role: 'admin' },
    });
    const beaKey = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'bea', scopes: ['read', 'admin'], member_id: bea.body.data.id },
    });
    // An admin may not remove an owner.
    const byAdmin = await call('DELETE', `/v1/organization/members/${acme.owner.id}`, {
      key: beaKey.body.data.secret,
    });
    expect(byAdmin.status).toBe(403);

    const removed = await call('DELETE', `/v1/organization/members/${bea.body.data.id}`, {
      key: acme.secret,
    });
    expect(removed.body.data.revoked_keys).toBe(1);
    expect((await call('GET', '/v1/organization', { key: beaKey.body.data.secret })).status).toBe(
      401,
    );
    const keys = await call('GET', '/v1/api-keys', { key: acme.secret });
    const kept = keys.body.data.find((k: { id: string }) => k.id === beaKey.body.data.id);
    expect(kept.revoked_at).toBe(removed.body.data.removed_at);
  });

  it('lets a static key act in its organization', async () => {
    const fixture = await v1Fixture(t, {});
    const { acme } = fixture;
    const { call } = await v1Fixture(t, {
      staticKeys: [
        { secret: 's3cret-admin', scopes: ['read', 'admin'], organizationId: acme.organization.id },
      ],
    });
    // A second fixture on the same database: Acme of the first fixture is there too.
    const org = await call('GET', '/v1/organization', { key: 's3cret-admin' });
    expect(org.status).toBe(200);
    expect(org.body.data.id).toBe(acme.organization.id);
    const noMember = await call('POST', '/v1/api-keys', {
      key: 's3cret-admin',
      body: { name: 'x', scopes: ['read'] },
    });
    expect(noMember.body.error.details.fields[0].field).toBe('member_id');
    expect((await call('GET', '/v1/organization', { key: 's3cret-admi' })).status).toBe(401);
  });

  it('documents every route in /v1/openapi.json', async () => {
    const { call } = await v1Fixture(t);
    const doc = await call('GET', '/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths).sort()).toEqual([
      '/api-keys',
      '/api-keys/{id}',
      '/mcps',
      '/mcps/{id}',
      '/organization',
      '/organization/members',
      '/organization/members/{id}',
      '/usage',
      '/usage/history',
    ]);
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(['ApiKey', 'CreatedApiKey', 'Mcp', 'Member', 'Organization']),
    );
  });
});
