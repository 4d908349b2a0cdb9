import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from './schemas.js';
import { v1Fixture } from './testing.js';

type Case = [label: string, body: unknown, field: string];

const MEMBER_CASES: Case[] = [
  ['wrong type', { email: 'a@b.example', name: 5 }, 'name'],
  ['missing email', { name: 'A' }, 'email'],
  ['not an email', { email: 'nobody', name: 'A' }, 'email'],
  ['oversized email', { email: `${'a'.repeat(MAX_EMAIL_LENGTH)}@b.example`, name: 'A' }, 'email'],
  ['oversized name', { email: 'a@b.example', name: 'n'.repeat(MAX_NAME_LENGTH + 1) }, 'name'],
  ['blank name', { email: 'a@b.example', name: '   ' }, 'name'],
  ['unknown role', { email: 'a@b.example', name: 'A', role: 'king' }, 'role'],
  [
    'unknown field',
    { email: 'a@b.example', name: 'A', organization_id: 'org_x' },
    'organization_id',
  ],
  ['not an object', ['a@b.example'], '(body)'],
];

const KEY_CASES: Case[] = [
  ['wrong type', { name: 'k', scopes: 'read' }, 'scopes'],
  ['unknown scope', { name: 'k', scopes: ['read', 'root'] }, 'scopes[1]'],
  ['no scopes', { name: 'k', scopes: [] }, 'scopes'],
  ['missing name', { scopes: ['read'] }, 'name'],
  ['oversized name', { name: 'n'.repeat(MAX_NAME_LENGTH + 1), scopes: ['read'] }, 'name'],
  ['not a time', { name: 'k', scopes: ['read'], expires_at: 'tomorrow' }, 'expires_at'],
  ['past time', { name: 'k', scopes: ['read'], expires_at: '2020-01-01T00:00:00Z' }, 'expires_at'],
  ['not a member id', { name: 'k', scopes: ['read'], member_id: 'bob' }, 'member_id'],
  ['unknown field', { name: 'k', scopes: ['read'], hash: 'abc' }, 'hash'],
  ['nested unknown', { name: 'k', scopes: [{ read: true }] }, 'scopes[0]'],
];

describeEachDatabase('/v1 bad input', (t) => {
  /**
   * Rows of every table, to prove a refused request wrote nothing. Taken after one request with
   * the key, so its last_used_at is fresh and (at most once a minute) not written again.
   */
  async function snapshot({ storage, call, acme }: Awaited<ReturnType<typeof v1Fixture>>) {
    await call('GET', '/v1/organization', { key: acme.secret });
    return {
      organizations: await storage.db
        .selectFrom('organizations')
        .selectAll()
        .orderBy('id')
        .execute(),
      members: await storage.db.selectFrom('members').selectAll().orderBy('id').execute(),
      api_keys: await storage.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
    };
  }

  for (const [path, cases] of [
    ['/v1/organization/members', MEMBER_CASES],
    ['/v1/api-keys', KEY_CASES],
  ] as const) {
    it(`POST ${path}: 400 invalid_request naming the field, and nothing written`, async () => {
      const fixture = await v1Fixture(t);
      const { call, acme } = fixture;
      const before = await snapshot(fixture);
      for (const [label, body, field] of cases) {
        const res = await call('POST', path, { key: acme.secret, body });
        expect(res.status, label).toBe(400);
        expect(res.body.success, label).toBe(false);
        expect(res.body.error.code, label).toBe('invalid_request');
        const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
        expect(fields, label).toContain(field);
      }
      const malformed = await call('POST', path, { key: acme.secret, body: '{"name": "k",' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_request');
      expect(await snapshot(fixture)).toEqual(before);
    });
  }

  it('refuses a taken email (any case) with 400 naming email, writing nothing', async () => {
    const fixture = await v1Fixture(t);
    const { call, acme } = fixture;
    const before = await snapshot(fixture);
    const res = await call('POST', '/v1/organization/members', {
      key: acme.secret,
      body: { email: acme.owner.email.toUpperCase(), name: 'Twin' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      details: { fields: [{ field: 'email' }] },
    });
    expect(await snapshot(fixture)).toEqual(before);
  });

  it('refuses bad page numbers on both lists with 400 naming page or per_page', async () => {
    const { call, acme } = await v1Fixture(t);
    for (const path of ['/v1/organization/members', '/v1/api-keys']) {
      for (const [query, field] of [
        ['page=0', 'page'],
        ['page=-1', 'page'],
        ['page=abc', 'page'],
        ['page=1.5', 'page'],
        ['per_page=0', 'per_page'],
        ['per_page=101', 'per_page'],
      ] as const) {
        const res = await call('GET', `${path}?${query}`, { key: acme.secret });
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(res.body.error.code).toBe('invalid_request');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
          field,
        ]);
      }
    }
  });

  it('answers 404 for malformed path ids and 415 for bodies that are not JSON', async () => {
    const { call, acme } = await v1Fixture(t);
    for (const path of ['/v1/api-keys/key_short', '/v1/organization/members/org_not_a_member']) {
      const res = await call('DELETE', path, { key: acme.secret });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const form = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: 'name=k',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });
});
