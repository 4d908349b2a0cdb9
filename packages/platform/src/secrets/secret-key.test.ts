import { execFileSync } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught, expectNoLeak } from './expect-no-leak.js';
import { keyFingerprint, loadSecretKey, parseSecretKey } from './secret-key.js';
import { SecretKeyError } from './secret-key-error.js';

let dataDir: string;
const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plexmcp-secret-key-'));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => {}));
  }
});

afterEach(async () => {
  // Nothing in this module logs: a key never reaches a log line through it.
  for (const spy of consoleSpies.splice(0)) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
  await rm(dataDir, { recursive: true, force: true });
});

const bytes = Buffer.from(
  '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  'hex',
);
const fingerprintOf = (key: Buffer) => keyFingerprint(createSecretKey(key));
const keyPath = () => join(dataDir, 'secret.key');
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Expects a SecretKeyError with `code` that shows none of `secrets`; returns its message. */
async function expectKeyError(
  run: () => Promise<unknown>,
  code: SecretKeyError['code'],
  secrets: ReadonlyArray<string | Buffer>,
): Promise<string> {
  const error = await caught(run);
  expect(error).toBeInstanceOf(SecretKeyError);
  expect((error as SecretKeyError).code).toBe(code);
  expectNoLeak(error, secrets);
  return (error as SecretKeyError).message;
}

