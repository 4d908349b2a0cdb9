import { sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { freePort } from '../testing/pg-cluster.js';
import { isConnectionFailure } from './postgres-unavailable.js';
import { StorageError } from './storage-error.js';

/** The rejection of `promise` (a success fails the test). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
}

describeEachDatabase('a PostgreSQL that goes away', (t) => {
  it.runIf(t.dialect === 'postgres')(
    'is UNAVAILABLE (not a statement error) while the connection is lost, and the next query reconnects',
    async () => {
      const s = await t.openMigrated();
      const error = await rejection(
        s.db.connection().execute(async (conn) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
          // What a restart does to every session: the server ends it (57P01).
          const admin = new pg.Client({ connectionString: (t.options as { url: string }).url });
          await admin.connect();
          await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
          await admin.end();
          await sql`select 1`.execute(conn);
        }),
      );
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
      expect((error as Error).message).toMatch(/^PostgreSQL at postgres:\/\/.* is not answering/);

      // pg dropped the dead connection: the pool serves the next query on a new one.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(s.db);
      expect(rows).toEqual([{ one: 1 }]);
    },
  );

  it.runIf(t.dialect === 'postgres')(
    'leaves a statement the server refuses as it is (a bug to see, not an outage)',
    async () => {
      const s = await t.openMigrated();
      const error = await rejection(sql`select * from no_such_table`.execute(s.db));
      expect(error).not.toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ code: '42P01' });
    },
  );
});

it('tells connection failures from other errors', async () => {
  const port = await freePort();
  const client = new pg.Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 2000 });
  const refused = await rejection(client.connect());
  expect(isConnectionFailure(refused)).toBe(true);
  expect(isConnectionFailure(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
  expect(isConnectionFailure(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
  expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isConnectionFailure(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
  expect(isConnectionFailure('ECONNREFUSED')).toBe(false);
});
