// Runs a block of tests once per dialect, each on its own fresh, real database.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrateToLatest } from '../storage/migrate.js';
import { type OpenStorageOptions, openStorage } from '../storage/open.js';
import type { Storage, StorageDialect } from '../storage/storage.js';

/** Every dialect the platform supports, in the order tests run on them. */
export const TEST_DIALECTS: readonly StorageDialect[] = ['sqlite', 'postgres'];

/** One dialect's databases inside a `describeEachDatabase` block. */
export interface TestDatabases {
  /** Which dialect this block runs on. */
  readonly dialect: StorageDialect;
  /** How to open the block's own database (set before the first test runs). */
  readonly options: OpenStorageOptions;
  /** Opens the block's database (or `options`), unmigrated; closed after the block. */
  open(options?: OpenStorageOptions): Promise<Storage>;
  /** Opens the block's database and applies every migration. */
  openMigrated(): Promise<Storage>;
  /** Creates another empty database of this dialect, dropped after the block. */
  createDatabase(): Promise<OpenStorageOptions>;
}

/** `describe(name)` once on SQLite (a temp file) and once on PostgreSQL (a new database). */
export function describeEachDatabase(name: string, body: (t: TestDatabases) => void): void {
  for (const dialect of TEST_DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      body(testDatabases(dialect));
    });
  }
}

function testDatabases(dialect: StorageDialect): TestDatabases {
  const opened: Storage[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let main: OpenStorageOptions | undefined;

  const createDatabase = async (): Promise<OpenStorageOptions> => {
    const made = dialect === 'sqlite' ? createSqliteFile() : await createPgDatabase();
    cleanups.push(made.cleanup);
    return made.options;
  };
  const t: TestDatabases = {
    dialect,
    get options() {
      if (!main) throw new Error('TestDatabases.options is set in beforeAll; use it inside tests');
      return main;
    },
    async open(options = t.options) {
      const storage = await openStorage(options);
      opened.push(storage);
      return storage;
    },
    async openMigrated() {
      const storage = await t.open();
      await migrateToLatest(storage);
      return storage;
    },
    createDatabase,
  };

  beforeAll(async () => {
    main = await createDatabase();
  });
  afterAll(async () => {
    // Connections first: PostgreSQL will not drop a database that is in use.
    await Promise.all(opened.map((s) => s.close()));
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return t;
}

function createSqliteFile(): { options: OpenStorageOptions; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plexmcp-sqlite-'));
  return {
    options: { file: path.join(dir, 'test.db') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPgDatabase(): Promise<{
  options: OpenStorageOptions;
  cleanup: () => Promise<void>;
}> {
  const server = inject('pgServerUrl');
  // Unique across parallel workers and across runs sharing one external server.
  const name = `plexmcp_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    // A small pool: many test files run at once against one server.
    options: { url: url.toString(), poolSize: 4 },
    // FORCE (PostgreSQL 13+) ends sessions a failed test left open.
    cleanup: () => admin(server, `drop database if exists ${name} with (force)`),
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
