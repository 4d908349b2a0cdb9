// rate-limiter-flexible's PostgreSQL store talks to anything with pg's `query({ text, values })`.
// Handing it the platform's own Kysely handle (rather than a pool of its own) keeps one pool per
// process, within the connection budget PLEXMCP_DATABASE_URL deployments are sized for, with
// the pool's settings (timeouts, BIGINT as numbers) and its error handling.

import { CompiledQuery, type Kysely } from 'kysely';

/** The part of pg's client the limiter's store calls. */
export interface PgLikeClient {
  query(query: { text: string; values?: readonly unknown[]; name?: string }): Promise<{
    rows: Record<string, unknown>[];
    rowCount: number;
  }>;
}

/**
 * A pg-shaped client over Kysely. The store's statement names are dropped: Kysely has no named
 * prepared statements, and the statements are small.
 */
export function pgLikeClient(db: Kysely<unknown>): PgLikeClient {
  return {
    async query({ text, values = [] }) {
      const result = await db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(text, [...values]),
      );
      // The store reads rowCount for SELECT (rows found) and DELETE (rows deleted).
      const affected = result.numAffectedRows;
      return {
        rows: result.rows,
        rowCount: affected === undefined ? result.rows.length : Number(affected),
      };
    },
  };
}
