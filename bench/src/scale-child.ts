/**
 * One scale measurement in a fresh process, so its peak RSS belongs to that one tool: calls a
 * tool through the BUILT plex-tools (dist, not src) against the emulator at PLEX_URL, RUNS times,
 * and prints `{ firstMs, ms[], peakMiB, summary }` as one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';

type PlexClientModule = typeof import('@plexmcp/plex-client');
type PlexToolsModule = typeof import('@plexmcp/plex-tools');

/** The built entry of a workspace package, bypassing any tsconfig `paths` a TS loader honours. */
const dist = (name: string) =>
  new URL(`../../packages/${name}/dist/index.js`, import.meta.url).href;

function hwmMiB(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * What a result looked like, so the table can show the work was real. The tool's name comes from
 * the environment, so its answer's type is not known here.
 */
function summarize(answer: unknown): string {
  const data = (answer ?? {}) as Record<string, unknown>;
  if (Array.isArray(data.items)) return `${data.items.length} items of ${String(data.total)}`;
  if (Array.isArray(data.results)) return `${data.results.length} results`;
  if (typeof data.items === 'number') return `${data.items} items`;
  return 'ok';
}

async function main(): Promise<void> {
  const { createPlexClient } = (await import(dist('plex-client'))) as PlexClientModule;
  const { callTool } = (await import(dist('plex-tools'))) as PlexToolsModule;
  const tool = process.env.TOOL ?? '';
  const args = JSON.parse(process.env.TOOL_ARGS ?? '{}') as Record<string, unknown>;
  const runs = Number(process.env.RUNS ?? '5');
  const plex = createPlexClient({
    baseUrl: process.env.PLEX_URL ?? '',
    token: process.env.PLEX_TOKEN ?? '',
    clientIdentifier: 'plexmcp-bench',
    retry: false,
    timeoutMs: 60_000,
  });
  const context = { plex };
  // Warm the client, the tool code and the connection, so the first timed call is the tool's.
  const warm = await callTool('library_list', {}, context);
  if (!warm.ok) throw new Error(`library_list: ${warm.error.message}`);
  const ms: number[] = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await callTool(tool, args, context);
    ms.push(performance.now() - started);
    if (!result.ok) throw new Error(`${tool}: ${result.error.code} ${result.error.message}`);
    summary = summarize(result.data);
  }
  process.stdout.write(
    `${JSON.stringify({ firstMs: ms[0], ms: ms.slice(1), peakMiB: hwmMiB(), summary })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
