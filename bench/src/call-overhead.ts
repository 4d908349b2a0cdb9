import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createPlexMcpServer } from '@plexmcp/mcp-server';
import { createPlexClient } from '@plexmcp/plex-client';
import { callTool } from '@plexmcp/plex-tools';
import { startEmulator } from './emulator.js';
import { type EmulatorProcess, startEmulatorProcess } from './emulator-process.js';
import { openMcpSession, restCall, spawnHttpServer } from './http-server.js';
import { connectInMemory } from './in-memory.js';
import type { BenchSection } from './section.js';
import { ms, now, type Summary, summarize } from './stats.js';
import { expectOk, INITIALIZE_PARAMS, spawnStdioServer } from './stdio-server.js';

const TOOL = 'library_list';
const WARMUP = 200;
const ROUNDS = 10;
const PER_ROUND = 100;

/** One way in: a label, how to make one call, and how to let go of it. */
interface Path {
  label: string;
  call: () => Promise<unknown>;
  close: () => Promise<void>;
}

/**
 * Warms every path up, then times them in interleaved rounds, so that load from elsewhere on a
 * shared machine spreads over all paths instead of landing on whichever ran at that moment.
 */
async function timePaths(paths: readonly Path[]): Promise<Summary[]> {
  for (const path of paths) for (let i = 0; i < WARMUP; i++) await path.call();
  const samples = paths.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, path] of paths.entries()) {
      for (let i = 0; i < PER_ROUND; i++) {
        const started = now();
        await path.call();
        samples[index]?.push(now() - started);
      }
    }
  }
  return samples.map(summarize);
}

/** The out-of-process rows' labels: the peers were timed this way (DESIGN.md). */
const OUT_OF_PROCESS = 'stdio (built bin → emulator process)';
const OUT_OF_PROCESS_COUNTS = `${OUT_OF_PROCESS}, \`include_counts\``;
const PLEX_ALONE = '`GET /library/sections` alone (plex-client → emulator process)';

/**
 * The built server over stdio against the emulator bin in a process of its own (`PLEX_URL`), as
 * the peer servers were timed: the plain call, the call with counts, and the one Plex request
 * the plain call makes, from the bench, as the floor under both.
 */
async function outOfProcessPaths(plex: EmulatorProcess): Promise<Path[]> {
  const client = createPlexClient({
    baseUrl: plex.url,
    plexTvUrl: plex.plexTvUrl,
    token: plex.token,
  });
  const stdio = spawnStdioServer([], plex.env);
  expectOk(await stdio.request('initialize', INITIALIZE_PARAMS), 'initialize');
  stdio.notify('notifications/initialized');
  return [
    {
      label: PLEX_ALONE,
      call: () => client.libraries.list(),
      close: async () => {},
    },
    {
      label: OUT_OF_PROCESS,
      call: async () =>
        expectOk(await stdio.request('tools/call', { name: TOOL, arguments: {} }), TOOL),
      close: async () => {},
    },
    {
      label: OUT_OF_PROCESS_COUNTS,
      call: async () =>
        expectOk(
          await stdio.request('tools/call', { name: TOOL, arguments: { include_counts: true } }),
          TOOL,
        ),
      close: () => stdio.close(),
    },
  ];
}

