/**
 * Rotate my keys and print this month's usage per tool, with @plexmcp/sdk's platform client:
 * every active API key of the organization (but the one running this) is replaced by a new
 * key with the same name, scopes, member and MCPs, then revoked. The new secrets go to a file
 * only you can read, never to the terminal.
 *
 *   node packages/mcp-server/bin/plex-mcp-server.js admin init --org Home --email me@home.example
 *   node packages/mcp-server/bin/plex-mcp-server.js --demo --transport http   # another terminal
 *   PLEXMCP_API_KEY=plexmcp_… pnpm start
 */
import { chmodSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPlexMcpPlatform } from '@plexmcp/sdk';
import { rotateKeys } from './rotate-keys.js';
import { usageLines } from './usage-report.js';

/** Where the script reads its environment and writes its lines (the test passes its own). */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the example; resolves with the process exit code. */
export async function main(io: Io): Promise<number> {
  const apiKey = io.env.PLEXMCP_API_KEY;
  if (!apiKey) {
    io.err('Set PLEXMCP_API_KEY to an admin key of the organization (admin init prints one).');
    return 2;
  }
  const secretsFile = io.env.PLEXMCP_NEW_KEYS_FILE ?? 'rotated-keys.json';
  const platform = createPlexMcpPlatform({
    baseUrl: io.env.PLEXMCP_URL ?? 'http://127.0.0.1:3001',
    apiKey,
    // A free plan allows 10 requests per second: wait for the next second rather than fail.
    retryOnRateLimit: { maxWaitMs: 2_000 },
  });

  const { rotated, failure } = await rotateKeys(platform, apiKey);
  if (rotated.length > 0) {
    // Secrets are shown once: keep them in a file only the owner can read, not on screen.
    const secrets = rotated.map(({ replacement: key }) => ({
      id: key.id,
      name: key.name,
      secret: key.secret,
    }));
    writeFileSync(secretsFile, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(secretsFile, 0o600);
  }
  if (rotated.length > 0) {
    io.out(
      `Rotated ${rotated.length} key${rotated.length === 1 ? '' : 's'} (new secrets in ${secretsFile}):`,
    );
  } else if (!failure) {
    io.out('No other active keys to rotate.');
  }
  const width = Math.max(0, ...rotated.map(({ replacement }) => replacement.name.length));
  for (const { replacement, oldPrefix } of rotated) {
    io.out(`  ${replacement.name.padEnd(width)}  ${oldPrefix}… → ${replacement.prefix}…`);
  }
  if (failure) {
    io.err(failure);
    return 1;
  }

  const usage = await platform.usage.get();
  if (usage.error) {
    io.err(`${usage.error.code}: ${usage.error.message}`);
    return 1;
  }
  for (const line of usageLines(usage.data)) io.out(line);
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
