import { createSecretKey, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { decryptSecret } from '../secrets/cipher.js';
import { CipherError } from '../secrets/cipher-error.js';
import { describeEachDatabase } from '../testing/databases.js';
import { createApiKey } from './api-keys.js';
import { authenticate } from './authenticate.js';
import { ensureBuiltinMcp } from './builtin-mcp.js';
import { staticCaller } from './caller.js';
import { mcpSecretBinding } from './mcp-secret.js';
import { createMcp, deleteMcp, getMcp, listMcps, loadMcpTarget, updateMcp } from './mcps.js';
import { seedOrganization } from './testing.js';

const ALL = { offset: 0, per_page: 100 };
const KEY = createSecretKey(randomBytes(32));
const TOKEN = 'plex-token-4f8a9c0e1d2b';
const BEARER = 'Bearer remote-secret-77aa55';

/** The code, status and details of a PlatformError a promise rejects with. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeDefined();
  const { code, status, details, message } = error as {
    code: string;
    status: number;
    details: unknown;
    message: string;
  };
  return { code, status, details, message };
}

describeEachDatabase('MCP services', (t) => {
  it('adds, reads, lists (oldest first), changes and removes MCPs', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
    const plex = await createMcp(
      s,
      KEY,
      acme.caller,
      { kind: 'plex', name: ' Home ', url: 'http://192.168.1.5:32400', token: TOKEN },
      at(0),
    );
    expect(plex).toEqual({
      id: expect.stringMatching(/^mcp_[0-9A-Za-z]{20}$/),
      name: 'Home',
      kind: 'plex',
      url: 'http://192.168.1.5:32400',
      access: 'read',
      toolsets: null,
      builtin: false,
      has_secret: true,
      created_at: at(0).toISOString(),
      updated_at: at(0).toISOString(),
    });
    const remote = await createMcp(
      s,
      KEY,
      acme.caller,
      {
        kind: 'remote',
        name: 'MoviePilot',
        url: 'https://mp.example/api/v1/mcp',
        headers: { Authorization: BEARER },
        access: 'write',
      },
      at(1),
    );
    expect(remote).toMatchObject({ kind: 'remote', access: 'write', has_secret: true });
    const bare = await createMcp(
      s,
      KEY,
      acme.caller,
      { kind: 'plex', name: 'Cabin', url: 'https://cabin.example', toolsets: ['media', 'library'] },
      at(2),
    );
    expect(bare).toMatchObject({ has_secret: false, toolsets: ['library', 'media'] });

    expect(await getMcp(s, acme.caller, plex.id)).toEqual(plex);
    const listed = await listMcps(s, acme.caller, ALL);
    expect(listed.total).toBe(3);
    expect(listed.items.map((m) => m.id)).toEqual([plex.id, remote.id, bare.id]);
    expect((await listMcps(s, acme.caller, { offset: 1, per_page: 1 })).items).toEqual([remote]);

    const changed = await updateMcp(
      s,
      KEY,
      acme.caller,
      plex.id,
      { name: 'Living room', access: 'delete', toolsets: ['server'] },
      at(10),
    );
    expect(changed).toMatchObject({
      name: 'Living room',
      access: 'delete',
      toolsets: ['server'],
      has_secret: true,
      created_at: at(0).toISOString(),
      updated_at: at(10).toISOString(),
    });
    expect(
      await updateMcp(s, KEY, acme.caller, plex.id, { token: null, toolsets: null }),
    ).toMatchObject({ has_secret: false, toolsets: null });
    expect(await updateMcp(s, KEY, acme.caller, remote.id, { headers: {} })).toMatchObject({
      has_secret: false,
    });

    expect(await deleteMcp(s, acme.caller, bare.id, at(20))).toEqual({
      id: bare.id,
      deleted_at: at(20).toISOString(),
    });
    expect(await refusal(getMcp(s, acme.caller, bare.id))).toMatchObject({ status: 404 });
    expect(await refusal(deleteMcp(s, acme.caller, bare.id))).toMatchObject({ status: 404 });
    expect((await listMcps(s, acme.caller, ALL)).total).toBe(2);
  });

  it('stores tokens and headers sealed to their row, and opens them only for the runtime', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const plex = await createMcp(s, KEY, acme.caller, {
      kind: 'plex',
      name: 'Home',
      url: 'http://plex.local:32400',
      token: TOKEN,
    });
    const headers = { Authorization: BEARER, 'X-Api-Key': 'mp-key-0099887766' };
    const remote = await createMcp(s, KEY, acme.caller, {
      kind: 'remote',
      name: 'Remote',
      url: 'https://mcp.example/mcp',
      headers,
    });

    const rows = await s.db.selectFrom('mcps').selectAll().orderBy('created_at').execute();
    const stored = JSON.stringify(rows);
    for (const secret of [TOKEN, BEARER, 'mp-key-0099887766']) {
      expect(stored).not.toContain(secret);
      expect(JSON.stringify([plex, remote])).not.toContain(secret);
    }
    const plexRow = rows.find((r) => r.id === plex.id)!;
    const remoteRow = rows.find((r) => r.id === remote.id)!;
    expect(plexRow.secret_sealed).toMatch(/^v1\./);
    // Bound to the row: the right binding opens it, another row's does not.
    expect(decryptSecret(KEY, plexRow.secret_sealed!, mcpSecretBinding(plex.id))).toBe(TOKEN);
    expect(() => decryptSecret(KEY, plexRow.secret_sealed!, mcpSecretBinding(remote.id))).toThrow(
      CipherError,
    );
    // A sealed value copied onto another row does not open there.
    await s.db
      .updateTable('mcps')
      .set({ secret_sealed: plexRow.secret_sealed })
      .where('id', '=', remote.id)
      .execute();
    await expect(loadMcpTarget(s, KEY, acme.caller, remote.id)).rejects.toMatchObject({
      code: 'TAMPERED',
    });
    await s.db
      .updateTable('mcps')
      .set({ secret_sealed: remoteRow.secret_sealed })
      .where('id', '=', remote.id)
      .execute();

    expect(await loadMcpTarget(s, KEY, acme.caller, plex.id)).toEqual({
      mcp: plex,
      secret: TOKEN,
    });
    const target = await loadMcpTarget(s, KEY, acme.caller, remote.id);
    expect(JSON.parse(target.secret!)).toEqual(headers);
    // Another key cannot open them.
    const otherKey = createSecretKey(randomBytes(32));
    await expect(loadMcpTarget(s, otherKey, acme.caller, plex.id)).rejects.toMatchObject({
      code: 'WRONG_KEY',
    });
  });

  it('refuses duplicate names (any case), and changes that do not fit the kind', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const globex = await seedOrganization(s, 'Globex');
    const plex = await createMcp(s, KEY, acme.caller, {
      kind: 'plex',
      name: 'Home',
      url: 'http://plex.local:32400',
    });
    const remote = await createMcp(s, KEY, acme.caller, {
      kind: 'remote',
      name: 'Remote',
      url: 'https://mcp.example/mcp',
    });
    const fields = (r: { details: unknown }) =>
      (r.details as { fields: { field: string }[] }).fields.map((f) => f.field);

    const twin = await refusal(
      createMcp(s, KEY, acme.caller, { kind: 'remote', name: 'HOME', url: 'https://x.example' }),
    );
    expect(twin).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(fields(twin)).toEqual(['name']);
    expect(
      fields(await refusal(updateMcp(s, KEY, acme.caller, remote.id, { name: 'home ' }))),
    ).toEqual(['name']);
    // Another organization may use the name.
    await createMcp(s, KEY, globex.caller, { kind: 'plex', name: 'Home', url: 'http://p.example' });

    expect(fields(await refusal(updateMcp(s, KEY, acme.caller, plex.id, { headers: {} })))).toEqual(
      ['headers'],
    );
    expect(
      fields(
        await refusal(updateMcp(s, KEY, acme.caller, remote.id, { token: 't', toolsets: null })),
      ),
    ).toEqual(['token', 'toolsets']);
    for (const url of [
      'ftp://x.example',
      'not a url',
      'http://u:p@x.example',
      'http://x.example/?X-Plex-Token=abc',
    ]) {
      const bad = await refusal(
        createMcp(s, KEY, acme.caller, { kind: 'plex', name: `n ${url}`, url }),
      );
      expect(fields(bad), url).toEqual(['url']);
      expect(bad.message).not.toContain('abc');
    }
    expect(
      fields(
        await refusal(
          createMcp(s, KEY, acme.caller, {
            kind: 'remote',
            name: 'H',
            url: 'https://x.example',
            headers: { 'Content-Type': 'text/plain', 'Bad Name': 'x', Ok: 'a\r\nInjected: 1' },
          }),
        ),
      ),
    ).toEqual(['headers.Content-Type', 'headers.Bad Name', 'headers.Ok']);
    // Nothing of the refused calls was written.
    // (Sorted: two MCPs made in the same millisecond list in id order, which is random.)
    expect((await listMcps(s, acme.caller, ALL)).items.map((m) => m.name).sort()).toEqual([
      'Home',
      'Remote',
    ]);
  });

  it('needs admin to change MCPs; any key may read them', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const plex = await createMcp(s, KEY, acme.caller, {
      kind: 'plex',
      name: 'Home',
      url: 'http://plex.local:32400',
    });
    const reader = { ...acme.caller, scopes: ['read' as const] };
    expect((await getMcp(s, reader, plex.id)).id).toBe(plex.id);
    for (const attempt of [
      () => createMcp(s, KEY, reader, { kind: 'plex', name: 'X', url: 'http://x.example' }),
      () => updateMcp(s, KEY, reader, plex.id, { name: 'X' }),
      () => deleteMcp(s, reader, plex.id),
    ]) {
      expect(await refusal(attempt())).toMatchObject({ code: 'forbidden', status: 403 });
    }
  });

  it("answers 404 for another organization's MCPs, on every service", async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const globex = await seedOrganization(s, 'Globex');
    const theirs = await createMcp(s, KEY, globex.caller, {
      kind: 'plex',
      name: 'Theirs',
      url: 'http://their.example',
      token: TOKEN,
    });
    const mine = await createMcp(s, KEY, acme.caller, {
      kind: 'plex',
      name: 'Mine',
      url: 'http://mine.example',
    });
    for (const attempt of [
      () => getMcp(s, acme.caller, theirs.id),
      () => loadMcpTarget(s, KEY, acme.caller, theirs.id),
      () => updateMcp(s, KEY, acme.caller, theirs.id, { name: 'Stolen' }),
      () => deleteMcp(s, acme.caller, theirs.id),
    ]) {
      const r = await refusal(attempt());
      expect(r).toMatchObject({ code: 'not_found', status: 404 });
      expect(r.message).toBe(`No MCP ${theirs.id} in this organization.`);
    }
    expect((await listMcps(s, acme.caller, ALL)).items.map((m) => m.id)).toEqual([mine.id]);
    expect((await listMcps(s, globex.caller, ALL)).items.map((m) => m.id)).toEqual([theirs.id]);
    expect(await getMcp(s, globex.caller, theirs.id)).toEqual(theirs);
    // A key cannot be confined to another organization's MCP either (same words as none at all).
    const grant = await refusal(
      createApiKey(s, acme.caller, { name: 'k', scopes: ['read'], mcp_ids: [theirs.id] }),
    );
    expect(grant).toMatchObject({
      code: 'invalid_request',
      details: { fields: [{ field: 'mcp_ids' }] },
    });
  });

  it('confines keys to their mcp_ids: others are not found, lists are filtered', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const make = (name: string) =>
      createMcp(s, KEY, acme.caller, { kind: 'plex', name, url: `http://${name}.example` });
    const [a, b, c] = [await make('a'), await make('b'), await make('c')];

    const key = await createApiKey(s, acme.caller, {
      name: 'confined',
      scopes: ['read', 'admin'],
      mcp_ids: [b.id, a.id, a.id],
    });
    expect(key.mcp_ids).toEqual([a.id, b.id].sort());
    const auth = await authenticate(s, key.secret);
    if (!auth.ok) throw new Error('the key should authenticate');
    const confined = auth.caller;
    expect([...(confined.mcpIds ?? [])].sort()).toEqual([a.id, b.id].sort());
    expect(auth.key.mcp_ids).toEqual(key.mcp_ids);

    const listed = await listMcps(s, confined, ALL);
    expect(listed).toMatchObject({ total: 2 });
    expect(listed.items.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect((await getMcp(s, confined, a.id)).id).toBe(a.id);
    for (const attempt of [
      () => getMcp(s, confined, c.id),
      () => loadMcpTarget(s, KEY, confined, c.id),
      () => updateMcp(s, KEY, confined, c.id, { name: 'x' }),
      () => deleteMcp(s, confined, c.id),
    ]) {
      expect(await refusal(attempt())).toMatchObject({ status: 404 });
    }
    // Within its MCPs it manages them; it cannot add one it could not see.
    expect(await updateMcp(s, KEY, confined, a.id, { access: 'write' })).toMatchObject({
      access: 'write',
    });
    expect(
      await refusal(
        createMcp(s, KEY, confined, { kind: 'plex', name: 'd', url: 'http://d.example' }),
      ),
    ).toMatchObject({ status: 403 });

    // A confined key mints only within its own MCPs; by default, exactly its own.
    const inherited = await createApiKey(s, confined, { name: 'child', scopes: ['read'] });
    expect(inherited.mcp_ids).toEqual(key.mcp_ids);
    expect(
      (await createApiKey(s, confined, { name: 'narrow', scopes: ['read'], mcp_ids: [b.id] }))
        .mcp_ids,
    ).toEqual([b.id]);
    const wider = await refusal(
      createApiKey(s, confined, { name: 'wide', scopes: ['read'], mcp_ids: [a.id, c.id] }),
    );
    expect(wider).toMatchObject({
      code: 'invalid_request',
      details: { fields: [{ field: 'mcp_ids' }] },
    });
    expect(wider.message).toContain(c.id);
    expect(
      await refusal(createApiKey(s, acme.caller, { name: 'none', scopes: ['read'], mcp_ids: [] })),
    ).toMatchObject({ code: 'invalid_request' });

    // Removing an MCP leaves a key confined to it reaching nothing, never everything.
    const onlyC = await createApiKey(s, acme.caller, {
      name: 'c',
      scopes: ['read'],
      mcp_ids: [c.id],
    });
    await deleteMcp(s, acme.caller, c.id);
    const cAuth = await authenticate(s, onlyC.secret);
    if (!cAuth.ok) throw new Error('the key should authenticate');
    expect(await listMcps(s, cAuth.caller, ALL)).toEqual({ items: [], total: 0 });
    // Unconfined and static keys see everything.
    expect((await listMcps(s, staticCaller(acme.organization.id, ['read']), ALL)).total).toBe(2);
  });

  it('keeps the builtin MCP (the server’s own Plex) to the server’s configuration', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const builtin = await ensureBuiltinMcp(s, acme.organization.id, { access: 'write' });
    expect(builtin).toMatchObject({
      name: 'Plex',
      kind: 'plex',
      url: null,
      access: 'write',
      toolsets: null,
      builtin: true,
      has_secret: false,
    });
    expect(await ensureBuiltinMcp(s, acme.organization.id, { name: 'Other' })).toEqual(builtin);
    const row = await s.db
      .selectFrom('mcps')
      .selectAll()
      .where('id', '=', builtin.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ origin: 'server', url: null, secret_sealed: null });
    expect(await loadMcpTarget(s, KEY, acme.caller, builtin.id)).toEqual({
      mcp: builtin,
      secret: null,
    });

    for (const patch of [{ url: 'http://x.example' }, { token: 'abc' }, { token: null }]) {
      const r = await refusal(updateMcp(s, KEY, acme.caller, builtin.id, patch));
      expect(r).toMatchObject({ code: 'invalid_request', status: 400 });
      expect(r.message).toContain('PLEX_URL/PLEX_TOKEN');
    }
    expect(
      await updateMcp(s, KEY, acme.caller, builtin.id, { name: 'Server', toolsets: ['library'] }),
    ).toMatchObject({ name: 'Server', toolsets: ['library'], builtin: true });
    const removal = await refusal(deleteMcp(s, acme.caller, builtin.id));
    expect(removal).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(removal.message).toBe("This is the server's own Plex: unset PLEX_URL to remove it.");
    expect((await getMcp(s, acme.caller, builtin.id)).builtin).toBe(true);
  });

  it('makes one builtin MCP however many replicas race, and avoids a taken name', async () => {
    const s = await t.openMigrated();
    const acme = await seedOrganization(s, 'Acme');
    const globex = await seedOrganization(s, 'Globex');
    // Separate connections, as separate replicas would have.
    const replicas = await Promise.all([t.open(), t.open(), t.open(), t.open()]);
    const made = await Promise.all(
      replicas.flatMap((r) => [
        ensureBuiltinMcp(r, acme.organization.id),
        ensureBuiltinMcp(r, acme.organization.id),
      ]),
    );
    expect(new Set(made.map((m) => m.id)).size).toBe(1);
    const rows = await s.db
      .selectFrom('mcps')
      .select('id')
      .where('organization_id', '=', acme.organization.id)
      .execute();
    expect(rows).toEqual([{ id: made[0]!.id }]);

    await createMcp(s, KEY, globex.caller, { kind: 'plex', name: 'plex', url: 'http://p.example' });
    expect((await ensureBuiltinMcp(s, globex.organization.id)).name).toBe('Plex (server)');
  });
});
