// One entry point that picks the dialect from what the operator configured.

import type { OpenPostgresOptions } from './postgres-options.js';
import { redactDatabaseUrl } from './redact.js';
import type { Storage } from './storage.js';
import { StorageError } from './storage-error.js';

/**
 * What to open: a database URL (`postgres://…`/`postgresql://…`, or `sqlite:<path>` /
 * `sqlite::memory:`), a SQLite file path, or an in-memory SQLite database.
 */
export type OpenStorageOptions =
  | ({ url: string } & OpenPostgresOptions)
  | { file: string }
  | { memory: true };

/** Opens the configured database; throws `StorageError` with a password-free message. */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  // Each driver is loaded when its database is opened: a SQLite deployment never loads pg.
  const sqlite = async (file: string) => (await import('./open-sqlite.js')).openSqlite(file);
  if ('memory' in options) return sqlite(':memory:');
  if ('file' in options) return sqlite(options.file);
  const { url, ...rest } = options;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    return (await import('./open-postgres.js')).openPostgres(url, rest);
  }
  if (scheme === 'sqlite') {
    const target = url.slice('sqlite:'.length);
    // sqlite:///abs/path and sqlite:/abs/path both name /abs/path.
    return sqlite(target === ':memory:' ? target : target.replace(/^\/\/(?=\/)/, ''));
  }
  throw new StorageError(
    'UNSUPPORTED_URL',
    `Unsupported database URL ${redactDatabaseUrl(url)}: use postgres://user:password@host:5432/db ` +
      '(or postgresql://), sqlite:/path/to/file.db, or leave it unset for the embedded SQLite file',
  );
}
