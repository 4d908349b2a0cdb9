// Embedded SQLite through better-sqlite3: the default, nothing to install or run.

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import type { Storage } from './storage.js';
import { StorageError } from './storage-error.js';

/** How long a writer waits for another process's lock before SQLITE_BUSY (CLI beside server). */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if absent) a SQLite file, or an in-memory database for `':memory:'`. */
export function openSqlite(file: string): Storage {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file);
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    // WAL: readers never block the writer and a killed process cannot corrupt the file.
    // synchronous=NORMAL is crash-safe in WAL mode (only power loss may drop the last commits).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    // SQLite ignores foreign keys unless asked, per connection.
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    // e.g. "file is not a database": opening succeeded, the first read did not.
    database.close();
    throw cannotOpen(file, error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect: 'sqlite',
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}

function cannotOpen(file: string, error: unknown): StorageError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError('CANNOT_OPEN', `Cannot open the SQLite database ${file}: ${reason}`, {
    cause: error,
  });
}
