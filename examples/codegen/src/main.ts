/**
 * A client typed for one particular server: `PlexTools` was generated from the /tools listing
 * of a server started with `--read-only --toolsets media`, so it holds the six read-only media
 * tools and nothing else — calling a tool that server does not serve fails to compile.
 *
 *   pnpm serve        # the narrowed demo server on http://127.0.0.1:3001 (another terminal)
 *   pnpm generate     # rewrite src/generated/plex-tools.ts from its /tools
 *   pnpm start        # PLEXMCP_URL (default http://127.0.0.1:3001), PLEXMCP_API_KEY
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPlexMcpClient } from '@plexmcp/sdk';
import type { PlexTools } from './generated/plex-tools.js';

/** Where the script reads its environment and writes its lines (the test passes its own). */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the example; resolves with the process exit code. */
export async function main(io: Io): Promise<number> {
  const apiKey = io.env.PLEXMCP_API_KEY;
  // The generated map as the type parameter: names, arguments and outputs come from it.
  const plex = createPlexMcpClient<PlexTools>({
    baseUrl: io.env.PLEXMCP_URL ?? 'http://127.0.0.1:3001',
    ...(apiKey ? { apiKey } : {}),
  });

  const found = await plex.tools.media_search({ query: 'nosferatu', content_type: 'movie' });
  if (found.error) {
    io.err(`${found.error.code}: ${found.error.message}`);
    return 1;
  }
  const film = found.data.results[0];
  if (!film) {
    io.out('No film matches "nosferatu".');
    return 0;
  }
  io.out(`${film.title} (${film.year}) is item ${film.id}`);

  const related = await plex.tools.media_get_related({ media: film.id, limit: 3 });
  if (related.error) {
    io.err(`${related.error.code}: ${related.error.message}`);
    return 1;
  }
  for (const group of related.data.groups) {
    io.out(`${group.title}: ${group.items.map((item) => item.title).join(', ')}`);
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
