import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ErrorLog } from '../http/errors.js';
import { parseSecretKey } from '../secrets/secret-key.js';
import { createApiKey, revokeApiKey } from '../services/api-keys.js';
import { createMcp } from '../services/mcps.js';
import { createOrganization } from '../services/organizations.js';
import { seedOrganization } from '../services/testing.js';
import { openStorage } from '../storage/open.js';
import { describeEachDatabase } from '../testing/databases.js';
import { meteringOff, type PlatformHost, startPlatformHost } from './platform-host.js';

const hosts: PlatformHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

describeEachDatabase('startPlatformHost', (t) => {
  async function host(staticKeys: boolean, env: NodeJS.ProcessEnv = {}, log?: ErrorLog) {
    const options = await t.createDatabase();
    const database = 'url' in options ? options.url : 'file' in options ? options.file : '';
    const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-host-'));
    const started = await startPlatformHost({
      env: { PLEXMCP_DATA_DIR: dataDir, ...env },
      database: database || join(dataDir, 'plexmcp.db'),
      staticKeys,
      ...(log ? { log } : {}),
    });
    hosts.push(started);
    const storage = await openStorage(options);
    return { started, storage, database };
  }

  it('gives configured keys a default organization, and only when there are some', async () => {
    const withKeys = await host(true);
    expect(withKeys.started.defaultOrganizationId).toMatch(/^org_/);
    expect(withKeys.started.staticCaller(['read', 'admin'])).toEqual({
      organizationId: withKeys.started.defaultOrganizationId,
      memberId: null,
      keyId: null,
      role: 'owner',
      scopes: ['read', 'admin'],
      static: true,
      mcpIds: null,
      // A default organization made for configured keys is on the self-hosted plan.
      plan: 'team',
    });
    await withKeys.storage.close();
    const without = await host(false);
    expect(without.started.defaultOrganizationId).toBeUndefined();
    expect(without.started.staticCaller(['read'])).toBeUndefined();
    await without.storage.close();
  });

  it('authenticates managed keys, sees revocation after forget(), and never shows a password', async () => {
    const { started, storage } = await host(false);
    expect(started.persistent).toBe(true);
    expect(started.location).not.toMatch(/:[^:@/]+@/);
    expect(await started.hasIssuedKeys()).toBe(false);
    const home = await createOrganization(storage, {
      name: 'Home',
      owner: { email: 'me@home.example', name: 'Me' },
      adminKey: { name: 'admin' },
    });
    const admin = home.key;
    if (!admin) throw new Error('no key');
    const caller = await started.authenticate(admin.secret);
    expect(caller).toMatchObject({ organizationId: home.organization.id, keyId: admin.id });
    if (typeof caller === 'string') throw new Error(caller);
    const laptop = await createApiKey(storage, caller, { name: 'laptop', scopes: ['read'] });
    expect(await started.authenticate(laptop.secret)).toMatchObject({ keyId: laptop.id });
    expect(await started.isKeyActive(laptop.id)).toBe(true);

    await revokeApiKey(storage, caller, laptop.id);
    expect(await started.isKeyActive(laptop.id)).toBe(false);
    // Within the second the answer is reused; forget() (a revocation made here) drops it.
    expect(await started.authenticate(laptop.secret)).toMatchObject({ keyId: laptop.id });
    started.forget();
    expect(await started.authenticate(laptop.secret)).toBe('revoked');
    expect(await started.hasIssuedKeys()).toBe(true);
    await storage.close();
  });

  it('pings its database for /ready, and the ping fails once the database is gone', async () => {
    const { started, storage } = await host(false);
    await storage.close();
    await expect(started.ping()).resolves.toBeUndefined();
    hosts.splice(hosts.indexOf(started), 1);
    await started.close();
    await expect(started.ping()).rejects.toThrow();
  });

  it('counts nothing with the benchmarking switch PLEXMCP_METERING=off, and says so', async () => {
    const counted = async (env: NodeJS.ProcessEnv) => {
      const said: string[] = [];
      const { started, storage } = await host(true, env, { error: (m) => said.push(m) });
      const organizationId = started.defaultOrganizationId ?? '';
      started.recordUsage({
        organizationId,
        keyId: null,
        mcpId: null,
        tool: 'library_list',
        door: 'tools',
        outcome: 'ok',
        durationMs: 1,
      });
      await started.flushUsage();
      const rows = await storage.db
        .selectFrom('usage_minutes')
        .select('calls')
        .where('organization_id', '=', organizationId)
        .execute();
      await storage.close();
      return { calls: rows.reduce((sum, row) => sum + Number(row.calls), 0), said };
    };
    expect(meteringOff({ PLEXMCP_METERING: ' OFF ' })).toBe(true);
    expect(meteringOff({ PLEXMCP_METERING: 'on' })).toBe(false);
    expect(meteringOff({})).toBe(false);
    expect(await counted({})).toEqual({ calls: 1, said: [] });
    const off = await counted({ PLEXMCP_METERING: 'off' });
    expect(off.calls).toBe(0);
    expect(off.said).toEqual([expect.stringMatching(/PLEXMCP_METERING=off.*benchmarking/)]);
  });

  it('loads an MCP with its secret for a caller who may reach it, and nothing for others', async () => {
    const secret = 'a'.repeat(64);
    const { started, storage } = await host(false, { PLEXMCP_SECRET_KEY: secret });
    const key = parseSecretKey(secret);
    if (!key) throw new Error('bad key');
    const home = await seedOrganization(storage, 'Home');
    const away = await seedOrganization(storage, 'Away');
    const remote = await createMcp(storage, key, home.caller, {
      kind: 'remote',
      name: 'Tools',
      url: 'http://127.0.0.1:1/mcp',
      headers: { authorization: 'Bearer remote-secret' },
    });
    const other = await createMcp(storage, key, home.caller, {
      kind: 'remote',
      name: 'Other',
      url: 'http://127.0.0.1:2/mcp',
    });

    const loaded = await started.loadMcp(home.caller, remote.id);
    expect(loaded?.mcp).toMatchObject({
      id: remote.id,
      kind: 'remote',
      url: 'http://127.0.0.1:1/mcp',
    });
    expect(JSON.parse(loaded?.secret ?? 'null')).toEqual({ authorization: 'Bearer remote-secret' });
    expect((await started.loadMcp(home.caller, other.id))?.secret).toBeNull();
    // Another organization's MCP, one outside the key's mcp_ids, and no MCP at all: undefined.
    expect(await started.loadMcp(away.caller, remote.id)).toBeUndefined();
    expect(
      await started.loadMcp({ ...home.caller, mcpIds: [other.id] }, remote.id),
    ).toBeUndefined();
    expect(await started.loadMcp(home.caller, 'mcp_doesnotexist')).toBeUndefined();
    await storage.close();
  });
});

it('keeps a --demo database in memory unless told where data lives', async () => {
  const demo = await startPlatformHost({ env: {}, demo: true, staticKeys: false });
  hosts.push(demo);
  expect(demo.persistent).toBe(false);
  expect(demo.location).toMatch(/in-memory/);
});
