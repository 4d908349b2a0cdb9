// kill -9 in the middle of writing: the database reopens consistent, keeps every transaction the
// writer saw commit, and the platform still works on it. Three kills at random moments on one
// database per dialect (SQLite in WAL mode, and PostgreSQL, whose server rolls the dead client's
// transaction back).
//
// The writer is a real process (a worker thread cannot be SIGKILLed on its own) running the
// platform's TypeScript sources through tsx, a devDependency for this alone: a child `node` does
// not compile TypeScript on Node 20 as vitest does, and the package's dist may be stale.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { hashApiKey } from '../secrets/api-key.js';
import { authenticate } from '../services/authenticate.js';
import { createOrganization } from '../services/organizations.js';
import { describeEachDatabase } from '../testing/databases.js';
import { migrateToLatest } from './migrate.js';
import { type OpenStorageOptions, openStorage } from './open.js';
import type { Storage } from './storage.js';

const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');
const WRITER = fileURLToPath(new URL('../testing/crash-writer.ts', import.meta.url));

/** How many kills per database, and the committed writes each one waits for at least. */
const KILLS = 3;
const MIN_WRITES = 200;

/** What the writer reported as committed, over all its runs on one database. */
interface Committed {
  orgs: Map<string, { ownerId: string; keyId: string }>;
  members: Map<string, string>; // member id → organization id
  keys: Map<string, { orgId: string; memberId: string; secret: string }>;
  revoked: Set<string>;
  removed: Set<string>;
}

function committed(): Committed {
  return {
    orgs: new Map(),
    members: new Map(),
    keys: new Map(),
    revoked: new Set(),
    removed: new Set(),
  };
}

function record(state: Committed, line: string): void {
  const [kind, a = '', b = '', c = '', d = ''] = line.split(' ');
  if (kind === 'org') {
    state.orgs.set(a, { ownerId: b, keyId: c });
    state.members.set(b, a);
    state.keys.set(c, { orgId: a, memberId: b, secret: d });
  } else if (kind === 'member') state.members.set(b, a);
  else if (kind === 'key') state.keys.set(c, { orgId: a, memberId: b, secret: d });
  else if (kind === 'revoke') state.revoked.add(a);
  else if (kind === 'remove') state.removed.add(a);
  else throw new Error(`crash-writer printed an unknown line: ${line}`);
}

/** Runs the writer until it reported `killAfter` commits (plus up to 5 ms), then SIGKILLs it. */
async function writeAndKill(
  options: OpenStorageOptions,
  killAfter: number,
  state: Committed,
): Promise<number> {
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX_LOADER, WRITER], {
    env: { ...process.env, PLEXMCP_CRASH_STORAGE: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let writes = 0;
  let ready = false;
  let killing = false;
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    if (line === 'ready') {
      ready = true;
      return;
    }
    // Lines that arrive after the decision to kill were committed too: they count.
    record(state, line);
    writes += 1;
    if (writes >= killAfter && !killing) {
      killing = true;
      // A random delay so the kill lands at different points of the next transaction.
      setTimeout(() => child.kill('SIGKILL'), Math.random() * 5);
    }
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (signal !== 'SIGKILL') {
    throw new Error(`crash-writer ended by itself (code ${code}, ready ${ready}) before the kill`);
  }
  return writes;
}

async function rows<T>(storage: Storage, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(storage.db)).rows;
}

