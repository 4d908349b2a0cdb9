// What the organization's usage adds up to: this month's totals and breakdowns, and a series
// over time. Everything is read from `usage_minutes` of the caller's organization only, and a
// key confined to some MCPs (mcp_ids) sees the usage of those MCPs only.
//
// Words, used the same way everywhere:
// - a *request* is one /v1 request or one tool call on an MCP door (/mcp, /sse, /tools,
//   /api/v1/mcp): what a client sent. A tool call through /v1/mcp/invoke is part of its /v1
//   request, so its `invoke` row counts as a tool call but not as another request.
// - a *tool call* is any row with a tool, whichever door it came through.

import { sql } from 'kysely';
import { type FieldProblem, invalidRequest } from '../http/platform-error.js';
import { isId } from '../ids.js';
import { PLAN_RATE_LIMITS } from '../limits/plan-limits.js';
import type { Caller } from '../services/caller.js';
import { mayReachMcp } from '../services/caller.js';
import type { PageSlice } from '../services/page.js';
import { noSuch } from '../services/tenancy.js';
import type { Plan, UsageDoor } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { BUCKET_COLUMNS, quantileMs } from './histogram.js';
import { BUCKET_MS, ceilTo, floorTo, type Granularity, monthOf } from './period.js';

/** How many tools `top_tools` lists. */
export const TOP_TOOLS = 10;
/** The longest tool name a history may be narrowed to (as long as /v1/mcp/invoke takes). */
const MAX_TOOL_NAME = 200;

/** The longest history one request may span. */
export const MAX_HISTORY_DAYS = 366;

/** Counts of a set of rows. */
export interface UsageCounts {
  requests: number;
  tool_calls: number;
  errors: number;
  /** Median duration of the requests (ms, the upper bound of its bucket), null when none. */
  p50_ms: number | null;
  p95_ms: number | null;
}

/** `GET /v1/usage`. */
export interface UsageSummary extends UsageCounts {
  period: { start: string; end: string };
  plan: Plan;
  limits: { requests_per_second: number };
  by_door: { door: UsageDoor; calls: number; errors: number }[];
  top_tools: {
    tool: string;
    calls: number;
    errors: number;
    p50_ms: number | null;
    p95_ms: number | null;
  }[];
  by_mcp: { mcp_id: string; tool_calls: number; errors: number }[];
  by_key: { key_id: string | null; requests: number; tool_calls: number; errors: number }[];
}

/** One bucket of `GET /v1/usage/history`. */
export interface UsagePoint extends UsageCounts {
  /** The bucket's first instant (ISO-8601 UTC). */
  start: string;
}

/** The history's query, as sent (strings; checked here). */
export interface HistoryQuery {
  granularity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  mcp_id?: string | undefined;
  key_id?: string | undefined;
  tool?: string | undefined;
}

/** Sums of a group of rows: the counters and the duration buckets. */
interface Sums {
  calls: number;
  errors: number;
  buckets: number[];
}

const emptySums = (): Sums => ({ calls: 0, errors: 0, buckets: BUCKET_COLUMNS.map(() => 0) });

function addSums(into: Sums, from: Sums): void {
  into.calls += from.calls;
  into.errors += from.errors;
  from.buckets.forEach((n, i) => {
    into.buckets[i]! += n;
  });
}

