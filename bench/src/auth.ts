import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  authenticate,
  type Caller,
  createOrganization,
  formatScopes,
  generateApiKey,
  migrateToLatest,
  newId,
  type OpenStorageOptions,
  openStorage,
  resolveCaller,
  revokeApiKey,
  type Storage,
  toTimestamp,
} from '@plexmcp/platform';
import type { BenchSection } from './section.js';
import { ms, now, percentile } from './stats.js';

const KEYS = 10_000;
const BATCH = 500;
const CALLS = 5_000;
const ROUNDS = 10;
const REVOCATIONS = 20;
/** Stop polling a revocation after this long: far past the goal, it will not be seen. */
const REVOCATION_GIVE_UP_MS = 5_000;
const GOAL_P50_MS = 0.2;
const GOAL_REVOCATION_MS = 1_000;

/** An organization with `KEYS` managed keys of its owner, and the owner's caller. */
interface Seeded {
  caller: Caller;
  keys: { id: string; secret: string }[];
}

/**
 * One organization through the service (owner and first key in one transaction), then the rest
 * of the keys as rows in batches: 10,000 service calls would time the seeding, not the look-up.
 * The rows are what insertApiKey writes: prefix and hash of a generated secret.
 */
async function seed(storage: Storage): Promise<Seeded> {
  const org = await createOrganization(storage, {
    name: 'Bench auth',
    owner: { email: 'owner@bench.example', name: 'Owner' },
    adminKey: { name: 'admin' },
  });
  const admin = org.key!;
  const caller: Caller = {
    organizationId: org.organization.id,
    memberId: org.owner.id,
    keyId: admin.id,
    role: 'owner',
    scopes: admin.scopes,
    static: false,
  };
  const keys = [{ id: admin.id, secret: admin.secret }];
  const created_at = toTimestamp();
  const scopes = formatScopes(['read', 'write']);
  while (keys.length < KEYS) {
    const batch = Array.from({ length: Math.min(BATCH, KEYS - keys.length) }, (_, i) => {
      const generated = generateApiKey();
      return {
        row: {
          id: newId('key'),
          organization_id: org.organization.id,
          member_id: org.owner.id,
          name: `bench ${keys.length + i}`,
          prefix: generated.prefix,
          hash: generated.hash,
          scopes,
          created_at,
          last_used_at: null,
          expires_at: null,
          revoked_at: null,
        },
        secret: generated.secret,
      };
    });
    await storage.db
      .insertInto('api_keys')
      .values(batch.map((b) => b.row))
      .execute();
    keys.push(...batch.map((b) => ({ id: b.row.id, secret: b.secret })));
  }
  return { caller, keys };
}

type Row = (string | number)[];

function timingRow(database: string, label: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  return [
    database,
    label,
    sorted.length,
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 95)),
    ms(percentile(sorted, 99)),
    ms(sorted[sorted.length - 1] ?? Number.NaN),
  ];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** Times `authenticate` and `resolveCaller` with random keys, interleaved in rounds. */
async function timeLookups(storage: Storage, seeded: Seeded): Promise<Record<string, number[]>> {
  const resolve = resolveCaller(storage);
  const ways: Record<string, (secret: string) => Promise<boolean>> = {
    '`authenticate(storage, secret)`': async (secret) =>
      (await authenticate(storage, secret)).ok === true,
    '`resolveCaller(storage)(secret)`': async (secret) =>
      typeof (await resolve(secret)) !== 'string',
  };
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(ways).map((label) => [label, []]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, call] of Object.entries(ways)) {
      for (let i = 0; i < CALLS / ROUNDS; i++) {
        const { secret } = pick(seeded.keys);
        const started = now();
        const ok = await call(secret);
        samples[label]?.push(now() - started);
        if (!ok) throw new Error(`${label} refused a live key`);
      }
    }
  }
  return samples;
}

/**
 * Revokes keys through a second handle on the same database (another replica) and times, from
 * the revocation's commit, until the first handle's resolver answers `revoked`, polling every ms.
 */
async function timeRevocations(first: Storage, second: Storage, seeded: Seeded): Promise<number[]> {
  const resolve = resolveCaller(first);
  const delays: number[] = [];
  // From the end of the list: the admin key (first) keeps working for the revoking handle.
  for (const key of seeded.keys.slice(-REVOCATIONS)) {
    if (typeof (await resolve(key.secret)) === 'string') throw new Error('key refused before');
    await revokeApiKey(second, seeded.caller, key.id);
    const revokedAt = now();
    for (;;) {
      if ((await resolve(key.secret)) === 'revoked') break;
      if (now() - revokedAt > REVOCATION_GIVE_UP_MS) break;
      await new Promise((resolveSleep) => setTimeout(resolveSleep, 1));
    }
    delays.push(now() - revokedAt);
  }
  return delays;
}

