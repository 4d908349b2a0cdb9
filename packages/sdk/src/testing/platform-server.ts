// The built server with the platform on embedded storage, as an operator sets it up: `admin
// init` makes the "Home" organization (team plan) and its admin key, a second `admin init
// --another` a "Free" organization on the free plan (10 requests per second per key), then
// the server serves the demo library as Home's Plex MCP, plan rate limits on.

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { type DemoServer, runServerBin, startBuiltServer, WORK_DIR } from './demo-server.js';

/** The running server and the keys `admin init` printed. */
export interface PlatformServer extends DemoServer {
  /** Home's admin key (scopes read, write, delete, admin). */
  adminKey: string;
  /** The free-plan organization's admin key. */
  freeKey: string;
  /** Runs an operator command (`keys revoke …`) on the server's database; answers its --json. */
  admin(args: string[]): Promise<unknown>;
}

/** A created organization as `admin init --json` prints it. */
interface Initialized {
  key: { secret: string };
}

/** Starts the server on a fresh data directory with the two organizations. */
export async function startPlatformServer(): Promise<PlatformServer> {
  const dataDir = mkdtempSync(join(WORK_DIR, 'platform-'));
  const database = join(dataDir, 'plexmcp.db');
  const env = { PLEXMCP_DATA_DIR: dataDir };
  const admin = async (args: string[]) => {
    const run = await runServerBin([...args, '--database', database, '--json'], env);
    if (run.code !== 0) throw new Error(`plex-mcp-server ${args.join(' ')}: ${run.stderr}`);
    return JSON.parse(run.stdout) as unknown;
  };
  const home = (await admin([
    'admin',
    'init',
    '--org',
    'Home',
    '--email',
    'owner@home.example',
  ])) as Initialized;
  const free = (await admin([
    'admin',
    'init',
    '--another',
    '--org',
    'Free',
    '--email',
    'owner@free.example',
    '--plan',
    'free',
  ])) as Initialized;
  const server = await startBuiltServer(
    [
      '--demo',
      '--transport',
      'http',
      '--port',
      '0',
      '--database',
      database,
      // Every tool, delete ones included, so invoke can meet confirmation_required.
      '--access',
      'delete',
      // The tests send wrong and revoked keys on purpose; the per-address guard would answer
      // 429 for the rest of them.
      '--limit',
      'auth-failures=1000',
    ],
    env,
  );
  return { ...server, adminKey: home.key.secret, freeKey: free.key.secret, admin };
}
