import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomString } from './random.js';
import { SecretKeyError } from './secret-key-error.js';

/** The environment variable that holds the key, when it is not kept in the data directory. */
export const SECRET_KEY_ENV = 'PLEXMCP_SECRET_KEY';

/** The key file's name inside the data directory. */
export const SECRET_KEY_FILE = 'secret.key';

const KEY_BYTES = 32;

const HOW_TO_MAKE =
  'Accepted forms: 32 bytes as base64 or base64url (43 or 44 characters) or as 64 hexadecimal ' +
  'characters. Make one with `openssl rand -base64 32`.';

// The HMAC label is fixed and versioned: changing it would make every stored fingerprint stale.
const FINGERPRINT_LABEL = 'plexmcp secret-key fingerprint v1';

/** Where a loaded key came from. */
export type SecretKeySource = 'env' | 'file' | 'created';

/** A loaded encryption key with its fingerprint. */
export interface LoadedSecretKey {
  /** The AES-256 key. A KeyObject, so logging it by mistake prints no key bytes. */
  key: KeyObject;
  /** `keyFingerprint(key)`: store it beside the encrypted data and pass it back on each start. */
  fingerprint: string;
  /** PLEXMCP_SECRET_KEY, an existing key file, or a key file created just now. */
  source: SecretKeySource;
  /** Where the key is, for a start-up log line: the variable's name or the file's path. */
  location: string;
}

/** What `loadSecretKey` reads. */
export interface LoadSecretKeyOptions {
  /** The process environment (or a test's stand-in). */
  env: Readonly<Record<string, string | undefined>>;
  /** The data directory that holds (or will hold) `secret.key`. */
  dataDir: string;
  /**
   * The fingerprint stored with the database's encrypted data, if it has any. When given, a
   * different key is an error and a missing key file is never replaced by a new one.
   */
  expectedFingerprint?: string | undefined;
}

/**
 * Parses a key written as 64 hex characters or as base64/base64url of 32 bytes. Returns
 * undefined for anything else; the caller words the error (without echoing the value).
 */
export function parseSecretKey(text: string): KeyObject | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return createSecretKey(Buffer.from(value, 'hex'));
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return undefined;
  if (/[+/]/.test(value) && /[-_]/.test(value)) return undefined; // mixed alphabets: a damaged value
  const bytes = Buffer.from(value.replace(/=$/, ''), 'base64url');
  // Node's decoder ignores stray low bits in the last character; a canonical round trip does not.
  if (bytes.length !== KEY_BYTES) return undefined;
  const canonical = bytes.toString('base64url');
  if (canonical !== value.replace(/=$/, '').replaceAll('+', '-').replaceAll('/', '_')) {
    return undefined;
  }
  return createSecretKey(bytes);
}

/** An HMAC-SHA256 of a fixed label under the key, in hex: identifies the key, reveals nothing of it. */
export function keyFingerprint(key: KeyObject): string {
  return createHmac('sha256', key).update(FINGERPRINT_LABEL, 'utf8').digest('hex');
}

/** A fingerprint short enough for an error message (fingerprints are not secret). */
const short = (fingerprint: string) => fingerprint.slice(0, 12);

/** The key file's contents: base64 (pastable into PLEXMCP_SECRET_KEY) and a newline. */
const fileText = (bytes: Buffer) => `${bytes.toString('base64')}\n`;

/**
 * Loads the platform's encryption key: PLEXMCP_SECRET_KEY when set (and not empty), else
 * `<dataDir>/secret.key`, created with mode 0600 on first start. Checks the key against
 * `expectedFingerprint` and never generates a new key when the database expects an old one.
 * Throws SecretKeyError, whose message says what to do.
 */
export async function loadSecretKey(options: LoadSecretKeyOptions): Promise<LoadedSecretKey> {
  const { env, dataDir, expectedFingerprint } = options;
  const fromEnv = env[SECRET_KEY_ENV];
  // An empty value counts as unset: compose files often pass `PLEXMCP_SECRET_KEY=` through.
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const key = parseSecretKey(fromEnv);
    if (!key) {
      throw new SecretKeyError(
        'INVALID_KEY',
        `${SECRET_KEY_ENV} is not a valid key (${fromEnv.trim().length} characters). ${HOW_TO_MAKE}`,
      );
    }
    return checked(key, 'env', SECRET_KEY_ENV, expectedFingerprint);
  }

  const path = join(dataDir, SECRET_KEY_FILE);
  const existing = await readKeyFile(path);
  if (existing) return checked(existing, 'file', path, expectedFingerprint);
  if (expectedFingerprint !== undefined) {
    throw new SecretKeyError(
      'KEY_MISSING',
      `The database holds secrets encrypted with key ${short(expectedFingerprint)}…, but ` +
        `${SECRET_KEY_ENV} is not set and the key file ${path} does not exist. Restore ` +
        `${path} from a backup (mode 0600) or set ${SECRET_KEY_ENV} to the original key. A new ` +
        'key is not generated: it could not decrypt the stored Plex tokens and MCP headers.',
    );
  }
  const created = await createKeyFile(dataDir, path);
  return { ...created, location: path };
}

