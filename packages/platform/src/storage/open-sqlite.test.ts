import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openStorage } from './open.js';
import { StorageError } from './storage-error.js';
import { toTimestamp } from './values.js';

const dir = mkdtempSync(path.join(tmpdir(), 'plexmcp-open-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pragma(file: string, name: string): Promise<unknown> {
  const s = await openStorage({ file });
  try {
    const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(s.db);
    return Object.values(rows[0] ?? {})[0];
  } finally {
    await s.close();
  }
}

describe('SQLite storage', () => {
  it('keeps its data when the file is closed and opened again', async () => {
    const file = path.join(dir, 'reopen.db');
    const first = await openStorage({ file });
    await migrateToLatest(first);
    const row = { id: 'org_keep', name: 'Kept', plan: 'team' as const, created_at: toTimestamp() };
    await first.db.insertInto('organizations').values(row).execute();
    await first.close();
    await first.close(); // twice is harmless

    const second = await openStorage({ file });
    expect(await migrateToLatest(second)).toEqual([]);
    expect(await second.db.selectFrom('organizations').selectAll().execute()).toStrictEqual([row]);
    await second.close();
  });

  it('runs in WAL mode with foreign keys on and a busy timeout', async () => {
    const file = path.join(dir, 'pragmas.db');
    expect(await pragma(file, 'journal_mode')).toBe('wal');
    expect(await pragma(file, 'foreign_keys')).toBe(1);
    expect(await pragma(file, 'busy_timeout')).toBe(5000);
  });

  it('accepts sqlite: URLs and an in-memory database', async () => {
    const file = path.join(dir, 'url.db');
    for (const url of [`sqlite:${file}`, `sqlite://${file}`]) {
      const s = await openStorage({ url });
      expect(s.dialect).toBe('sqlite');
      await migrateToLatest(s);
      await s.close();
    }
    expect(await pragma(file, 'journal_mode')).toBe('wal');

    const memory = await openStorage({ memory: true });
    expect(await migrateToLatest(memory)).toEqual(Object.keys(migrations));
    await memory.close();
  });

  it('says which file it cannot open and why', async () => {
    const missing = path.join(dir, 'no-such-dir', 'x.db');
    const error = await openStorage({ file: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'CANNOT_OPEN' });
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toMatch(/directory does not exist/);

    const notDb = path.join(dir, 'not-a-db.db');
    writeFileSync(notDb, 'this is not a SQLite database, just long enough to have a header...');
    const garbage = await openStorage({ file: notDb }).catch((e: unknown) => e);
    expect(garbage).toMatchObject({ code: 'CANNOT_OPEN' });
    expect((garbage as Error).message).toMatch(/not a database/);
  });

  it('waits for another process holding the write lock instead of failing (busy_timeout)', async () => {
    const file = path.join(dir, 'busy.db');
    // Another process (a CLI beside the server) takes the write lock and keeps it for 600 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(process.argv[1]))(process.argv[2]);
         db.pragma('journal_mode = WAL');
         db.exec('begin immediate');
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('commit'); db.close(); }, 600);`,
        createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(holder.stdout, 'data');
    const s = await openStorage({ file });
    const started = Date.now();
    expect(await migrateToLatest(s)).toEqual(Object.keys(migrations));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await s.close();
    await once(holder, 'exit');
  });
});
