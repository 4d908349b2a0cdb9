import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Which database engine holds the data. */
export type StorageDialect = 'sqlite' | 'postgres';

/** An open database: the typed Kysely handle, which dialect it speaks, and how to close it. */
export interface Storage {
  /** Typed query builder; identical API on both dialects. */
  readonly db: Kysely<Database>;
  /** `sqlite` (embedded, one process) or `postgres` (a server, any number of replicas). */
  readonly dialect: StorageDialect;
  /** Closes the SQLite file or drains the PostgreSQL pool; safe to call twice. */
  close(): Promise<void>;
}
