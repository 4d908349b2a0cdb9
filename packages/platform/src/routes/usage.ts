// The organization's usage: this month's totals and a series over time. Any key of the
// organization may read them. Counts still in the meter are written first, so an answer includes
// every call this process has finished (other replicas' last few seconds arrive with their next
// flush).

import * as v from 'valibot';
import { USAGE_DOORS } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { usageHistory, usageSummary } from '../usage/usage-service.js';
import { callerOf, defineV1Route } from './define.js';

/** What the routes need of the meter: to write what it holds before answering. */
export interface UsageFlush {
  flush(): Promise<void>;
}

const count = (what: string) => v.pipe(v.number(), v.description(what));
const duration = (what: string) =>
  v.pipe(
    v.nullable(v.number()),
    v.description(
      `${what} in ms: the upper bound of the duration bucket it falls in (1, 2, 5, 10, 20, 50 … 30000); null when nothing was counted.`,
    ),
  );

const countsEntries = {
  requests: count(
    '/v1 requests and tool calls on the MCP doors (/mcp, /sse, /tools, /api/v1/mcp).',
  ),
  tool_calls: count('Tool calls on every door, /v1/mcp/invoke included.'),
  errors: count('Requests that failed (any error code).'),
  p50_ms: duration('Median request duration'),
  p95_ms: duration('95th percentile of request durations'),
};

/** `GET /v1/usage`'s data. */
export const UsageSchema = v.object({
  period: v.object({
    start: v.pipe(v.string(), v.description('First instant of the current calendar month (UTC).')),
    end: v.pipe(v.string(), v.description('First instant of the next month.')),
  }),
  plan: v.picklist(['free', 'pro', 'team']),
  limits: v.object({
    requests_per_second: count("Each key's rate limit on this plan."),
  }),
  ...countsEntries,
  by_door: v.array(
    v.object({ door: v.picklist(USAGE_DOORS), calls: v.number(), errors: v.number() }),
  ),
  top_tools: v.array(
    v.object({
      tool: v.string(),
      calls: v.number(),
      errors: v.number(),
      p50_ms: v.nullable(v.number()),
      p95_ms: v.nullable(v.number()),
    }),
  ),
  by_mcp: v.array(v.object({ mcp_id: v.string(), tool_calls: v.number(), errors: v.number() })),
  by_key: v.array(
    v.object({
      key_id: v.pipe(v.nullable(v.string()), v.description('null: the configured (static) keys.')),
      requests: v.number(),
      tool_calls: v.number(),
      errors: v.number(),
    }),
  ),
});

/** One bucket of `GET /v1/usage/history`. */
export const UsagePointSchema = v.object({
  start: v.pipe(v.string(), v.description("The bucket's first instant (ISO-8601 UTC).")),
  ...countsEntries,
});

const HistoryQuery = v.object({
  granularity: v.optional(v.string()),
  from: v.optional(v.string()),
  to: v.optional(v.string()),
  mcp_id: v.optional(v.string()),
  key_id: v.optional(v.string()),
  tool: v.optional(v.string()),
});

/** The usage routes over `storage`; `meter` (when the server meters) is flushed first. */
export function usageRoutes(storage: Storage, meter: UsageFlush | undefined) {
  const flushed = async () => {
    await meter?.flush();
  };
  return [
    defineV1Route({
      method: 'GET',
      path: '/usage',
      summary: 'Usage statistics',
      description:
        "The current calendar month (UTC) of the caller's organization: requests, tool calls, errors, p50/p95 durations, the top tools, usage by door, MCP and key, and the plan with its rate limit.",
      response: UsageSchema,
      handler: async (_input, c) => {
        await flushed();
        return usageSummary(storage, callerOf(c));
      },
    }),
    defineV1Route({
      method: 'GET',
      path: '/usage/history',
      summary: 'Usage over time',
      description:
        'Every bucket from `from` to `to` (ISO dates or timestamps with a zone; default the last 30 days, or 24 hours with granularity=hour), oldest first, empty ones included; at most 366 days. `granularity` is hour or day (default). `mcp_id` and `key_id` narrow it to one MCP or key of the organization (404 otherwise); `tool` to the calls of one tool by name (on any MCP unless `mcp_id` says which; a name never called answers empty buckets).',
      list: true,
      query: HistoryQuery,
      response: v.array(UsagePointSchema),
      handler: async ({ query, page }, c) => {
        await flushed();
        return usageHistory(storage, callerOf(c), query, page);
      },
    }),
  ];
}
