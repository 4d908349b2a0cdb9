import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FINGERPRINT_SETTING, openPlatform } from './open-platform.js';
import { SECRET_KEY_FILE } from './secrets/secret-key.js';
import { describeEachDatabase } from './testing/databases.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-data-'));
  dirs.push(dir);
  return dir;
}

const OTHER_KEY = 'a'.repeat(64);

describeEachDatabase('openPlatform', (t) => {
  it('migrates, creates a 0600 key file on first start and records its fingerprint', async () => {
    const storage = await t.createDatabase();
    const dir = dataDir();
    const first = await openPlatform({ env: {}, storage, dataDir: dir });
    try {
      expect(first.secretKey.source).toBe('created');
      expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
      const row = await first.storage.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', FINGERPRINT_SETTING)
        .executeTakeFirst();
      expect(row?.value).toBe(first.secretKey.fingerprint);
    } finally {
      await first.close();
    }

    const again = await openPlatform({ env: {}, storage, dataDir: dir });
    try {
      expect(again.secretKey.source).toBe('file');
      expect(again.secretKey.fingerprint).toBe(first.secretKey.fingerprint);
    } finally {
      await again.close();
    }
  });

  it('refuses to start with another key, or without the key file, instead of making a new one', async () => {
    const storage = await t.createDatabase();
    const dir = dataDir();
    await (await openPlatform({ env: {}, storage, dataDir: dir })).close();

    await expect(
      openPlatform({ env: { PLEXMCP_SECRET_KEY: OTHER_KEY }, storage, dataDir: dir }),
    ).rejects.toMatchObject({ name: 'SecretKeyError', code: 'KEY_MISMATCH' });

    rmSync(join(dir, SECRET_KEY_FILE));
    await expect(openPlatform({ env: {}, storage, dataDir: dir })).rejects.toMatchObject({
      name: 'SecretKeyError',
      code: 'KEY_MISSING',
    });
    expect(existsSync(join(dir, SECRET_KEY_FILE))).toBe(false);
  });

  it('accepts the key from PLEXMCP_SECRET_KEY on every start once it is the recorded one', async () => {
    const storage = await t.createDatabase();
    const dir = dataDir();
    const env = { PLEXMCP_SECRET_KEY: OTHER_KEY };
    const first = await openPlatform({ env, storage, dataDir: dir });
    await first.close();
    const again = await openPlatform({ env, storage, dataDir: dir });
    expect(again.secretKey).toMatchObject({
      source: 'env',
      fingerprint: first.secretKey.fingerprint,
    });
    await again.close();
    expect(existsSync(join(dir, SECRET_KEY_FILE))).toBe(false);
  });
});

it('gives an in-memory database a key of its own and writes nothing to disk', async () => {
  const dir = dataDir();
  const platform = await openPlatform({ env: {}, storage: { memory: true }, dataDir: dir });
  try {
    expect(platform.secretKey).toMatchObject({ source: 'created', location: '(in memory)' });
    expect(existsSync(join(dir, SECRET_KEY_FILE))).toBe(false);
  } finally {
    await platform.close();
  }
});