/** Seeds, warms up, times the look-ups and the revocations on one database. */
async function measure(
  database: string,
  options: OpenStorageOptions,
): Promise<{ rows: Row[]; p50: number; revocationMax: number; seedMs: number }> {
  const first = await openStorage(options);
  const second = await openStorage(options);
  let organizationId: string | undefined;
  try {
    await migrateToLatest(first);
    const seedStarted = now();
    const seeded = await seed(first);
    const seedMs = now() - seedStarted;
    organizationId = seeded.caller.organizationId;
    // Warm-up: every key once. Its first use in a minute also writes last_used_at, so these
    // calls are the "first use" row; the timed calls after it are the steady state (reads).
    const firstUse: number[] = [];
    for (const { secret } of seeded.keys) {
      const started = now();
      await authenticate(first, secret);
      firstUse.push(now() - started);
    }
    const lookups = await timeLookups(first, seeded);
    const delays = await timeRevocations(first, second, seeded);
    const rows = [
      timingRow(database, '`authenticate`, first use in a minute (writes last_used_at)', firstUse),
      ...Object.entries(lookups).map(([label, samples]) => timingRow(database, label, samples)),
      timingRow(database, 'revocation by another handle → seen as `revoked`', delays),
    ];
    const authSorted = [...(Object.values(lookups)[0] ?? [])].sort((a, b) => a - b);
    return {
      rows,
      p50: percentile(authSorted, 50),
      revocationMax: Math.max(...delays),
      seedMs,
    };
  } finally {
    // A shared PostgreSQL database keeps nothing of the run: keys and members cascade away.
    if (organizationId !== undefined) {
      await first.db.deleteFrom('organizations').where('id', '=', organizationId).execute();
    }
    await second.close();
    await first.close();
  }
}

/** Benchmark 6: authenticating a managed key among 10,000, and how soon a revocation bites. */
export async function benchAuth(): Promise<BenchSection> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-auth-'));
  try {
    const sqlite = await measure('SQLite (file, WAL)', { file: path.join(dir, 'bench.db') });
    rows.push(...sqlite.rows);
    notes.push(verdict('SQLite', sqlite.p50, sqlite.revocationMax, sqlite.seedMs));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.PLEXMCP_BENCH_DATABASE_URL?.trim();
  if (url) {
    const pg = await measure('PostgreSQL', { url });
    rows.push(...pg.rows);
    notes.push(verdict('PostgreSQL', pg.p50, pg.revocationMax, pg.seedMs));
  } else {
    rows.push(['PostgreSQL', 'skipped: PLEXMCP_BENCH_DATABASE_URL is not set', '', '', '', '', '']);
  }
  notes.push(
    `One organization with ${KEYS.toLocaleString('en')} managed keys, seeded as rows in batches of ${BATCH}. Every key is authenticated once first (the first-use row: the look-up plus the once-a-minute last_used_at write), then ${CALLS.toLocaleString('en')} calls per way with random keys, the two ways interleaved in ${ROUNDS} rounds; in-process, through the built \`@plexmcp/platform\`.`,
    `Revocation: ${REVOCATIONS} keys revoked with \`revokeApiKey\` through a second storage handle on the same database (another replica), timed from its commit until the first handle’s resolver answers \`revoked\`, polling every 1 ms. Nothing caches a key, so the next look-up sees it.`,
  );
  return {
    id: 'auth',
    title: 'Authenticating a managed key',
    goal: `p50 of one authentication under ${GOAL_P50_MS} ms with ${KEYS.toLocaleString('en')} keys; a revocation through another replica seen within ${GOAL_REVOCATION_MS / 1000} s.`,
    columns: ['database', 'measured', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows,
    notes,
  };
}

function verdict(database: string, p50: number, revocationMax: number, seedMs: number): string {
  const auth = p50 < GOAL_P50_MS ? 'met' : 'missed';
  const revocation = revocationMax < GOAL_REVOCATION_MS ? 'met' : 'missed';
  return `${database}: \`authenticate\` p50 ${ms(p50)} ms, goal ${auth}; slowest revocation seen after ${ms(revocationMax)} ms, goal ${revocation}; seeding took ${(seedMs / 1000).toFixed(1)} s.`;
}