/** Reopens the database as a restarted server would and checks it; `kills` so far. */
async function checkConsistent(
  options: OpenStorageOptions,
  state: Committed,
  kills: number,
): Promise<void> {
  const storage = await openStorage(options);
  try {
    // Nothing to apply, but it must succeed on a database a writer died on (locks, WAL).
    expect(await migrateToLatest(storage)).toEqual([]);
    if (storage.dialect === 'sqlite') {
      expect(await rows(storage, sql`pragma integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
      expect(await rows(storage, sql`pragma foreign_key_check`)).toEqual([]);
    }

    // Every organization has a current owner: createOrganization is one transaction.
    const ownerless = await rows(
      storage,
      sql<{ id: string }>`select o.id from organizations o where not exists (
        select 1 from members m
        where m.organization_id = o.id and m.role = 'owner' and m.removed_at is null)`,
    );
    expect(ownerless).toEqual([]);
    // Every key belongs to a member of its own organization.
    const strays = await rows(
      storage,
      sql<{ id: string }>`select k.id from api_keys k where not exists (
        select 1 from members m where m.id = k.member_id and m.organization_id = k.organization_id)`,
    );
    expect(strays).toEqual([]);
    // A removed member has no live key: removal and revocation are one transaction.
    const live = await rows(
      storage,
      sql<{ id: string }>`select k.id from api_keys k join members m on m.id = k.member_id
        where m.removed_at is not null and k.revoked_at is null`,
    );
    expect(live).toEqual([]);

    const orgs = await storage.db.selectFrom('organizations').select('id').execute();
    const members = await storage.db
      .selectFrom('members')
      .select(['id', 'organization_id', 'removed_at'])
      .execute();
    const keys = await storage.db
      .selectFrom('api_keys')
      .select(['id', 'organization_id', 'member_id', 'hash', 'revoked_at'])
      .execute();
    for (const key of keys) expect(key.hash).toMatch(/^[0-9a-f]{64}$/);

    // Every reported commit is there, as reported.
    const orgIds = new Set(orgs.map((o) => o.id));
    const memberById = new Map(members.map((m) => [m.id, m]));
    const keyById = new Map(keys.map((k) => [k.id, k]));
    for (const id of state.orgs.keys()) expect(orgIds.has(id), id).toBe(true);
    for (const [id, orgId] of state.members) {
      expect(memberById.get(id)?.organization_id, id).toBe(orgId);
    }
    for (const [id, key] of state.keys) {
      expect(keyById.get(id), id).toMatchObject({
        organization_id: key.orgId,
        member_id: key.memberId,
        hash: hashApiKey(key.secret),
      });
    }
    for (const id of state.revoked) expect(keyById.get(id)?.revoked_at, id).not.toBeNull();
    for (const id of state.removed) expect(memberById.get(id)?.removed_at, id).not.toBeNull();

    // Beyond them, at most the one transaction each kill interrupted may have committed
    // unreported (COMMIT done, line not yet written): one org, member or key per kill.
    expect(orgs.length - state.orgs.size).toBeGreaterThanOrEqual(0);
    expect(orgs.length - state.orgs.size).toBeLessThanOrEqual(kills);
    expect(members.length - state.members.size).toBeLessThanOrEqual(kills);
    expect(keys.length - state.keys.size).toBeLessThanOrEqual(kills);

    // The platform still works: reported keys authenticate or are refused as they should.
    const [lastOrgId, lastOrg] = [...state.orgs].at(-1)!;
    const ownerKey = await authenticate(storage, state.keys.get(lastOrg.keyId)!.secret);
    expect(ownerKey).toMatchObject({ ok: true, organization: { id: lastOrgId } });
    const revokedId = [...state.revoked].at(-1)!;
    expect(await authenticate(storage, state.keys.get(revokedId)!.secret)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    const ofRemoved = [...state.keys].find(([, k]) => state.removed.has(k.memberId))!;
    expect(await authenticate(storage, ofRemoved[1].secret)).toEqual({
      ok: false,
      reason: 'revoked',
    });

    const fresh = await createOrganization(storage, {
      name: 'After the crash',
      owner: { email: 'owner@after.example', name: 'Owner' },
      adminKey: { name: 'admin' },
    });
    expect(await authenticate(storage, fresh.key!.secret)).toMatchObject({ ok: true });
    // Counted as committed, so the next round's bounds stay exact.
    record(
      state,
      `org ${fresh.organization.id} ${fresh.owner.id} ${fresh.key!.id} ${fresh.key!.secret}`,
    );
  } finally {
    await storage.close();
  }
}

describeEachDatabase('kill -9 mid-write', (t) => {
  it(`reopens consistent after ${KILLS} kills, with every reported commit kept`, async () => {
    const setup = await openStorage(t.options);
    await migrateToLatest(setup);
    await setup.close();

    const state = committed();
    for (let kill = 1; kill <= KILLS; kill += 1) {
      // Between 200 and 400 commits, so every kill lands at another moment.
      const killAfter = MIN_WRITES + Math.floor(Math.random() * 200);
      const writes = await writeAndKill(t.options, killAfter, state);
      expect(writes).toBeGreaterThanOrEqual(killAfter);
      await checkConsistent(t.options, state, kill);
    }
  }, 60_000);
});
