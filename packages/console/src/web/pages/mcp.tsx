// One MCP and its tool explorer: the tools this session's key may call, searchable; a form
// made from the chosen tool's input schema; its result; and the same call as curl, SDK code and
// an MCP client config.

import type { McpDetail, McpTool } from '@plexmcp/sdk';
import { useMemo, useState } from 'preact/hooks';
import { describeError, platform } from '../api/platform.js';
import { ResultView } from '../explorer/result-view.js';
import {
  argumentsOf,
  type FieldProblem,
  type FormValues,
  fieldsOf,
} from '../explorer/schema-fields.js';
import { SchemaForm } from '../explorer/schema-form.js';
import { curlSnippet, mcpConfigSnippet, sdkSnippet } from '../explorer/snippets.js';
import { ErrorNote, Link, Loading, PageHeader } from '../ui/bits.js';
import { CopyButton } from '../ui/copy-button.js';
import { useResult } from '../ui/use-result.js';

export function McpPage(props: { params: string[] }) {
  const [mcpId = '', toolName] = props.params;
  const mcp = useResult(() => platform.mcps.get(mcpId), [mcpId]);
  const tools = useResult(() => platform.mcps.tools(mcpId), [mcpId]);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (tools.data ?? []).filter((tool) => {
      const text = `${tool.name} ${tool.title ?? ''} ${tool.description ?? ''}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [tools.data, search]);
  const chosen = tools.data?.find((tool) => tool.name === toolName);

  if (mcp.error) {
    return (
      <>
        <PageHeader title="MCP" />
        <ErrorNote>{mcp.error}</ErrorNote>
        <p>
          <Link href="/console/mcps">All MCPs</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={mcp.data?.name ?? 'MCP'}>
        {mcp.data ? <McpSummary mcp={mcp.data} /> : null}
      </PageHeader>
      <div class="explorer">
        <section aria-labelledby="tools" class="tool-list">
          <h2 id="tools">Tools</h2>
          <label for="tool-search" class="visually-hidden">
            Search tools
          </label>
          <input
            id="tool-search"
            type="search"
            placeholder="Search tools"
            value={search}
            onInput={(event) => setSearch((event.target as HTMLInputElement).value)}
          />
          {tools.error ? <ErrorNote>{tools.error}</ErrorNote> : null}
          {tools.loading && !tools.data ? <Loading what="tools" /> : null}
          {tools.data ? (
            <p class="muted" aria-live="polite">
              {shown.length} of {tools.data.length} tools
            </p>
          ) : null}
          <ul>
            {shown.map((tool) => (
              <li key={tool.name}>
                <Link
                  href={`/console/mcps/${mcpId}/tools/${encodeURIComponent(tool.name)}`}
                  current={tool.name === toolName}
                >
                  <code>{tool.name}</code>
                </Link>
                <span class={`access access-${tool.access}`}>{tool.access}</span>
              </li>
            ))}
          </ul>
        </section>
        <div class="tool-panel">
          {chosen && mcp.data ? (
            <ToolRunner key={chosen.name} mcp={mcp.data} tool={chosen} />
          ) : (
            <p class="muted">Choose a tool to see its arguments and run it.</p>
          )}
        </div>
      </div>
    </>
  );
}

function McpSummary(props: { mcp: McpDetail }) {
  const { mcp } = props;
  return (
    <>
      {mcp.kind === 'plex' ? 'Plex server' : 'Remote MCP'}
      {mcp.url ? ` at ${mcp.url}` : mcp.builtin ? ' (this server’s own Plex)' : ''} · serves{' '}
      {mcp.access} tools · <span class={`status-${mcp.status}`}>{mcp.status}</span>
    </>
  );
}

function ToolRunner(props: { mcp: McpDetail; tool: McpTool }) {
  const { mcp, tool } = props;
  const fields = useMemo(() => fieldsOf(tool.parameters), [tool]);
  const [values, setValues] = useState<FormValues>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ value: unknown } | { error: string } | undefined>();
  const built = argumentsOf(fields, values);
  const args = 'args' in built ? built.args : {};
  const spec = {
    origin: window.location.origin,
    mcpId: mcp.id,
    mcpName: mcp.name,
    tool: tool.name,
    args,
  };

  const run = async (event: Event) => {
    event.preventDefault();
    if ('problems' in built) return setProblems(built.problems);
    setProblems([]);
    setRunning(true);
    const result = await platform.mcp(mcp.id).invoke(tool.name, built.args);
    setRunning(false);
    setOutcome(result.error ? { error: describeError(result.error) } : { value: result.data });
  };

  return (
    <section aria-labelledby="tool-name">
      <h2 id="tool-name">
        <code>{tool.name}</code>
        {tool.title && tool.title !== tool.name ? <span class="muted"> — {tool.title}</span> : null}
      </h2>
      {tool.description ? <p class="tool-description">{tool.description}</p> : null}
      <form class="stack" onSubmit={run} noValidate>
        <SchemaForm
          fields={fields}
          values={values}
          problems={problems}
          onChange={(name, value) => setValues((previous) => ({ ...previous, [name]: value }))}
        />
        <div>
          <button type="submit" disabled={running}>
            {running ? 'Running…' : 'Run'}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome && 'error' in outcome ? <ErrorNote>{outcome.error}</ErrorNote> : null}
        {outcome && 'value' in outcome ? (
          <>
            <h3>Result</h3>
            <ResultView value={outcome.value} />
          </>
        ) : null}
      </div>
      <h3>The same call elsewhere</h3>
      <Snippet title="curl" text={curlSnippet(spec)} />
      <Snippet title="TypeScript (@plexmcp/sdk)" text={sdkSnippet(spec)} />
      <Snippet title="MCP client config" text={mcpConfigSnippet(spec)} />
    </section>
  );
}

function Snippet(props: { title: string; text: string }) {
  return (
    <details class="snippet">
      <summary>{props.title}</summary>
      <pre>{props.text}</pre>
      <CopyButton text={props.text} label={`Copy ${props.title}`} />
    </details>
  );
}