/** This month's usage of the caller's organization. */
export async function usageSummary(
  storage: Storage,
  caller: Caller,
  now: Date = new Date(),
): Promise<UsageSummary> {
  const { start, end } = monthOf(now);
  const organization = await storage.db
    .selectFrom('organizations')
    .select('plan')
    .where('id', '=', caller.organizationId)
    .executeTakeFirstOrThrow();
  const rows = await storage.db
    .selectFrom('usage_minutes')
    .select(['door', 'tool', 'mcp_id', 'key_id'])
    .select((eb) => [
      // Sums are bigint on pg (strings) and numbers on SQLite: read through Number() below.
      eb.fn.sum<string | number>('calls').as('calls'),
      eb.fn.sum<string | number>('errors').as('errors'),
      ...BUCKET_COLUMNS.map((column) => eb.fn.sum<string | number>(column).as(column)),
    ])
    .where('organization_id', '=', caller.organizationId)
    .$if(caller.mcpIds !== null, (query) => query.where('mcp_id', 'in', caller.mcpIds ?? []))
    .where('minute', '>=', start.toISOString())
    .where('minute', '<', end.toISOString())
    .groupBy(['door', 'tool', 'mcp_id', 'key_id'])
    .execute();

  const requests = emptySums();
  const toolCalls = emptySums();
  const doors = new Map<UsageDoor, Sums>();
  const tools = new Map<string, Sums>();
  const mcps = new Map<string, Sums>();
  const keys = new Map<string, { requests: Sums; tools: Sums }>();
  const group = <K>(map: Map<K, Sums>, key: K) => {
    let sums = map.get(key);
    if (!sums) {
      sums = emptySums();
      map.set(key, sums);
    }
    return sums;
  };
  for (const row of rows) {
    const sums: Sums = {
      calls: Number(row.calls),
      errors: Number(row.errors),
      buckets: BUCKET_COLUMNS.map((column) => Number(row[column])),
    };
    const isRequest = row.door !== 'invoke';
    const isTool = row.tool !== '';
    let key = keys.get(row.key_id);
    if (!key) {
      key = { requests: emptySums(), tools: emptySums() };
      keys.set(row.key_id, key);
    }
    addSums(group(doors, row.door), sums);
    if (isRequest) {
      addSums(requests, sums);
      addSums(key.requests, sums);
    }
    if (isTool) {
      addSums(toolCalls, sums);
      addSums(key.tools, sums);
      addSums(group(tools, row.tool), sums);
      if (row.mcp_id !== '') addSums(group(mcps, row.mcp_id), sums);
    }
  }
  const byCalls = <T extends { calls: number }>(a: T, b: T) => b.calls - a.calls;
  return {
    period: { start: start.toISOString(), end: end.toISOString() },
    plan: organization.plan,
    limits: { requests_per_second: PLAN_RATE_LIMITS[organization.plan] },
    ...counts(requests, toolCalls.calls),
    by_door: [...doors]
      .map(([door, s]) => ({ door, calls: s.calls, errors: s.errors }))
      .sort(byCalls),
    top_tools: [...tools]
      .map(([tool, s]) => ({
        tool,
        calls: s.calls,
        errors: s.errors,
        p50_ms: quantileMs(s.buckets, 0.5),
        p95_ms: quantileMs(s.buckets, 0.95),
      }))
      .sort((a, b) => byCalls(a, b) || (a.tool < b.tool ? -1 : 1))
      .slice(0, TOP_TOOLS),
    by_mcp: [...mcps]
      .map(([mcp_id, s]) => ({ mcp_id, tool_calls: s.calls, errors: s.errors }))
      .sort((a, b) => b.tool_calls - a.tool_calls),
    by_key: [...keys]
      .map(([keyId, s]) => ({
        key_id: keyId === '' ? null : keyId,
        requests: s.requests.calls,
        tool_calls: s.tools.calls,
        errors: s.requests.errors,
      }))
      .sort((a, b) => b.requests - a.requests || b.tool_calls - a.tool_calls),
  };
}

function counts(requests: Sums, toolCalls: number): UsageCounts {
  return {
    requests: requests.calls,
    tool_calls: toolCalls,
    errors: requests.errors,
    p50_ms: quantileMs(requests.buckets, 0.5),
    p95_ms: quantileMs(requests.buckets, 0.95),
  };
}

/** A checked history query: the aligned range and the filters. */
interface HistoryRange {
  granularity: Granularity;
  from: number;
  to: number;
  mcpId: string | undefined;
  keyId: string | undefined;
  tool: string | undefined;
}

/**
 * The query checked: `granularity` hour or day (default day); `from` before `to` (ISO dates or
 * timestamps; default the last 30 days, or 24 hours by the hour, up to now), at most 366 days
 * apart; ids well formed (400) and the organization's (404, as any foreign id).
 */
async function checkHistory(
  storage: Storage,
  caller: Caller,
  query: HistoryQuery,
  now: Date,
): Promise<HistoryRange> {
  const problems: FieldProblem[] = [];
  const granularity = query.granularity ?? 'day';
  if (granularity !== 'hour' && granularity !== 'day') {
    problems.push({ field: 'granularity', problem: 'must be "hour" or "day"' });
  }
  const step = granularity === 'hour' ? BUCKET_MS.hour : BUCKET_MS.day;
  const instant = (field: 'from' | 'to', raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    // A date or a full timestamp with its zone: anything looser would be read in local time.
    const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(
      raw,
    );
    const at = ok ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(at)) {
      problems.push({
        field,
        problem:
          'must be an ISO-8601 date (2026-01-31) or timestamp with a zone (2026-01-31T12:00:00Z)',
      });
    }
    return at;
  };
  const to = instant('to', query.to, now.getTime());
  const from = instant('from', query.from, to - (granularity === 'hour' ? 24 : 30) * step);
  if (!Number.isNaN(from) && !Number.isNaN(to)) {
    if (from >= to) problems.push({ field: 'from', problem: 'must be before to' });
    else if (to - from > MAX_HISTORY_DAYS * BUCKET_MS.day) {
      problems.push({
        field: 'to',
        problem: `must be at most ${MAX_HISTORY_DAYS} days after from`,
      });
    }
  }
  if (query.mcp_id !== undefined && !isId('mcp', query.mcp_id)) {
    problems.push({ field: 'mcp_id', problem: 'must be an MCP id (mcp_…)' });
  }
  if (query.key_id !== undefined && !isId('key', query.key_id)) {
    problems.push({ field: 'key_id', problem: 'must be an API key id (key_…)' });
  }
  // Tool names are not the organization's ids: any name may be asked for; one never called is empty.
  if (query.tool !== undefined && (query.tool === '' || query.tool.length > MAX_TOOL_NAME)) {
    problems.push({
      field: 'tool',
      problem: `must be a tool name of 1 to ${MAX_TOOL_NAME} characters`,
    });
  }
  if (problems.length > 0) {
    throw invalidRequest(
      `Invalid query parameters: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}.`,
      problems,
    );
  }
  if (query.mcp_id !== undefined) await requireMcp(storage, caller, query.mcp_id);
  if (query.key_id !== undefined) await requireKey(storage, caller, query.key_id);
  const g = granularity as Granularity;
  return {
    granularity: g,
    from: floorTo(from, g),
    to: ceilTo(to, g),
    mcpId: query.mcp_id,
    keyId: query.key_id,
    tool: query.tool,
  };
}