/** Benchmark 3: one cheap tool through every way in, against the emulator with no latency. */
export async function benchCallOverhead(): Promise<BenchSection> {
  const plex = await startEmulator();
  const plexProcess = await startEmulatorProcess();
  const paths: Path[] = [];
  try {
    const client = createPlexClient({
      baseUrl: plex.url,
      plexTvUrl: plex.plexTvUrl,
      token: plex.token,
    });
    paths.push({
      label: '`callTool` direct (plex-tools)',
      call: async () => {
        const result = await callTool(TOOL, {}, { plex: client });
        if (!result.ok) throw new Error(`${TOOL}: ${result.error.message}`);
      },
      close: async () => {},
    });

    const raw = await connectInMemory({ plex: client });
    paths.push({
      label: 'MCP in-memory (raw JSON-RPC)',
      call: async () =>
        expectOk(await raw.request('tools/call', { name: TOOL, arguments: {} }), TOOL),
      close: () => raw.close(),
    });

    // What an app using the SDK's Client sees: adds the client's own parsing and validation.
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createPlexMcpServer({ plex: client });
    await server.connect(serverSide);
    const sdk = new Client({ name: 'plexmcp-bench', version: '0.0.0' });
    await sdk.connect(clientSide);
    paths.push({
      label: 'MCP in-memory (SDK `Client`)',
      call: async () => {
        const result = await sdk.callTool({ name: TOOL, arguments: {} });
        if (result.isError) throw new Error(`${TOOL}: ${JSON.stringify(result.content)}`);
      },
      close: async () => {
        await sdk.close();
        await server.close();
      },
    });

    const stdio = spawnStdioServer(['--demo']);
    paths.push({
      label: 'stdio (built bin, `--demo`)',
      call: async () =>
        expectOk(await stdio.request('tools/call', { name: TOOL, arguments: {} }), TOOL),
      close: () => stdio.close(),
    });
    expectOk(await stdio.request('initialize', INITIALIZE_PARAMS), 'initialize');
    stdio.notify('notifications/initialized');

    const http = await spawnHttpServer(['--demo', '--rate-limit', 'off']);
    const session = await openMcpSession(http.url);
    paths.push({
      label: 'Streamable HTTP (built bin, stateful)',
      call: () => session.request('tools/call', { name: TOOL, arguments: {} }),
      close: () => session.close(),
    });
    paths.push({
      label: 'REST `POST /tools/call` (built bin)',
      call: () => restCall(http.url, TOOL, {}),
      close: () => http.close(),
    });

    paths.push(...(await outOfProcessPaths(plexProcess)));

    const summaries = await timePaths(paths);
    const results = paths.map((path, index) => [path.label, summaries[index] as Summary] as const);
    const direct = summaries[0] as Summary;
    // The peers' figures were taken against the emulator in its own process: compare like that.
    const overStdio = results.find(([label]) => label === OUT_OF_PROCESS)?.[1];
    return {
      id: 'call-overhead',
      title: `Per-call overhead: \`${TOOL}\``,
      goal: 'MCP adds under 0.5 ms p50 in memory and under 2 ms over stdio; issue #20: over stdio against the emulator in its own process, p50 at most 0.67× peer B’s 1.95 ms (≤ 1.3 ms) and p99 no worse than peer B’s.',
      columns: [
        'path',
        'calls',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        '+p50 vs direct',
        '+p99 vs direct',
      ],
      rows: results.map(([label, summary]) => [
        label,
        summary.n,
        ms(summary.p50),
        ms(summary.p90),
        ms(summary.p99),
        ms(summary.max),
        label === results[0]?.[0] ? '' : ms(summary.p50 - direct.p50),
        label === results[0]?.[0] ? '' : ms(summary.p99 - direct.p99),
      ]),
      ...(overStdio ? { headlines: { stdioP50Ms: overStdio.p50, stdioP99Ms: overStdio.p99 } } : {}),
      notes: [
        `${WARMUP} warm-up calls per path, then ${ROUNDS} interleaved rounds of ${PER_ROUND} sequential calls per path (${ROUNDS * PER_ROUND} each), timed at the caller. The emulator (demo library) runs with no latency or faults on a loopback socket: in the bench process for the first three rows, inside the server (\`--demo\`) for the three after them.`,
        'Raw JSON-RPC rows measure the server alone (no client SDK); the SDK `Client` row adds what an app using it pays for parsing and validating results. HTTP rows use fetch with keep-alive and `--rate-limit off`.',
        `The last three rows run against the emulator bin in a process of its own, the server started with \`PLEX_URL\` (no \`--demo\`), as DESIGN.md timed the peers: \`${TOOL}\` plain (one Plex request, \`GET /library/sections\`), with \`include_counts\` (one more request per library: 4 in all for the demo’s 3), and that one Plex request made from the bench with plex-client, the floor under both. Their “vs direct” columns compare with the in-process \`callTool\` row.`,
      ],
    };
  } finally {
    for (const path of paths) await path.close();
    await plex.close();
    await plexProcess.close();
  }
}
