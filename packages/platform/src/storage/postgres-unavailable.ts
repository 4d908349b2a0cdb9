// A PostgreSQL that is down or restarting must read as "try again shortly", not as our bug: the
// pool below turns the driver's connection failures into StorageError('UNAVAILABLE'), which the
// server answers with 503 on every door. pg reconnects by itself once the server is back.

import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { StorageError } from './storage-error.js';

// Socket errors of a server that is gone, refusing or unreachable.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs of a server shutting down, starting up or out of connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

// pg's own words for a connection it lost (these errors carry no code).
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|timeout expired|Connection closed)/i;

/** Whether `error` says the database could not be reached, rather than refusing a statement. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE class 08: connection exceptions.
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true;
  }
  // An AggregateError (IPv4 and IPv6 both refused) carries the codes in its members.
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return LOST_CONNECTION.test(error.message);
}

function ignoreLostConnection(): void {}

/** Kysely's view of `pool`, with connection failures rethrown as `UNAVAILABLE`. */
export function unavailableAwarePool(pool: pg.Pool, shownUrl: string): PostgresPool {
  const rethrow = (error: unknown): never => {
    if (!isConnectionFailure(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageError(
      'UNAVAILABLE',
      `PostgreSQL at ${shownUrl} is not answering (${reason}); requests are refused with 503 until it is back`,
      { cause: error },
    );
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(rethrow);
      // pg's pool listens for a lost connection only while a client is idle; one lost while
      // checked out (between a transaction's statements) would be an unhandled 'error' event
      // and end the process. The failure reaches the caller through its next query instead.
      client.on('error', ignoreLostConnection);
      return {
        // Kysely calls query(sql, parameters) for results and query(cursor) for streams.
        query: ((...args: unknown[]) => {
          const result = (client.query as (...a: unknown[]) => unknown)(...args);
          return result instanceof Promise ? result.catch(rethrow) : result;
        }) as PostgresPoolClient['query'],
        release: () => {
          client.off('error', ignoreLostConnection);
          client.release();
        },
      };
    },
    end: () => pool.end(),
  };
}
