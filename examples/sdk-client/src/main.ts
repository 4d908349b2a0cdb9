/**
 * Typed calls to a running plexmcp server with @plexmcp/sdk: REST for one-off calls, an MCP
 * session for the same calls with progress and cancellation. Every name, argument and field
 * below is checked by TypeScript against the server's tool schemas.
 *
 *   node packages/mcp-server/bin/plex-mcp-server.js --demo --transport http   # another terminal
 *   pnpm start                 # PLEXMCP_URL (default http://127.0.0.1:3001), PLEXMCP_API_KEY
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPlexMcpClient } from '@plexmcp/sdk';
import { connectPlexMcpClient } from '@plexmcp/sdk/mcp';

/** Where the script reads its environment and writes its lines (the test passes its own). */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the example; resolves with the process exit code. */
export async function main(io: Io): Promise<number> {
  const baseUrl = io.env.PLEXMCP_URL ?? 'http://127.0.0.1:3001';
  const apiKey = io.env.PLEXMCP_API_KEY;
  const plex = createPlexMcpClient({ baseUrl, ...(apiKey ? { apiKey } : {}) });

  // Calls never throw for tool or network failures: check `error`, then `data` is typed.
  const search = await plex.tools.media_search({ query: 'charade', content_type: 'movie' });
  if (search.error) {
    io.err(`${search.error.code}: ${search.error.message}`);
    return 1;
  }
  const [film] = search.data.results;
  if (!film) {
    io.out('No film matches "charade".');
    return 0;
  }

  // `call(name, args)` is the same call by name; `details.data` is MediaGetDetailsOutput.
  const details = await plex.call('media_get_details', { media: film.id });
  if (details.error) {
    io.err(`${details.error.code}: ${details.error.message}`);
    return 1;
  }
  const { title, year, directors, duration_ms } = details.data;
  const minutes = duration_ms === undefined ? '?' : Math.round(duration_ms / 60_000);
  io.out(`${title} (${year}), directed by ${directors.join(', ')}, ${minutes} min`);

  // A tool error is data too: AMBIGUOUS lists the candidates to choose from.
  const ambiguous = await plex.tools.media_get_details({ media: 'Sherlock Holmes' });
  if (ambiguous.error) {
    io.out(`${ambiguous.error.code}: ${ambiguous.error.message}`);
    const candidates = (ambiguous.error.details?.candidates ?? []) as {
      id: string;
      year?: number;
    }[];
    for (const candidate of candidates) io.out(`  media ${candidate.id} (${candidate.year})`);
  }

  // The same typed calls over an MCP session (Streamable HTTP at /mcp); close it when done.
  const session = await connectPlexMcpClient({
    url: `${baseUrl}/mcp`,
    ...(apiKey ? { apiKey } : {}),
  });
  try {
    const libraries = await session.tools.library_list({ include_counts: true });
    if (libraries.error) {
      io.err(`${libraries.error.code}: ${libraries.error.message}`);
      return 1;
    }
    const summary = libraries.data.libraries.map((l) => `${l.title} ${l.item_count}`).join(', ');
    io.out(`Libraries over MCP: ${summary}`);
  } finally {
    await session.close();
  }
  return 0;
}

// Run when started as a script (`tsx src/main.ts`), not when a test imports it.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main({
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
