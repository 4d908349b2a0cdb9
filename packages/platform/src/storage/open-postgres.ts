// A PostgreSQL server through pg's Pool: for production and for more than one replica.

import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DEFAULT_POOL_SIZE, type OpenPostgresOptions } from './postgres-options.js';
import { unavailableAwarePool } from './postgres-unavailable.js';
import { redactDatabaseUrl } from './redact.js';
import type { Database } from './schema.js';
import type { Storage } from './storage.js';
import { StorageError } from './storage-error.js';

/** Connects to a `postgres://` URL and checks the server answers before returning. */
export async function openPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<Storage> {
  const shown = redactDatabaseUrl(url);
  try {
    // pg's own parser can echo the string in its errors; vet it here first.
    new URL(url);
  } catch {
    throw new StorageError('UNSUPPORTED_URL', `Not a valid PostgreSQL URL: ${shown}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    application_name: 'plexmcp',
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser },
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, that would
  // crash the process. pg drops the client and the next query reconnects, so nothing to do.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageError(
      'CANNOT_CONNECT',
      `Cannot connect to PostgreSQL at ${shown}: ${reason}`,
      {
        cause: error,
      },
    );
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: unavailableAwarePool(pool, shown) }),
  });
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect: 'postgres',
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}

// pg answers BIGINT (what count(*) returns) as a string; better-sqlite3 answers a number.
// Parse it to a number on this pool only, so `count(*)` has one JS type on both dialects.
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8
    ? parseInt8
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${value} does not fit a JS number`);
  return n;
}
