// The server with the platform, as the platform tests run it: its own Plex ("Home Plex", an
// emulator on loopback), the platform on a fresh SQLite file after `admin init`, and `/v1`
// reached with plain fetch under the admin key.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  initDefaultOrganization,
  migrateToLatest,
  openStorage,
  startPlatformHost,
} from '@plexmcp/platform';
import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { startHttpServer } from '../http/server.js';

/** What a test registers to be undone after it, last first. */
export type Cleanups = (() => Promise<unknown>)[];

/** A Plex emulator listening on loopback, as a stored MCP reaches it. */
export async function listeningPlex(cleanups: Cleanups, friendlyName: string, now?: () => number) {
  const emulator = createPlexEmulator({ friendlyName, ...(now ? { now } : {}) });
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => emulator.close());
  return { emulator, url: served.url, plexTvUrl: served.plexTvUrl };
}

/**
 * The server with the platform; `plexTimeoutMs` also bounds each remote MCP call. plex.tv is the
 * home emulator's (whose clock `now` sets) unless `plexTvUrl` says otherwise.
 */
export async function platformScene(
  cleanups: Cleanups,
  plexTimeoutMs = 2000,
  options: { now?: () => number; plexTvUrl?: string } = {},
) {
  const home = await listeningPlex(cleanups, 'Home Plex', options.now);
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-scene-'));
  const file = join(dir, 'plexmcp.db');
  const storage = await openStorage({ file });
  await migrateToLatest(storage);
  const init = await initDefaultOrganization(storage, {
    name: 'Home',
    owner: { email: 'me@home.example', name: 'Me' },
    adminKey: { name: 'admin' },
  });
  await storage.close();
  if (init.outcome === 'initialized') throw new Error('not a fresh database');
  const platform = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dir },
    database: file,
    staticKeys: false,
  });
  cleanups.push(() => platform.close());
  const server = await startHttpServer({
    plex: createPlexClient({ baseUrl: home.url, token: home.emulator.token, retry: false }),
    port: 0,
    platform,
    plexTimeoutMs,
    plexTvUrl: options.plexTvUrl ?? home.plexTvUrl,
    tools: { access: 'delete' },
    rateLimit: false,
  });
  cleanups.push(() => server.close());
  const admin = init.key.secret;
  const v1 = async (method: string, path: string, body?: unknown, key = admin) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: the tests read many JSON shapes; expect() checks them.
    return { status: response.status, text, body: JSON.parse(text) as any };
  };
  /** Adds an MCP through POST /v1/mcps and answers its id. */
  const addMcp = async (body: Record<string, unknown>): Promise<string> => {
    const created = await v1('POST', '/mcps', body);
    if (created.status !== 201) throw new Error(`POST /v1/mcps: ${created.text}`);
    return created.body.data.id as string;
  };
  return { server, v1, addMcp, admin, file, home };
}
