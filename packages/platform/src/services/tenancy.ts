// Small shared pieces of the services: counting rows the same way on both dialects, and taking
// row locks where the database has them.

import type { SelectQueryBuilder } from 'kysely';
import { notFound } from '../http/platform-error.js';
import type { StorageDialect } from '../storage/storage.js';

/** `count(*)` as a number: pg answers bigint counts as strings, SQLite as numbers. */
export function countOf(row: { count: string | number | bigint } | undefined): number {
  return Number(row?.count ?? 0);
}

/**
 * `FOR UPDATE` on PostgreSQL, where concurrent transactions on other connections could race
 * (e.g. two removals each seeing the other owner). SQLite has no row locks and needs none:
 * a write transaction holds the whole database.
 */
export function lockRows<DB, TB extends keyof DB, O>(
  dialect: StorageDialect,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate() : query;
}

/** The 404 for an id that is not in the caller's organization (or does not exist at all). */
export function noSuch(kind: 'member' | 'API key' | 'MCP', id: string): never {
  // Same words whether the id exists elsewhere or nowhere: nothing of another tenant leaks.
  throw notFound(`No ${kind} ${id} in this organization.`);
}
