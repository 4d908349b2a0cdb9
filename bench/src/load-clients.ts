import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** What a round of concurrent clients did. */
export interface LoadResult {
  calls: number;
  errors: number;
  /** Per-call latency in ms. */
  latencies: number[];
  /** From the first client starting to calls to the last call ending (sessions open and close outside it). */
  elapsedMs: number;
  /** MCP: sessions closed with DELETE. */
  closed: number;
  /** MCP: closed session ids the server still answers (should be 0). */
  stillOpen: number;
  firstError?: string;
}

/** Cheap read tools against the demo library, called in turn. */
const CALLS: readonly [string, Record<string, unknown>][] = [
  ['library_list', {}],
  ['media_search', { query: 'night' }],
  ['server_get_info', {}],
];

/** Loops calls until the deadline, recording latencies and errors. */
async function loop(
  deadline: number,
  offset: number,
  call: (name: string, args: Record<string, unknown>) => Promise<string | undefined>,
  result: LoadResult,
): Promise<void> {
  for (let i = offset; performance.now() < deadline; i++) {
    const [name, args] = CALLS[i % CALLS.length] as [string, Record<string, unknown>];
    const started = performance.now();
    let failure: string | undefined;
    try {
      failure = await call(name, args);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    result.latencies.push(performance.now() - started);
    result.calls++;
    if (failure !== undefined) {
      result.errors++;
      result.firstError ??= `${name}: ${failure}`;
    }
  }
}

function emptyResult(): LoadResult {
  return { calls: 0, errors: 0, latencies: [], elapsedMs: 0, closed: 0, stillOpen: 0 };
}

/** N REST clients posting to `/tools/call` (fetch keeps connections alive) for `durationMs`. */
export async function runRestClients(
  url: string,
  clients: number,
  durationMs: number,
): Promise<LoadResult> {
  const result = emptyResult();
  const call = async (name: string, args: Record<string, unknown>) => {
    const response = await fetch(`${url}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: name, arguments: args }),
    });
    const body = (await response.json()) as { success?: boolean; error?: { message?: string } };
    if (response.ok && body.success === true) return undefined;
    return `HTTP ${response.status} ${body.error?.message ?? ''}`;
  };
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(deadline, i, call, result)));
  result.elapsedMs = performance.now() - started;
  return result;
}

/** Whether the server still knows a session id: a closed one must answer 404. */
async function sessionAnswers(url: string, sessionId: string): Promise<boolean> {
  const response = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  await response.body?.cancel();
  return response.status !== 404;
}

/**
 * N MCP SDK clients, each with its own Streamable HTTP session, calling tools for `durationMs`;
 * then each session is closed with DELETE and probed.
 */
export async function runMcpClients(
  url: string,
  clients: number,
  durationMs: number,
): Promise<LoadResult> {
  const result = emptyResult();
  const open = await Promise.all(
    Array.from({ length: clients }, async () => {
      const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`));
      const client = new Client({ name: 'plexmcp-bench', version: '0.0.0' });
      await client.connect(transport);
      return { client, transport };
    }),
  );
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    open.map(({ client }, i) =>
      loop(
        deadline,
        i,
        async (name, args) => {
          const answer = await client.callTool({ name, arguments: args });
          return answer.isError ? JSON.stringify(answer.content).slice(0, 200) : undefined;
        },
        result,
      ),
    ),
  );
  result.elapsedMs = performance.now() - started;
  const ids: string[] = [];
  for (const { client, transport } of open) {
    const id = transport.sessionId;
    await transport.terminateSession();
    await client.close();
    if (id) {
      ids.push(id);
      result.closed++;
    }
  }
  const answers = await Promise.all(ids.map((id) => sessionAnswers(url, id)));
  result.stillOpen = answers.filter(Boolean).length;
  return result;
}
