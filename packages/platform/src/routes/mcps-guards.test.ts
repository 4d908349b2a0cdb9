import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { MAX_HEADER_VALUE_LENGTH, MAX_HEADERS } from '../services/mcp-headers.js';
import { describeEachDatabase } from '../testing/databases.js';
import { MAX_NAME_LENGTH } from './schemas.js';
import { v1Fixture } from './testing.js';

type Case = [label: string, body: unknown, fields: string[]];

const PLEX = { kind: 'plex', name: 'P', url: 'http://plex.local:32400' };
const REMOTE = { kind: 'remote', name: 'R', url: 'https://mcp.example/mcp' };
const manyHeaders = Object.fromEntries(
  Array.from({ length: MAX_HEADERS + 1 }, (_, i) => [`X-H${i}`, 'v']),
);

const CREATE_CASES: Case[] = [
  ['no kind', { name: 'P', url: 'http://x.example' }, ['kind']],
  ['bad kind', { ...PLEX, kind: 'ftp' }, ['kind']],
  ['unknown field', { ...PLEX, owner: 'me' }, ['owner']],
  ['headers on plex', { ...PLEX, headers: { A: 'b' } }, ['headers']],
  ['token on remote', { ...REMOTE, token: 'abc' }, ['token']],
  ['toolsets on remote', { ...REMOTE, toolsets: ['library'] }, ['toolsets']],
  ['no url', { kind: 'plex', name: 'P' }, ['url']],
  ['not a url', { ...PLEX, url: 'plex.local' }, ['url']],
  ['ftp url', { ...PLEX, url: 'ftp://plex.local' }, ['url']],
  ['credentials in url', { ...PLEX, url: 'http://me:pw@plex.local' }, ['url']],
  ['token in url', { ...PLEX, url: 'http://plex.local/?X-Plex-Token=abc' }, ['url']],
  ['oversized name', { ...PLEX, name: 'n'.repeat(MAX_NAME_LENGTH + 1) }, ['name']],
  ['blank name', { ...PLEX, name: '  ' }, ['name']],
  ['bad access', { ...PLEX, access: 'admin' }, ['access']],
  ['unknown toolset', { ...PLEX, toolsets: ['library', 'music'] }, ['toolsets[1]']],
  ['no toolsets', { ...PLEX, toolsets: [] }, ['toolsets']],
  ['empty token', { ...PLEX, token: '' }, ['token']],
  ['too many headers', { ...REMOTE, headers: manyHeaders }, ['headers']],
  [
    'oversized header',
    { ...REMOTE, headers: { Authorization: 'x'.repeat(MAX_HEADER_VALUE_LENGTH + 1) } },
    ['headers.Authorization'],
  ],
  ['header injection', { ...REMOTE, headers: { A: 'b\r\nC: d' } }, ['headers.A']],
  ['reserved header', { ...REMOTE, headers: { Host: 'evil.example' } }, ['headers.Host']],
  ['header not a string', { ...REMOTE, headers: { A: 1 } }, ['headers.A']],
  ['not an object', ['plex'], ['(body)']],
];

const PATCH_CASES: Case[] = [
  ['kind', { kind: 'remote' }, ['kind']],
  ['unknown field', { id: 'mcp_x' }, ['id']],
  ['bad url', { url: 'nope' }, ['url']],
  ['oversized name', { name: 'n'.repeat(MAX_NAME_LENGTH + 1) }, ['name']],
  ['headers on plex', { headers: { A: 'b' } }, ['headers']],
  ['bad access', { access: 'all' }, ['access']],
  ['two problems', { kind: 'remote', url: 'nope' }, ['kind', 'url']],
];

