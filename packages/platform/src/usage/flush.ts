// Writes a batch of the meter's rows in one transaction: each row is added to the stored row of
// the same minute and combination (an upsert that adds in SQL), so batches from several flushes,
// restarts or replicas sum up without anyone reading first.

import { sql } from 'kysely';
import type { UsageMinutesTable } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { BUCKET_COLUMNS } from './histogram.js';
import { BUILTIN_MCP, type PendingRow } from './meter.js';

// 25 values a row: 400 rows stay far below SQLite's 32,766 and pg's 65,535 parameters.
const ROWS_PER_STATEMENT = 400;

const UNIQUE_COLUMNS = [
  'organization_id',
  'minute',
  'key_id',
  'mcp_id',
  'tool',
  'door',
  'outcome',
] as const;

/** The ISO start of minute `minute` (minutes since the epoch). */
export function minuteStamp(minute: number): string {
  return new Date(minute * 60_000).toISOString();
}

/** Writes `rows` (adding to what is stored) in one transaction; nothing is written on failure. */
export async function writeUsageBatch(
  storage: Storage,
  rows: readonly PendingRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await storage.db.transaction().execute(async (trx) => {
    const builtin = await builtinMcps(
      trx,
      rows.filter((row) => row.mcpId === BUILTIN_MCP).map((row) => row.organizationId),
    );
    // Resolving the builtin can make two rows one (its id was also named outright); pg refuses
    // an upsert that touches a row twice, so they are merged first. Sorted, so concurrent
    // replicas take row locks in the same order and never deadlock.
    const merged = new Map<string, UsageMinutesTable>();
    for (const row of rows) {
      const mcpId = row.mcpId === BUILTIN_MCP ? (builtin.get(row.organizationId) ?? '') : row.mcpId;
      const stored = toStored(row, mcpId);
      const key = UNIQUE_COLUMNS.map((column) => stored[column]).join('\u0000');
      const kept = merged.get(key);
      if (kept) addInto(kept, stored);
      else merged.set(key, stored);
    }
    const sorted = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
      const chunk = sorted.slice(i, i + ROWS_PER_STATEMENT).map(([, row]) => row);
      await trx
        .insertInto('usage_minutes')
        .values(chunk)
        .onConflict((conflict) =>
          conflict.columns([...UNIQUE_COLUMNS]).doUpdateSet({
            calls: sql`usage_minutes.calls + excluded.calls`,
            errors: sql`usage_minutes.errors + excluded.errors`,
            total_ms: sql`usage_minutes.total_ms + excluded.total_ms`,
            ...Object.fromEntries(
              BUCKET_COLUMNS.map((column) => [
                column,
                sql`${sql.ref(`usage_minutes.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
              ]),
            ),
          }),
        )
        .execute();
    }
  });
}

/** The builtin MCP of each organization that has one. */
async function builtinMcps(
  trx: Storage['db'],
  organizationIds: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return new Map();
  const found = await trx
    .selectFrom('mcps')
    .select(['id', 'organization_id'])
    .where('origin', '=', 'server')
    .where('organization_id', 'in', unique)
    .execute();
  return new Map(found.map((row) => [row.organization_id, row.id]));
}

function toStored(row: PendingRow, mcpId: string): UsageMinutesTable {
  const stored: UsageMinutesTable = {
    organization_id: row.organizationId,
    minute: minuteStamp(row.minute),
    key_id: row.keyId,
    mcp_id: mcpId,
    tool: row.tool,
    door: row.door,
    outcome: row.outcome,
    calls: row.calls,
    errors: row.errors,
    // Whole milliseconds: sub-millisecond sums would make the column a float on SQLite.
    total_ms: Math.round(row.totalMs),
  } as UsageMinutesTable;
  BUCKET_COLUMNS.forEach((column, i) => {
    stored[column] = row.buckets[i]!;
  });
  return stored;
}

function addInto(kept: UsageMinutesTable, row: UsageMinutesTable): void {
  kept.calls += row.calls;
  kept.errors += row.errors;
  kept.total_ms = Number(kept.total_ms) + Number(row.total_ms);
  for (const column of BUCKET_COLUMNS) kept[column] += row[column];
}
