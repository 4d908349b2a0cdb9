import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  authenticate,
  CALLER_CACHE_MS,
  type Caller,
  createOrganization,
  FINGERPRINT_SETTING,
  formatScopes,
  generateApiKey,
  migrateToLatest,
  newId,
  openStorage,
  resolveCaller,
  revokeApiKey,
  type Storage,
  toTimestamp,
} from '@plexmcp/platform';
import { HOST_NOTES, timeHost } from './auth-host.js';
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
  // The owner's caller as the platform builds it, whatever fields a Caller carries by now.
  const owner = await authenticate(storage, admin.secret);
  if (!owner.ok) throw new Error(`the admin key was refused: ${owner.reason}`);
  const caller = owner.caller;
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

async function hasFingerprint(storage: Storage): Promise<boolean> {
  const row = await storage.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', FINGERPRINT_SETTING)
    .executeTakeFirst();
  return row !== undefined;
}

/** What one database measured, for the verdict under the table. */
interface Measured {
  rows: Row[];
  p50: number;
  revocationMax: number;
  hostHotP50: number;
  hostColdP50: number;
  hostRevocationMax: number;
  seedMs: number;
}

/** Seeds, warms up, times the look-ups, the server's host and the revocations on one database. */
async function measure(
  database: string,
  options: { file: string } | { url: string },
  dataDir: string,
): Promise<Measured> {
  const first = await openStorage(options);
  const second = await openStorage(options);
  let organizationId: string | undefined;
  let fingerprintWasKept = true;
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
    // The host gets keys of its own to revoke; the rest stay live for its timed calls.
    const live = seeded.keys.slice(0, -2 * REVOCATIONS);
    const forHost = seeded.keys.slice(-2 * REVOCATIONS, -REVOCATIONS);
    const where = 'file' in options ? options.file : options.url;
    // The host records its throwaway secret key's fingerprint on first start; on a database that
    // had none, take it away again, or the next run (with another throwaway key) is refused.
    fingerprintWasKept = await hasFingerprint(first);
    const host = await timeHost(where, dataDir, live, forHost, second, seeded.caller);
    const delays = await timeRevocations(first, second, seeded);
    const rows = [
      timingRow(database, '`authenticate`, first use in a minute (writes last_used_at)', firstUse),
      ...Object.entries(lookups).map(([label, samples]) => timingRow(database, label, samples)),
      timingRow(
        database,
        `\`host.authenticate\`, ${HOST_NOTES.hotKeys} hot keys in turn (1-s cache)`,
        host.hot,
      ),
      timingRow(database, '`host.authenticate`, random key, cache cold', host.cold),
      timingRow(database, 'revocation by another handle → seen as `revoked`', delays),
      timingRow(
        database,
        `revocation by another handle → \`host.authenticate\` says \`revoked\` (polled every ${HOST_NOTES.pollMs} ms)`,
        host.revocations,
      ),
    ];
    const p50 = (samples: number[]) =>
      percentile(
        [...samples].sort((a, b) => a - b),
        50,
      );
    const authSorted = [...(Object.values(lookups)[0] ?? [])].sort((a, b) => a - b);
    return {
      rows,
      p50: percentile(authSorted, 50),
      revocationMax: Math.max(...delays),
      hostHotP50: p50(host.hot),
      hostColdP50: p50(host.cold),
      hostRevocationMax: Math.max(...host.revocations),
      seedMs,
    };
  } finally {
    // A shared PostgreSQL database keeps nothing of the run: keys and members cascade away.
    if (organizationId !== undefined) {
      await first.db.deleteFrom('organizations').where('id', '=', organizationId).execute();
    }
    if (!fingerprintWasKept) {
      await first.db.deleteFrom('settings').where('key', '=', FINGERPRINT_SETTING).execute();
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
    const sqlite = await measure('SQLite (file, WAL)', { file: path.join(dir, 'bench.db') }, dir);
    rows.push(...sqlite.rows);
    notes.push(verdict('SQLite', sqlite));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.PLEXMCP_BENCH_DATABASE_URL?.trim();
  if (url) {
    // The host still loads its secret key from a data directory: a throwaway one.
    const pgDir = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-auth-pg-'));
    try {
      const pg = await measure('PostgreSQL', { url }, pgDir);
      rows.push(...pg.rows);
      notes.push(verdict('PostgreSQL', pg));
    } finally {
      rmSync(pgDir, { recursive: true, force: true });
    }
  } else {
    rows.push(['PostgreSQL', 'skipped: PLEXMCP_BENCH_DATABASE_URL is not set', '', '', '', '', '']);
  }
  notes.push(
    `One organization with ${KEYS.toLocaleString('en')} managed keys, seeded as rows in batches of ${BATCH}. Every key is authenticated once first (the first-use row: the look-up plus the once-a-minute last_used_at write), then ${CALLS.toLocaleString('en')} calls per way with random keys, the two ways interleaved in ${ROUNDS} rounds; in-process, through the built \`@plexmcp/platform\`.`,
    `Revocation: ${REVOCATIONS} keys revoked with \`revokeApiKey\` through a second storage handle on the same database (another replica), timed from its commit until the first handle’s resolver answers \`revoked\`, polling every 1 ms. Nothing caches a key there, so the next look-up sees it.`,
    `\`host.authenticate\` is what the HTTP server calls for every request with a key that is not a configured one: \`startPlatformHost({ env: { PLEXMCP_DATA_DIR }, database, staticKeys: false })\`, whose answers are kept ${CALLER_CACHE_MS / 1000} s per key. Hot: ${HOST_NOTES.hotKeys} keys in turn, ${HOST_NOTES.calls.toLocaleString('en')} calls; the misses (each key’s first call, then one a second per key) are what the p95 and p99 show. Cold: a random key among the ${(KEYS - 2 * REVOCATIONS).toLocaleString('en')} live ones with the cache emptied (\`host.forget()\`, outside the timing) before each call. The two interleave in ${HOST_NOTES.rounds} rounds.`,
    `Host revocation: ${HOST_NOTES.revocations} other keys, each first answered (so cached) by the host, then revoked through the second handle; the host is asked every ${HOST_NOTES.pollMs} ms from the commit until it says \`revoked\`. The cache makes this up to ${CALLER_CACHE_MS / 1000} s by design.`,
  );
  return {
    id: 'auth',
    title: 'Authenticating a managed key',
    goal: `p50 of one authentication (the server’s \`host.authenticate\` included) under ${GOAL_P50_MS} ms with ${KEYS.toLocaleString('en')} keys; a revocation through another replica seen within ${GOAL_REVOCATION_MS / 1000} s.`,
    columns: ['database', 'measured', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows,
    notes,
  };
}

const met = (value: number, goal: number) => (value < goal ? 'met' : 'missed');

function verdict(database: string, m: Measured): string {
  return [
    `${database}: \`authenticate\` p50 ${ms(m.p50)} ms, goal ${met(m.p50, GOAL_P50_MS)};`,
    `\`host.authenticate\` p50 ${ms(m.hostHotP50)} ms hot, goal ${met(m.hostHotP50, GOAL_P50_MS)}, and ${ms(m.hostColdP50)} ms cold, goal ${met(m.hostColdP50, GOAL_P50_MS)};`,
    `slowest revocation seen after ${ms(m.revocationMax)} ms uncached, goal ${met(m.revocationMax, GOAL_REVOCATION_MS)}, and ${ms(m.hostRevocationMax)} ms through the host, goal ${met(m.hostRevocationMax, GOAL_REVOCATION_MS)}${m.hostRevocationMax >= GOAL_REVOCATION_MS ? ` by ${ms(m.hostRevocationMax - GOAL_REVOCATION_MS)} ms (an answer kept exactly ${CALLER_CACHE_MS / 1000} s, plus the poll that notices it expired)` : ''};`,
    `seeding took ${(m.seedMs / 1000).toFixed(1)} s.`,
  ].join(' ');
}