describeEachDatabase('/v1/mcps guards', (t) => {
  /** Every row an MCP request could touch, to prove a refused one wrote nothing. */
  async function snapshot({ storage, call, acme }: Awaited<ReturnType<typeof v1Fixture>>) {
    await call('GET', '/v1/organization', { key: acme.secret });
    return {
      mcps: await storage.db.selectFrom('mcps').selectAll().orderBy('id').execute(),
      api_keys: await storage.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
    };
  }

  it('POST /v1/mcps: 400 invalid_request naming the fields, and nothing written', async () => {
    const fixture = await v1Fixture(t);
    const { call, acme } = fixture;
    const before = await snapshot(fixture);
    for (const [label, body, fields] of CREATE_CASES) {
      const res = await call('POST', '/v1/mcps', { key: acme.secret, body });
      expect(res.status, label).toBe(400);
      expect(res.body.error.code, label).toBe('invalid_request');
      const named = res.body.error.details.fields.map((f: { field: string }) => f.field);
      expect(named, label).toEqual(fields);
      // A refusal never echoes what was sent (it may be a secret).
      expect(res.text, label).not.toContain('pw@');
    }
    const malformed = await call('POST', '/v1/mcps', { key: acme.secret, body: '{"kind":' });
    expect(malformed.status).toBe(400);
    expect(await snapshot(fixture)).toEqual(before);
  });

  it('PATCH /v1/mcps/{id}: 400 naming the fields (the kind never changes), nothing written', async () => {
    const fixture = await v1Fixture(t);
    const { call, acme } = fixture;
    const created = await call('POST', '/v1/mcps', { key: acme.secret, body: PLEX });
    const id: string = created.body.data.id;
    await call('POST', '/v1/mcps', { key: acme.secret, body: { ...REMOTE, name: 'Taken' } });
    const before = await snapshot(fixture);
    for (const [label, body, fields] of [
      ...PATCH_CASES,
      ['taken name', { name: 'TAKEN' }, ['name']] as Case,
    ]) {
      const res = await call('PATCH', `/v1/mcps/${id}`, { key: acme.secret, body });
      expect(res.status, label).toBe(400);
      const named = res.body.error.details.fields.map((f: { field: string }) => f.field);
      expect(named, label).toEqual(fields);
    }
    const kind = await call('PATCH', `/v1/mcps/${id}`, {
      key: acme.secret,
      body: { kind: 'remote' },
    });
    expect(kind.body.error.details.fields[0].problem).toContain('cannot change');
    expect(await snapshot(fixture)).toEqual(before);
  });

  it('refuses a taken name (any case) and keys confined to MCPs that are not the organization’s', async () => {
    const fixture = await v1Fixture(t);
    const { call, acme } = fixture;
    await call('POST', '/v1/mcps', { key: acme.secret, body: PLEX });
    const before = await snapshot(fixture);
    const twin = await call('POST', '/v1/mcps', {
      key: acme.secret,
      body: { ...REMOTE, name: ' p ' },
    });
    expect(twin.status).toBe(400);
    expect(twin.body.error.details.fields).toEqual([
      { field: 'name', problem: expect.any(String) },
    ]);
    for (const mcp_ids of [[newId('mcp')], ['mcp_short'], [], 'all']) {
      const res = await call('POST', '/v1/api-keys', {
        key: acme.secret,
        body: { name: 'k', scopes: ['read'], mcp_ids },
      });
      expect(res.status, JSON.stringify(mcp_ids)).toBe(400);
      expect(res.body.error.details.fields[0].field).toMatch(/^mcp_ids/);
    }
    expect(await snapshot(fixture)).toEqual(before);
  });

  it('answers 404 for every MCP of the other organization, and lists nothing of it', async () => {
    const { call, acme, globex } = await v1Fixture(t);
    const add = async (secret: string, name: string) => {
      const res = await call('POST', '/v1/mcps', {
        key: secret,
        body: { kind: 'plex', name, url: `http://${name}.example`, token: `token-of-${name}` },
      });
      return res.body.data as { id: string; name: string };
    };
    const a = await add(acme.secret, 'acme-home');
    const b = await add(globex.secret, 'globex-home');
    const nowhere = newId('mcp');
    const expected = (await call('GET', `/v1/mcps/${nowhere}`, { key: acme.secret })).body.error
      .message;
    for (const [mine, theirs] of [
      [acme, b],
      [globex, a],
    ] as const) {
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { name: 'Stolen' }],
        ['DELETE', undefined],
      ] as const) {
        const res = await call(method, `/v1/mcps/${theirs.id}`, { key: mine.secret, body });
        expect(res.status, `${method} ${theirs.id}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
        expect(res.body.error.message.replace(theirs.id, 'ID')).toBe(
          expected.replace(nowhere, 'ID'),
        );
      }
      const grant = await call('POST', '/v1/api-keys', {
        key: mine.secret,
        body: { name: 'sneaky', scopes: ['read'], mcp_ids: [theirs.id] },
      });
      expect(grant.status).toBe(400);
      const list = await call('GET', '/v1/mcps?per_page=100', { key: mine.secret });
      expect(list.body.pagination.total).toBe(1);
      for (const value of [theirs.id, theirs.name, `token-of-${theirs.name}`]) {
        expect(list.text).not.toContain(value);
      }
    }
    // Nothing of either changed.
    expect((await call('GET', `/v1/mcps/${a.id}`, { key: acme.secret })).body.data.name).toBe(
      'acme-home',
    );
    expect((await call('GET', `/v1/mcps/${b.id}`, { key: globex.secret })).body.data.name).toBe(
      'globex-home',
    );
  });

  it('answers 404 for malformed MCP ids in the path', async () => {
    const { call, acme } = await v1Fixture(t);
    for (const path of ['/v1/mcps/mcp_short', `/v1/mcps/${newId('key')}`]) {
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const body = method === 'PATCH' ? { name: 'x' } : undefined;
        const res = await call(method, path, { key: acme.secret, body });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
  });
});
