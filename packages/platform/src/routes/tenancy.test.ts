import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { describeEachDatabase } from '../testing/databases.js';
import { v1Fixture } from './testing.js';

describeEachDatabase('/v1 tenancy', (t) => {
  /** Two organizations, each with an extra member, a key of that member and a revoked key. */
  async function twoOrganizations() {
    const fixture = await v1Fixture(t);
    const populate = async (secret: string, domain: string) => {
      const member = await fixture.call('POST', '/v1/organization/members', {
        key: secret,
        body: { email: `staff@${domain}`, name: `${domain} staff`, role: 'member' },
      });
      const key = await fixture.call('POST', '/v1/api-keys', {
        key: secret,
        body: { name: `${domain} reader`, scopes: ['read'], member_id: member.body.data.id },
      });
      const old = await fixture.call('POST', '/v1/api-keys', {
        key: secret,
        body: { name: `${domain} old`, scopes: ['read'] },
      });
      await fixture.call('DELETE', `/v1/api-keys/${old.body.data.id}`, { key: secret });
      return { member: member.body.data, key: key.body.data, old: old.body.data };
    };
    const a = { ...fixture.acme, ...(await populate(fixture.acme.secret, 'acme.example')) };
    const b = { ...fixture.globex, ...(await populate(fixture.globex.secret, 'globex.example')) };
    return { ...fixture, a, b };
  }

  it('answers 404 for every id of the other organization, as for ids that exist nowhere', async () => {
    const { call, a, b } = await twoOrganizations();
    const nowhere = {
      key: await call('DELETE', `/v1/api-keys/${newId('key')}`, { key: a.secret }),
      member: await call('DELETE', `/v1/organization/members/${newId('usr')}`, { key: a.secret }),
    };
    for (const id of [b.key.id, b.old.id, b.caller.keyId!]) {
      const res = await call('DELETE', `/v1/api-keys/${id}`, { key: a.secret });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      // Same words as for an id that exists nowhere, with only the id differing.
      expect(res.body.error.message.replace(id, 'ID')).toBe(
        nowhere.key.body.error.message.replace(/key_\w+/, 'ID'),
      );
    }
    for (const id of [b.member.id, b.owner.id]) {
      const res = await call('DELETE', `/v1/organization/members/${id}`, { key: a.secret });
      expect(res.status).toBe(404);
      expect(res.body.error.message.replace(id, 'ID')).toBe(
        nowhere.member.body.error.message.replace(/usr_\w+/, 'ID'),
      );
    }
    const foreignMember = await call('POST', '/v1/api-keys', {
      key: a.secret,
      body: { name: 'sneaky', scopes: ['read'], member_id: b.member.id },
    });
    expect(foreignMember.status).toBe(404);

    // Nothing of B changed: its key still works, its member is still there.
    expect((await call('GET', '/v1/organization', { key: b.key.secret })).status).toBe(200);
    const bMembers = await call('GET', '/v1/organization/members', { key: b.secret });
    expect(bMembers.body.data.map((m: { id: string }) => m.id)).toContain(b.member.id);
    const bKeys = await call('GET', '/v1/api-keys', { key: b.secret });
    const bKey = bKeys.body.data.find((k: { id: string }) => k.id === b.key.id);
    expect(bKey.revoked_at).toBeNull();
  });

  it('answers nothing of one organization to the other', async () => {
    const { call, a, b } = await twoOrganizations();
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ] as const) {
      const foreign = [
        theirs.organization.id,
        theirs.organization.name,
        theirs.owner.id,
        theirs.owner.email,
        theirs.member.id,
        theirs.member.email,
        theirs.key.id,
        theirs.key.prefix,
        theirs.old.id,
        theirs.key.name,
        theirs.secret,
      ];
      const answers = await Promise.all(
        [
          '/v1/organization',
          '/v1/organization/members',
          '/v1/api-keys',
          '/v1/api-keys?per_page=100',
        ].map((path) => call('GET', path, { key: mine.secret })),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        for (const value of foreign) expect(answer.text).not.toContain(value);
      }
      expect(answers[0]!.body.data.id).toBe(mine.organization.id);
      expect(answers[1]!.body.pagination.total).toBe(2);
      expect(answers[2]!.body.pagination.total).toBe(3);
      expect(answers[2]!.body.data.map((k: { id: string }) => k.id).sort()).toEqual(
        [mine.key.id, mine.old.id, mine.caller.keyId].sort(),
      );
    }
  });
});