describe('keyFingerprint', () => {
  it('is HMAC-SHA256 of the fixed label, as openssl computes it', () => {
    const fromOpenssl = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${bytes.toString('hex')}`],
      { input: 'plexmcp secret-key fingerprint v1' },
    )
      .toString()
      .trim()
      .split(' ')
      .at(-1);
    expect(fingerprintOf(bytes)).toBe(fromOpenssl);
  });

  it('tells keys apart and contains no key material', () => {
    const other = randomBytes(32);
    expect(fingerprintOf(bytes)).toBe(fingerprintOf(Buffer.from(bytes)));
    expect(fingerprintOf(other)).not.toBe(fingerprintOf(bytes));
    expect(fingerprintOf(other)).not.toContain(other.toString('hex').slice(0, 8));
  });
});

describe('parseSecretKey', () => {
  const same = (text: string) => {
    const key = parseSecretKey(text);
    expect(key, text).toBeDefined();
    expect(key!.export()).toEqual(bytes);
  };

  it('reads 64 hex characters, base64 and base64url, padded or not, around whitespace', () => {
    same(bytes.toString('hex'));
    same(bytes.toString('hex').toUpperCase());
    same(bytes.toString('base64'));
    same(bytes.toString('base64').replace(/=$/, ''));
    same(bytes.toString('base64url'));
    same(`  ${bytes.toString('base64')}\n`);
    const slashy = Buffer.alloc(32, 0xff); // base64 "////…": the two alphabets really differ
    expect(parseSecretKey(slashy.toString('base64'))!.export()).toEqual(slashy);
    expect(parseSecretKey(slashy.toString('base64url'))!.export()).toEqual(slashy);
  });

  it.each([
    ['a password', 'hunter2'],
    ['31 bytes', randomBytes(31).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['63 hex characters', bytes.toString('hex').slice(1)],
    ['65 hex characters', `${bytes.toString('hex')}0`],
    ['mixed base64 alphabets', `+_${bytes.toString('base64').slice(2)}`],
    // "9" sets the last character's two spare bits: Node would decode it, no encoder writes it.
    ['non-canonical base64', `${bytes.toString('base64url').slice(0, 42)}9`],
    ['two paddings', `${bytes.toString('base64').slice(0, 42)}==`],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(parseSecretKey(text)).toBeUndefined();
  });
});

describe('loadSecretKey from PLEXMCP_SECRET_KEY', () => {
  it('uses the variable and writes no key file', async () => {
    const loaded = await loadSecretKey({
      env: { PLEXMCP_SECRET_KEY: bytes.toString('base64') },
      dataDir,
    });
    expect(loaded.source).toBe('env');
    expect(loaded.location).toBe('PLEXMCP_SECRET_KEY');
    expect(loaded.key.export()).toEqual(bytes);
    expect(loaded.fingerprint).toBe(fingerprintOf(bytes));
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a malformed value, naming the accepted forms, without echoing it', async () => {
    const value = 'correct-horse-battery-staple';
    const message = await expectKeyError(
      () => loadSecretKey({ env: { PLEXMCP_SECRET_KEY: value }, dataDir }),
      'INVALID_KEY',
      [value],
    );
    expect(message).toContain('PLEXMCP_SECRET_KEY');
    expect(message).toContain('64 hexadecimal');
    expect(message).toContain('base64');
    expect(message).toContain('openssl rand -base64 32');
  });

  it('does not echo a nearly valid key either', async () => {
    const value = randomBytes(31).toString('hex');
    await expectKeyError(
      () => loadSecretKey({ env: { PLEXMCP_SECRET_KEY: value }, dataDir }),
      'INVALID_KEY',
      [value, value.slice(0, 16)],
    );
  });

  it('treats an empty value as unset', async () => {
    const loaded = await loadSecretKey({ env: { PLEXMCP_SECRET_KEY: '  ' }, dataDir });
    expect(loaded.source).toBe('created');
  });

  it('wins over a key file', async () => {
    await writeFile(keyPath(), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const loaded = await loadSecretKey({
      env: { PLEXMCP_SECRET_KEY: bytes.toString('hex') },
      dataDir,
    });
    expect(loaded.source).toBe('env');
    expect(loaded.key.export()).toEqual(bytes);
  });

  it('refuses a key that is not the one the database expects', async () => {
    const expectedFingerprint = fingerprintOf(randomBytes(32));
    const message = await expectKeyError(
      () =>
        loadSecretKey({
          env: { PLEXMCP_SECRET_KEY: bytes.toString('hex') },
          dataDir,
          expectedFingerprint,
        }),
      'KEY_MISMATCH',
      [bytes],
    );
    expect(message).toContain('PLEXMCP_SECRET_KEY');
    expect(message).toContain('original key');
    expect(message).toContain(expectedFingerprint.slice(0, 12));
  });

  it('accepts the key the database expects', async () => {
    const loaded = await loadSecretKey({
      env: { PLEXMCP_SECRET_KEY: bytes.toString('base64url') },
      dataDir,
      expectedFingerprint: fingerprintOf(bytes),
    });
    expect(loaded.key.export()).toEqual(bytes);
  });
});

describe('loadSecretKey from the key file', () => {
  it('creates secret.key with mode 0600 on first start, then reads the same key', async () => {
    const first = await loadSecretKey({ env: {}, dataDir });
    expect(first.source).toBe('created');
    expect(first.location).toBe(keyPath());
    expect(await modeOf(keyPath())).toBe(0o600);
    const text = await readFile(keyPath(), 'utf8');
    expect(text).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(parseSecretKey(text)!.export()).toEqual(first.key.export());

    const again = await loadSecretKey({ env: {}, dataDir, expectedFingerprint: first.fingerprint });
    expect(again.source).toBe('file');
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(await readdir(dataDir)).toEqual(['secret.key']); // no temporary file left behind
  });

  it('creates the key file 0600 whatever the umask, and the data directory 0700', async () => {
    const nested = join(dataDir, 'a', 'b');
    const previous = process.umask(0);
    try {
      await loadSecretKey({ env: {}, dataDir: nested });
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(join(nested, 'secret.key'))).toBe(0o600);
    expect(await modeOf(nested)).toBe(0o700);
  });

  it('gives processes that start together one key', async () => {
    const loads = await Promise.all(
      Array.from({ length: 8 }, () => loadSecretKey({ env: {}, dataDir })),
    );
    expect(new Set(loads.map((l) => l.fingerprint)).size).toBe(1);
    expect(loads.filter((l) => l.source === 'created')).toHaveLength(1);
    const onDisk = parseSecretKey(await readFile(keyPath(), 'utf8'))!;
    expect(keyFingerprint(onDisk)).toBe(loads[0]!.fingerprint);
    expect(await readdir(dataDir)).toEqual(['secret.key']);
  });

  it.each([0o644, 0o640, 0o604, 0o602, 0o620])(
    'refuses a key file with mode %o, saying chmod 600',
    async (mode) => {
      await writeFile(keyPath(), `${bytes.toString('base64')}\n`);
      await chmod(keyPath(), mode);
      const message = await expectKeyError(
        () => loadSecretKey({ env: {}, dataDir }),
        'INSECURE_KEY_FILE',
        [bytes],
      );
      expect(message).toContain(`chmod 600 ${keyPath()}`);
      expect(message).toContain(mode.toString(8));
    },
  );

  it('refuses a key file that holds no key, without echoing its contents', async () => {
    const contents = 'this-is-not-a-key-but-still-private';
    await writeFile(keyPath(), contents, { mode: 0o600 });
    const message = await expectKeyError(() => loadSecretKey({ env: {}, dataDir }), 'INVALID_KEY', [
      contents,
    ]);
    expect(message).toContain(keyPath());
    expect(message).toContain('openssl rand -base64 32');
  });

  it('refuses a key file that is not the one the database expects', async () => {
    await writeFile(keyPath(), `${bytes.toString('base64')}\n`, { mode: 0o600 });
    const message = await expectKeyError(
      () =>
        loadSecretKey({ env: {}, dataDir, expectedFingerprint: fingerprintOf(randomBytes(32)) }),
      'KEY_MISMATCH',
      [bytes],
    );
    expect(message).toContain(`Restore the original ${keyPath()}`);
    expect(message).toContain('PLEXMCP_SECRET_KEY');
  });

  it('never makes a new key when the database expects one and the file is gone', async () => {
    const message = await expectKeyError(
      () => loadSecretKey({ env: {}, dataDir, expectedFingerprint: fingerprintOf(bytes) }),
      'KEY_MISSING',
      [bytes],
    );
    expect(message).toContain(`Restore ${keyPath()}`);
    expect(message).toContain('set PLEXMCP_SECRET_KEY');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('reports a key path that is a directory', async () => {
    await mkdir(keyPath());
    await expectKeyError(() => loadSecretKey({ env: {}, dataDir }), 'KEY_FILE_ERROR', []);
  });

  it('reports a data directory it cannot create, suggesting PLEXMCP_SECRET_KEY', async () => {
    const file = join(dataDir, 'not-a-directory');
    await writeFile(file, '');
    const message = await expectKeyError(
      () => loadSecretKey({ env: {}, dataDir: join(file, 'data') }),
      'KEY_FILE_ERROR',
      [],
    );
    expect(message).toContain('ENOTDIR');
    expect(message).toContain('PLEXMCP_SECRET_KEY');
  });
});
