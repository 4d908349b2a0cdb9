// Usage over time: calls and errors by hour (last 24 hours) or by day (last 30 days), for the
// whole organization or one MCP, key or tool; this month's tools with their figures; and the
// history as CSV.

import type { UsagePoint } from '@plexmcp/sdk';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { platform } from '../api/platform.js';
import { ErrorNote, Loading, PageHeader, Stat } from '../ui/bits.js';
import { CallsChart } from '../ui/calls-chart.js';
import { usageCsv } from '../ui/csv.js';
import { count, ms } from '../ui/format.js';
import { useResult } from '../ui/use-result.js';

type Granularity = 'hour' | 'day';

export function Usage() {
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [mcpId, setMcpId] = useState('');
  const [keyId, setKeyId] = useState('');
  const [tool, setTool] = useState('');
  const [toolFilter, setToolFilter] = useState('');
  const mcps = useResult(() => platform.mcps.list({ per_page: 100 }), []);
  const keys = useResult(() => platform.apiKeys.list({ per_page: 100 }), []);
  const month = useResult(() => platform.usage.get(), []);
  const history = useResult(
    () =>
      platform.usage.history({
        granularity,
        per_page: 100,
        ...(mcpId ? { mcp_id: mcpId } : {}),
        ...(keyId ? { key_id: keyId } : {}),
        ...(tool ? { tool } : {}),
      }),
    [granularity, mcpId, keyId, tool],
  );
  const tools = useMemo(() => {
    const words = toolFilter.toLowerCase().trim();
    return (month.data?.top_tools ?? []).filter((entry) =>
      entry.tool.toLowerCase().includes(words),
    );
  }, [month.data, toolFilter]);

  return (
    <>
      <PageHeader title="Usage">
        Calls, tool calls and errors of the organization’s keys.
      </PageHeader>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Per</legend>
          <label class="check">
            <input
              type="radio"
              name="granularity"
              checked={granularity === 'hour'}
              onChange={() => setGranularity('hour')}
            />
            <span>hour (last 24 hours)</span>
          </label>
          <label class="check">
            <input
              type="radio"
              name="granularity"
              checked={granularity === 'day'}
              onChange={() => setGranularity('day')}
            />
            <span>day (last 30 days)</span>
          </label>
        </fieldset>
        <div class="field">
          <label for="usage-mcp">MCP</label>
          <select
            id="usage-mcp"
            value={mcpId}
            onChange={(event) => setMcpId((event.target as HTMLSelectElement).value)}
          >
            <option value="">All MCPs</option>
            {mcps.data?.map((mcp) => (
              <option key={mcp.id} value={mcp.id}>
                {mcp.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="usage-key">Key</label>
          <select
            id="usage-key"
            value={keyId}
            onChange={(event) => setKeyId((event.target as HTMLSelectElement).value)}
          >
            <option value="">All keys</option>
            {keys.data?.map((key) => (
              <option key={key.id} value={key.id}>
                {key.name} ({key.prefix}…)
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="usage-tool">Tool</label>
          <select
            id="usage-tool"
            value={tool}
            onChange={(event) => setTool((event.target as HTMLSelectElement).value)}
          >
            <option value="">All tools</option>
            {month.data?.top_tools.map((one) => (
              <option key={one.tool} value={one.tool}>
                {one.tool}
              </option>
            ))}
          </select>
        </div>
      </form>
      <section aria-labelledby="history">
        <h2 id="history">Calls per {granularity}</h2>
        {history.error ? <ErrorNote>{history.error}</ErrorNote> : null}
        {history.data ? (
          <>
            <Totals points={history.data} />
            <CallsChart points={history.data} granularity={granularity} />
            <p>
              <CsvLink points={history.data} granularity={granularity} tool={tool} />
            </p>
          </>
        ) : (
          <Loading what="history" />
        )}
      </section>
      <section aria-labelledby="tools-month">
        <h2 id="tools-month">Tools this month</h2>
        <label for="tool-filter">Filter tools</label>
        <input
          id="tool-filter"
          type="search"
          value={toolFilter}
          onInput={(event) => setToolFilter((event.target as HTMLInputElement).value)}
        />
        {month.error ? <ErrorNote>{month.error}</ErrorNote> : null}
        {month.data && tools.length === 0 ? <p class="muted">No tool calls match.</p> : null}
        {tools.length > 0 ? (
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
                  <th scope="col" class="number">
                    p95
                  </th>
                </tr>
              </thead>
              <tbody>
                {tools.map((entry) => (
                  <tr key={entry.tool}>
                    <td>
                      <code>{entry.tool}</code>
                    </td>
                    <td class="number">{count(entry.calls)}</td>
                    <td class="number">{count(entry.errors)}</td>
                    <td class="number">{ms(entry.p50_ms)}</td>
                    <td class="number">{ms(entry.p95_ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function Totals(props: { points: UsagePoint[] }) {
  const sum = (pick: (point: UsagePoint) => number) =>
    props.points.reduce((total, point) => total + pick(point), 0);
  return (
    <dl class="stats">
      <Stat label="Calls" value={count(sum((point) => point.requests))} />
      <Stat label="Tool calls" value={count(sum((point) => point.tool_calls))} />
      <Stat label="Errors" value={count(sum((point) => point.errors))} />
    </dl>
  );
}

/** The tool in a file name: its name with anything a file system may refuse replaced. */
const fileSuffix = (tool: string) => (tool ? `-${tool.replace(/[^A-Za-z0-9_.-]/g, '_')}` : '');

/** A download of the shown history as CSV (made in the page: nothing is sent anywhere). */
function CsvLink(props: { points: UsagePoint[]; granularity: Granularity; tool: string }) {
  const [href, setHref] = useState<string | undefined>();
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([usageCsv(props.points)], { type: 'text/csv' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [props.points]);
  if (!href) return null;
  return (
    <a
      href={href}
      download={`plexmcp-usage-per-${props.granularity}${fileSuffix(props.tool)}.csv`}
      class="button-link"
    >
      Download CSV
    </a>
  );
}