/** An MCP of the organization, or one it has usage of (a removed MCP's history stays). */
async function requireMcp(storage: Storage, caller: Caller, mcpId: string): Promise<void> {
  const known =
    mayReachMcp(caller, mcpId) &&
    ((await storage.db
      .selectFrom('mcps')
      .select('id')
      .where('id', '=', mcpId)
      .where('organization_id', '=', caller.organizationId)
      .executeTakeFirst()) ??
      (await storage.db
        .selectFrom('usage_minutes')
        .select('mcp_id')
        .where('organization_id', '=', caller.organizationId)
        .where('mcp_id', '=', mcpId)
        .limit(1)
        .executeTakeFirst()));
  if (!known) noSuch('MCP', mcpId);
}

/** A key of the organization (revoked ones too: their history stays). */
async function requireKey(storage: Storage, caller: Caller, keyId: string): Promise<void> {
  const found = await storage.db
    .selectFrom('api_keys')
    .select('id')
    .where('id', '=', keyId)
    .where('organization_id', '=', caller.organizationId)
    .executeTakeFirst();
  if (!found) noSuch('API key', keyId);
}

/**
 * One page of the series: every bucket of the range, oldest first, empty ones included (a
 * chart needs the gaps), so the total is known without reading and a page reads only its span.
 */
export async function usageHistory(
  storage: Storage,
  caller: Caller,
  query: HistoryQuery,
  page: PageSlice,
  now: Date = new Date(),
): Promise<{ items: UsagePoint[]; total: number }> {
  const range = await checkHistory(storage, caller, query, now);
  const step = BUCKET_MS[range.granularity];
  const total = (range.to - range.from) / step;
  const first = range.from + page.offset * step;
  const last = Math.min(range.to, first + page.per_page * step);
  if (first >= range.to) return { items: [], total };
  // The bucket is the minute's first 13 (hour) or 10 (day) characters; a literal, not a
  // parameter, so pg sees the select and group-by expressions as the same one.
  const bucket = sql<string>`substr(minute, 1, ${sql.lit(range.granularity === 'hour' ? 13 : 10)})`;
  const asRequest = (column: string) =>
    sql<string | number>`sum(case when door <> 'invoke' then ${sql.ref(column)} else 0 end)`;
  let select = storage.db
    .selectFrom('usage_minutes')
    .select([
      bucket.as('bucket'),
      asRequest('calls').as('requests'),
      asRequest('errors').as('errors'),
      sql<string | number>`sum(case when tool <> '' then calls else 0 end)`.as('tool_calls'),
      ...BUCKET_COLUMNS.map((column) => asRequest(column).as(column)),
    ])
    .where('organization_id', '=', caller.organizationId)
    .where('minute', '>=', new Date(first).toISOString())
    .where('minute', '<', new Date(last).toISOString());
  if (range.mcpId !== undefined) select = select.where('mcp_id', '=', range.mcpId);
  else if (caller.mcpIds !== null) select = select.where('mcp_id', 'in', caller.mcpIds);
  if (range.keyId !== undefined) select = select.where('key_id', '=', range.keyId);
  if (range.tool !== undefined) select = select.where('tool', '=', range.tool);
  const rows = await select.groupBy(bucket).execute();
  const found = new Map(rows.map((row) => [row.bucket, row]));
  const items: UsagePoint[] = [];
  for (let at = first; at < last; at += step) {
    const start = new Date(at).toISOString();
    const row = found.get(start.slice(0, range.granularity === 'hour' ? 13 : 10));
    const buckets = BUCKET_COLUMNS.map((column) => Number(row?.[column] ?? 0));
    items.push({
      start,
      ...counts(
        { calls: Number(row?.requests ?? 0), errors: Number(row?.errors ?? 0), buckets },
        Number(row?.tool_calls ?? 0),
      ),
    });
  }
  return { items, total };
}
