// PostgreSQL's settings, apart from its driver: reading them must not load `pg`.

/** Connections per process by default: enough for concurrent requests, small enough that a few
 * replicas stay well under PostgreSQL's default max_connections of 100. */
export const DEFAULT_POOL_SIZE = 10;

/** Options for `openPostgres`. */
export interface OpenPostgresOptions {
  /** Maximum pooled connections (default `DEFAULT_POOL_SIZE`). */
  poolSize?: number;
}
