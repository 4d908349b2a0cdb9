// The organization at a glance: its plan, this month's calls and errors, calls per day, the
// most used tools, and whether each MCP answers.

import type { Mcp, McpDetail, PlatformResult } from '@plexmcp/sdk';
import { useEffect, useState } from 'preact/hooks';
import { platform } from '../api/platform.js';
import { ErrorNote, Link, Loading, PageHeader, Stat } from '../ui/bits.js';
import { CallsChart } from '../ui/calls-chart.js';
import { count, ms } from '../ui/format.js';
import { useResult } from '../ui/use-result.js';

export function Overview() {
  const organization = useResult(() => platform.organization.get(), []);
  const usage = useResult(() => platform.usage.get(), []);
  const history = useResult(
    () => platform.usage.history({ granularity: 'day', per_page: 100 }),
    [],
  );
  const mcps = useResult(() => platform.mcps.list({ per_page: 100 }), []);
  const org = organization.data;
  const month = usage.data;

  return (
    <>
      <PageHeader title={org ? org.name : 'Overview'}>
        {org ? `Plan: ${org.plan}` : null}
        {month ? ` · ${count(month.limits.requests_per_second)} requests per second per key` : null}
      </PageHeader>
      {organization.error ? <ErrorNote>{organization.error}</ErrorNote> : null}
      <section aria-labelledby="month">
        <h2 id="month">This month</h2>
        {usage.error ? <ErrorNote>{usage.error}</ErrorNote> : null}
        {month ? (
          <dl class="stats">
            <Stat label="Calls" value={count(month.requests)} />
            <Stat label="Tool calls" value={count(month.tool_calls)} />
            <Stat label="Errors" value={count(month.errors)} />
            <Stat label="Median time" value={ms(month.p50_ms)} note={`p95 ${ms(month.p95_ms)}`} />
          </dl>
        ) : usage.loading ? (
          <Loading what="usage" />
        ) : null}
      </section>
      <section aria-labelledby="per-day">
        <h2 id="per-day">Calls per day</h2>
        {history.error ? <ErrorNote>{history.error}</ErrorNote> : null}
        {history.data ? (
          <CallsChart points={history.data} granularity="day" />
        ) : (
          <Loading what="history" />
        )}
      </section>
      <div class="columns">
        <section aria-labelledby="top-tools">
          <h2 id="top-tools">Top tools</h2>
          {month && month.top_tools.length === 0 ? (
            <p class="muted">No tool calls yet this month.</p>
          ) : null}
          {month && month.top_tools.length > 0 ? (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tool</th>
                    <th scope="col" class="number">
                      Calls
                    </th>
                    <th scope="col" class="number">
                      Errors
                    </th>
                    <th scope="col" class="number">
                      Median
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {month.top_tools.map((tool) => (
                    <tr key={tool.tool}>
                      <td>
                        <code>{tool.tool}</code>
                      </td>
                      <td class="number">{count(tool.calls)}</td>
                      <td class="number">{count(tool.errors)}</td>
                      <td class="number">{ms(tool.p50_ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
        <section aria-labelledby="mcp-status">
          <h2 id="mcp-status">MCPs</h2>
          {mcps.error ? <ErrorNote>{mcps.error}</ErrorNote> : null}
          {mcps.data ? <McpStatuses mcps={mcps.data} /> : <Loading what="MCPs" />}
        </section>
      </div>
    </>
  );
}

/** Each MCP with the status of a probe made for this page. */
function McpStatuses(props: { mcps: Mcp[] }) {
  const [details, setDetails] = useState<Record<string, PlatformResult<McpDetail>>>({});
  useEffect(() => {
    let current = true;
    for (const mcp of props.mcps) {
      platform.mcps.get(mcp.id).then((result) => {
        if (current) setDetails((previous) => ({ ...previous, [mcp.id]: result }));
      });
    }
    return () => {
      current = false;
    };
  }, [props.mcps]);
  if (props.mcps.length === 0) return <p class="muted">No MCPs yet.</p>;
  return (
    <ul class="mcp-list">
      {props.mcps.map((mcp) => {
        const detail = details[mcp.id];
        const status =
          detail === undefined ? 'checking' : detail.error ? 'error' : detail.data.status;
        return (
          <li key={mcp.id}>
            <Link href={`/console/mcps/${mcp.id}`}>{mcp.name}</Link>{' '}
            <span class="muted">{mcp.kind === 'plex' ? 'Plex' : 'remote MCP'}</span>
            <span class={`badge status-${status}`}>
              {status === 'ok' && detail && !detail.error && detail.data.tool_count !== null
                ? `ok · ${detail.data.tool_count} tools`
                : status}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
