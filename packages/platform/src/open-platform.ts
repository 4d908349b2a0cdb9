// What an HTTP server needs of the platform at start: its database, migrated, and the key that
// seals the secrets in it, checked against the key the database was first started with.

import { createSecretKey, randomBytes } from 'node:crypto';
import { keyFingerprint, type LoadedSecretKey, loadSecretKey } from './secrets/secret-key.js';
import { SecretKeyError } from './secrets/secret-key-error.js';
import { storageOptionsFromEnv } from './storage/config.js';
import { defaultDataDir, ensureDataDir } from './storage/data-dir.js';
import { migrateToLatest } from './storage/migrate.js';
import { type OpenStorageOptions, openStorage } from './storage/open.js';
import type { Storage } from './storage/storage.js';
import { toTimestamp } from './storage/values.js';

/** The `settings` key under which the database remembers which key seals its secrets. */
export const FINGERPRINT_SETTING = 'secret_key_fingerprint';

/** How to open the platform. */
export interface OpenPlatformOptions {
  /** The process environment (or a test's stand-in): PLEXMCP_DATABASE_URL, _DATA_DIR, _SECRET_KEY. */
  env: Readonly<Record<string, string | undefined>>;
  /** The database; by default PLEXMCP_DATABASE_URL, else the SQLite file in the data directory. */
  storage?: OpenStorageOptions;
  /** Where the key file lives; by default PLEXMCP_DATA_DIR or the per-user data directory. */
  dataDir?: string;
}

/** An open platform: its migrated storage and its secret key. */
export interface OpenPlatform {
  storage: Storage;
  secretKey: LoadedSecretKey;
  close(): Promise<void>;
}

/**
 * Opens the database, applies the migrations and loads the secret key. The first start records
 * the key's fingerprint in the database; every later start (and every replica) must bring the
 * same key, so a lost or replaced key is a clear error here, never secrets that no longer open.
 * An in-memory database (`--demo`) gets a key of its own that lives as long as the process,
 * unless PLEXMCP_SECRET_KEY names one: nothing is written to disk for a database that is not.
 */
export async function openPlatform(options: OpenPlatformOptions): Promise<OpenPlatform> {
  const env = options.env;
  const storageOptions = options.storage ?? storageOptionsFromEnv(env as NodeJS.ProcessEnv);
  const storage = await openStorage(storageOptions);
  try {
    await migrateToLatest(storage);
    const stored = await storedFingerprint(storage);
    const secretKey =
      isMemory(storageOptions) && !env.PLEXMCP_SECRET_KEY?.trim()
        ? processKey()
        : await loadSecretKey({
            env,
            dataDir: ensureDataDir(
              options.dataDir ?? defaultDataDir({ env: env as NodeJS.ProcessEnv }),
            ),
            expectedFingerprint: stored,
          });
    if (stored === undefined) await recordFingerprint(storage, secretKey);
    return { storage, secretKey, close: () => storage.close() };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

function isMemory(options: OpenStorageOptions): boolean {
  return (
    ('memory' in options && options.memory === true) ||
    ('url' in options && options.url === 'sqlite::memory:')
  );
}

/** A random key for a database that dies with the process. */
function processKey(): LoadedSecretKey {
  const key = createSecretKey(randomBytes(32));
  return { key, fingerprint: keyFingerprint(key), source: 'created', location: '(in memory)' };
}

async function storedFingerprint(storage: Storage): Promise<string | undefined> {
  const row = await storage.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', FINGERPRINT_SETTING)
    .executeTakeFirst();
  return row?.value;
}

/**
 * Records the key's fingerprint on a first start. Replicas starting together race here: the
 * first insert wins and a replica that brought another key learns it from the read-back.
 */
async function recordFingerprint(storage: Storage, secretKey: LoadedSecretKey): Promise<void> {
  await storage.db
    .insertInto('settings')
    .values({
      key: FINGERPRINT_SETTING,
      value: secretKey.fingerprint,
      updated_at: toTimestamp(new Date()),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const winner = await storedFingerprint(storage);
  if (winner !== secretKey.fingerprint) {
    throw new SecretKeyError(
      'KEY_MISMATCH',
      `Another server sharing this database started first with a different key (fingerprint ${winner?.slice(0, 8)}…). Give every replica the same PLEXMCP_SECRET_KEY.`,
    );
  }
}