/** The loaded key, after making sure it is the one the database expects. */
function checked(
  key: KeyObject,
  source: SecretKeySource,
  location: string,
  expected: string | undefined,
): LoadedSecretKey {
  const fingerprint = keyFingerprint(key);
  if (expected !== undefined && fingerprint !== expected) {
    const remedy =
      source === 'env'
        ? `Set ${SECRET_KEY_ENV} to the original key, or unset it to use the key file in the data directory.`
        : `Restore the original ${location} from a backup, or set ${SECRET_KEY_ENV} to the original key.`;
    throw new SecretKeyError(
      'KEY_MISMATCH',
      `The key from ${location} (fingerprint ${short(fingerprint)}…) is not the key the ` +
        `database's secrets were encrypted with (fingerprint ${short(expected)}…). ${remedy}`,
    );
  }
  return { key, fingerprint, source, location };
}

/** Reads an existing key file, refusing one that group or others may read; undefined if absent. */
async function readKeyFile(path: string): Promise<KeyObject | undefined> {
  let mode: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new SecretKeyError('KEY_FILE_ERROR', `The key file ${path} is not a regular file.`);
    }
    mode = info.mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof SecretKeyError) throw error;
    throw fileError(`read the key file ${path}`, error);
  }
  // Windows has no POSIX modes to check; everywhere else a shared key file is a leaked key.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SecretKeyError(
      'INSECURE_KEY_FILE',
      `The key file ${path} is accessible to group or others (mode ` +
        `${(mode & 0o777).toString(8).padStart(3, '0')}). Run \`chmod 600 ${path}\` and start again.`,
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(`read the key file ${path}`, error);
  }
  const key = parseSecretKey(text);
  if (!key) {
    throw new SecretKeyError(
      'INVALID_KEY',
      `The key file ${path} does not hold a valid key. Restore it from a backup. ${HOW_TO_MAKE}`,
    );
  }
  return key;
}

/**
 * Creates the key file atomically: the key goes to a temporary file opened exclusively with mode
 * 0600, is flushed, then hard-linked to its name. `link` never replaces an existing file, so two
 * processes starting together agree on one key, and no reader ever sees a partial file or a
 * file with wider permissions.
 */
async function createKeyFile(
  dataDir: string,
  path: string,
): Promise<Omit<LoadedSecretKey, 'location'>> {
  const bytes = randomBytes(KEY_BYTES);
  const temporary = join(dataDir, `.${SECRET_KEY_FILE}.${randomString(12)}.tmp`);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // the umask may only remove bits; this states them exactly
      await handle.writeFile(fileText(bytes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, path);
    } catch (error) {
      // Another process created the key first: use its key, not ours.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        const theirs = await readKeyFile(path);
        if (theirs) return { key: theirs, fingerprint: keyFingerprint(theirs), source: 'file' };
      }
      throw error;
    }
    await syncDirectory(dataDir);
  } catch (error) {
    if (error instanceof SecretKeyError) throw error;
    throw fileError(`create the key file ${path}`, error);
  } finally {
    await unlink(temporary).catch(() => {});
  }
  const key = createSecretKey(bytes);
  return { key, fingerprint: keyFingerprint(key), source: 'created' };
}

/** Flushes the directory entry so a crash right after start cannot lose the new key file. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined); // not possible on every platform
  if (!handle) return;
  try {
    await handle.sync().catch(() => {});
  } finally {
    await handle.close();
  }
}

/** A KEY_FILE_ERROR naming the operation and the system's reason (never any key material). */
function fileError(what: string, error: unknown): SecretKeyError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new SecretKeyError(
    'KEY_FILE_ERROR',
    `Could not ${what} (${code}). Check the data directory's permissions and free space, or set ` +
      `${SECRET_KEY_ENV}. ${HOW_TO_MAKE}`,
    { cause: error },
  );
}
