import { expect, it } from 'vitest';
import { ensureBuiltinMcp } from '../services/builtin-mcp.js';
import { loadMcpTarget } from '../services/mcps.js';
import { describeEachDatabase } from '../testing/databases.js';
import { v1Fixture } from './testing.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MCP_FIELDS = [
  'access',
  'builtin',
  'created_at',
  'has_secret',
  'id',
  'kind',
  'name',
  'toolsets',
  'updated_at',
  'url',
];
const TOKEN = 'plex-token-0a1b2c3d4e5f';
const BEARER = 'Bearer remote-9f8e7d6c5b4a';

describeEachDatabase('/v1/mcps', (t) => {
  it('adds (201), reads, lists, changes and removes MCPs, never answering a secret', async () => {
    const { call, acme, storage, secretKey } = await v1Fixture(t);
    const plex = await call('POST', '/v1/mcps', {
      key: acme.secret,
      body: { kind: 'plex', name: 'Home', url: 'http://plex.local:32400', token: TOKEN },
    });
    expect(plex.status).toBe(201);
    expect(plex.body.data).toEqual({
      id: expect.stringMatching(/^mcp_/),
      name: 'Home',
      kind: 'plex',
      url: 'http://plex.local:32400',
      access: 'read',
      toolsets: null,
      builtin: false,
      has_secret: true,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    const remote = await call('POST', '/v1/mcps', {
      key: acme.secret,
      body: {
        kind: 'remote',
        name: 'MoviePilot',
        url: 'https://mp.example/api/v1/mcp',
        headers: { Authorization: BEARER },
        access: 'write',
      },
    });
    expect(remote.status).toBe(201);
    const plexId: string = plex.body.data.id;
    const remoteId: string = remote.body.data.id;

    const one = await call('GET', `/v1/mcps/${plexId}`, { key: acme.secret });
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(plex.body.data);
    const list = await call('GET', '/v1/mcps?per_page=1&page=2', { key: acme.secret });
    expect(list.status).toBe(200);
    expect(list.body.pagination).toEqual({ page: 2, per_page: 1, total: 2, total_pages: 2 });
    expect(list.body.data).toHaveLength(1);
    for (const mcp of list.body.data) expect(Object.keys(mcp).sort()).toEqual(MCP_FIELDS);

    const patched = await call('PATCH', `/v1/mcps/${plexId}`, {
      key: acme.secret,
      body: { name: 'Living room', access: 'delete', toolsets: ['media', 'library'], token: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      id: plexId,
      name: 'Living room',
      access: 'delete',
      toolsets: ['library', 'media'],
      has_secret: false,
    });
    const headers = { Authorization: 'Bearer rotated-1234567890' };
    const rotated = await call('PATCH', `/v1/mcps/${remoteId}`, {
      key: acme.secret,
      body: { headers },
    });
    expect(rotated.status).toBe(200);
    const target = await loadMcpTarget(storage, secretKey, acme.caller, remoteId);
    expect(JSON.parse(target.secret!)).toEqual(headers);

    const answers = [plex, remote, one, list, patched, rotated];
    for (const answer of answers) {
      for (const secret of [TOKEN, BEARER, 'rotated-1234567890']) {
        expect(answer.text).not.toContain(secret);
      }
      expect(answer.text).not.toContain('secret_sealed');
    }
    const rows = JSON.stringify(await storage.db.selectFrom('mcps').selectAll().execute());
    for (const secret of [TOKEN, BEARER, 'rotated-1234567890']) expect(rows).not.toContain(secret);

    const removed = await call('DELETE', `/v1/mcps/${plexId}`, { key: acme.secret });
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({ id: plexId, deleted_at: expect.stringMatching(ISO) });
    expect((await call('GET', `/v1/mcps/${plexId}`, { key: acme.secret })).status).toBe(404);
    expect((await call('DELETE', `/v1/mcps/${plexId}`, { key: acme.secret })).status).toBe(404);
  });

  it('needs the admin scope to change MCPs, checked before the body', async () => {
    const { call, acme } = await v1Fixture(t);
    const reader = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'reader', scopes: ['read'] },
    });
    const key: string = reader.body.data.secret;
    const created = await call('POST', '/v1/mcps', {
      key: acme.secret,
      body: { kind: 'plex', name: 'Home', url: 'http://plex.local' },
    });
    const id: string = created.body.data.id;
    expect((await call('GET', '/v1/mcps', { key })).status).toBe(200);
    expect((await call('GET', `/v1/mcps/${id}`, { key })).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/v1/mcps'],
      ['PATCH', `/v1/mcps/${id}`],
      ['DELETE', `/v1/mcps/${id}`],
    ] as const) {
      const res = await call(method, path, { key, body: { nonsense: true } });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await call('GET', '/v1/mcps')).status).toBe(401);
  });

  it('confines a key created with mcp_ids: others answer 404, the list is filtered', async () => {
    const { call, acme } = await v1Fixture(t);
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const res = await call('POST', '/v1/mcps', {
        key: acme.secret,
        body: { kind: 'plex', name, url: `http://${name}.example` },
      });
      ids.push(res.body.data.id);
    }
    const [a, b, c] = ids as [string, string, string];
    const created = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'only a', scopes: ['read', 'admin'], mcp_ids: [a] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.mcp_ids).toEqual([a]);
    const key: string = created.body.data.secret;

    const list = await call('GET', '/v1/mcps', { key });
    expect(list.body.pagination.total).toBe(1);
    expect(list.body.data.map((m: { id: string }) => m.id)).toEqual([a]);
    expect((await call('GET', `/v1/mcps/${a}`, { key })).status).toBe(200);
    for (const id of [b, c]) {
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { name: 'x' }],
        ['DELETE', undefined],
      ] as const) {
        const res = await call(method, `/v1/mcps/${id}`, { key, body });
        expect(res.status, `${method} ${id}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    }
    // It cannot mint a key reaching further than itself.
    const wider = await call('POST', '/v1/api-keys', {
      key,
      body: { name: 'wider', scopes: ['read'], mcp_ids: [a, b] },
    });
    expect(wider.status).toBe(400);
    expect(wider.body.error.details.fields).toEqual([
      { field: 'mcp_ids', problem: expect.stringContaining(b) },
    ]);
    const child = await call('POST', '/v1/api-keys', {
      key,
      body: { name: 'child', scopes: ['read'] },
    });
    expect(child.body.data.mcp_ids).toEqual([a]);
    const keys = await call('GET', '/v1/api-keys', { key: acme.secret });
    const unconfined = keys.body.data.find((k: { id: string }) => k.id === acme.key.id);
    expect(unconfined.mcp_ids).toBeNull();
  });

  it("lists the server's own Plex as builtin and keeps its connection to the server's config", async () => {
    const { call, acme, storage } = await v1Fixture(t);
    const builtin = await ensureBuiltinMcp(storage, acme.organization.id);
    const list = await call('GET', '/v1/mcps', { key: acme.secret });
    expect(list.body.data).toEqual([builtin]);
    expect(builtin).toMatchObject({ builtin: true, url: null, has_secret: false, access: 'read' });

    const url = await call('PATCH', `/v1/mcps/${builtin.id}`, {
      key: acme.secret,
      body: { url: 'http://elsewhere.example', token: 'abc' },
    });
    expect(url.status).toBe(400);
    expect(url.body.error.code).toBe('invalid_request');
    expect(url.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'url',
      'token',
    ]);
    expect(url.body.error.message).toContain('PLEX_URL/PLEX_TOKEN');
    const renamed = await call('PATCH', `/v1/mcps/${builtin.id}`, {
      key: acme.secret,
      body: { name: 'Server', access: 'write' },
    });
    expect(renamed.body.data).toMatchObject({ name: 'Server', access: 'write', builtin: true });
    const removal = await call('DELETE', `/v1/mcps/${builtin.id}`, { key: acme.secret });
    expect(removal.status).toBe(400);
    expect(removal.body.error.message).toBe(
      "This is the server's own Plex: unset PLEX_URL to remove it.",
    );
  });

  it('documents the MCP routes, their bodies and answers in /v1/openapi.json', async () => {
    const { call } = await v1Fixture(t);
    const doc = (await call('GET', '/v1/openapi.json')).body;
    expect(Object.keys(doc.paths['/mcps']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/mcps/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/mcps'].post['x-plexmcp-scope']).toBe('admin');
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Mcp', 'DeletedMcp', 'CreateMcpBody', 'UpdateMcpBody']),
    );
    expect(Object.keys(schemas.Mcp.properties).sort()).toEqual(MCP_FIELDS);
    // Both kinds are documented, each closed to fields of the other.
    const kinds = schemas.CreateMcpBody.anyOf ?? schemas.CreateMcpBody.oneOf;
    expect(kinds).toHaveLength(2);
    for (const kind of kinds) expect(kind.additionalProperties).toBe(false);
    expect(JSON.stringify(doc)).not.toContain('secret_sealed');
  });
});
