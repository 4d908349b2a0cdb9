import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storageOptionsFromEnv } from './config.js';
import { defaultDatabaseFile, defaultDataDir, ensureDataDir } from './data-dir.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'plexmcp-data-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('defaultDataDir', () => {
  const home = '/home/ada';
  it('follows each OS convention', () => {
    expect(defaultDataDir({ env: {}, platform: 'linux', home })).toBe(
      '/home/ada/.local/share/plexmcp',
    );
    expect(defaultDataDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', home })).toBe(
      '/xdg/plexmcp',
    );
    // XDG ignores relative values.
    expect(defaultDataDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'linux', home })).toBe(
      '/home/ada/.local/share/plexmcp',
    );
    expect(defaultDataDir({ env: {}, platform: 'darwin', home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/plexmcp',
    );
    expect(
      defaultDataDir({
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\ada',
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\plexmcp');
  });

  it('lets PLEXMCP_DATA_DIR win on every OS', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(defaultDataDir({ env: { PLEXMCP_DATA_DIR: '/srv/plexmcp' }, platform, home })).toBe(
        '/srv/plexmcp',
      );
    }
  });
});

describe('ensureDataDir and storageOptionsFromEnv', () => {
  it('creates the directory owner-only and puts plexmcp.db in it', () => {
    const dir = path.join(tmp, 'a', 'b');
    expect(ensureDataDir(dir)).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(defaultDatabaseFile(dir)).toBe(path.join(dir, 'plexmcp.db'));
  });

  it('uses PLEXMCP_DATABASE_URL when set, else the SQLite file in the data dir', () => {
    const url = 'postgres://u:p@h/d';
    expect(storageOptionsFromEnv({ PLEXMCP_DATABASE_URL: url })).toEqual({ url });
    const dataDir = path.join(tmp, 'env');
    expect(storageOptionsFromEnv({ PLEXMCP_DATA_DIR: dataDir })).toEqual({
      file: path.join(dataDir, 'plexmcp.db'),
    });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
