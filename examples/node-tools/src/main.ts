/**
 * plexmcp tools as plain async functions, no MCP anywhere: list the libraries, search a title,
 * page through one library. Plex comes from PLEX_URL and PLEX_TOKEN, or — with --demo — from an
 * emulated Plex started in this process.
 *
 *   pnpm start --demo
 *   PLEX_URL=http://192.168.1.10:32400 PLEX_TOKEN=… pnpm start "night of the living dead"
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPlexClient, type PlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import {
  callTool,
  type ToolErrorInfo,
  type ToolInput,
  type ToolName,
  type ToolOutput,
} from '@plexmcp/plex-tools';

/** Where the script reads its environment and writes its lines (the test passes its own). */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** One item as the search and listing tools answer it. */
type Item = ToolOutput<'media_search'>['results'][number];

/** A tool's coded error (NOT_FOUND, AMBIGUOUS, UNAUTHORIZED, …), thrown to end the script. */
class ToolFailed extends Error {
  constructor(readonly error: ToolErrorInfo) {
    super(`${error.code}: ${error.message}`);
  }
}

/** Runs the example; resolves with the process exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      demo: { type: 'boolean', default: false },
      library: { type: 'string', default: 'Movies' },
    },
    allowPositionals: true,
  });
  const plex = await connect(values.demo, io.env);
  if (!plex) {
    io.err('Set PLEX_URL and PLEX_TOKEN, or pass --demo to use an emulated Plex.');
    return 2;
  }
  /**
   * Calls one tool; callTool never throws, it answers { ok, data } or { ok: false, error }. The
   * name picks the argument and answer types, so a misspelt tool or field fails to compile.
   */
  const tool = async <Name extends ToolName>(
    name: Name,
    args: ToolInput<Name>,
  ): Promise<ToolOutput<Name>> => {
    const result = await callTool(name, args, { plex: plex.client });
    if (!result.ok) throw new ToolFailed(result.error);
    return result.data;
  };
  try {
    const { libraries } = await tool('library_list', { include_counts: true });
    io.out('Libraries:');
    for (const library of libraries) {
      io.out(`  ${library.title} (${library.type}, ${library.item_count} items)`);
    }

    const query = positionals.join(' ') || 'charade';
    const { results } = await tool('media_search', { query, limit: 5 });
    io.out(`Search "${query}":`);
    if (results.length === 0) io.out('  nothing found');
    for (const item of results) io.out(`  ${describe(item)}`);

    const page = await tool('library_get_contents', {
      library: values.library,
      sort: 'year',
      limit: 5,
    });
    io.out(`${page.library}, oldest ${page.items.length} of ${page.total}:`);
    for (const item of page.items) io.out(`  ${describe(item)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ToolFailed)) throw error;
    io.err(error.message);
    return 1;
  } finally {
    await plex.close();
  }
}

/** `1002  Charade (1963)  movie  in Movies` */
function describe(item: Item): string {
  const year = item.year === undefined ? '' : ` (${item.year})`;
  const library = item.library === undefined ? '' : `  in ${item.library}`;
  return `${item.id}  ${item.title}${year}  ${item.type}${library}`;
}

/** A Plex client for the configured server, or for an emulator this process starts. */
async function connect(
  demo: boolean,
  env: Io['env'],
): Promise<{ client: PlexClient; close(): Promise<void> } | undefined> {
  if (demo) {
    const emulator = createPlexEmulator({ library: 'demo' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    const client = createPlexClient({
      baseUrl: served.url,
      plexTvUrl: served.plexTvUrl,
      token: emulator.token,
    });
    return { client, close: () => emulator.close() };
  }
  if (!env.PLEX_URL || !env.PLEX_TOKEN) return undefined;
  const client = createPlexClient({ baseUrl: env.PLEX_URL, token: env.PLEX_TOKEN });
  return { client, close: async () => {} };
}

// Run when started as a script (`tsx src/main.ts`), not when a test imports it.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
