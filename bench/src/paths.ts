import { fileURLToPath } from 'node:url';

/** The repository root (bench/dist/main.js or bench/src/*.ts sit two levels below it). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built server binary, as users run it; PLEXMCP_BENCH_BIN points at another build to compare. */
export const SERVER_BIN =
  process.env.PLEXMCP_BENCH_BIN ??
  fileURLToPath(new URL('../../packages/mcp-server/bin/plex-mcp-server.js', import.meta.url));

/** Where `pnpm bench` writes its tables. */
export const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

/** The same figures as JSON, so a `--only` run can keep the sections it did not rerun. */
export const RESULTS_JSON = fileURLToPath(new URL('../results.generated.json', import.meta.url));
