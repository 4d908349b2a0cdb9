// What every replica suite starts from: a PostgreSQL of its own, an emulated Plex, replicas of
// the built server started together on the fresh database, and an organization made by the
// operator's command, whose admin key and builtin MCP the tests use.

import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { type PlexScene, plexScene } from '../e2e/scene.js';
import { ensureBuilt, runBuilt } from './built-bin.js';
import { type PgServer, startPgServer } from './pg-server.js';
import { type Replica, request, startReplicas } from './replicas.js';

/** A running scene; `close` stops all of it. */
export interface ReplicaScene {
  postgres: PgServer;
  plex: PlexScene;
  replicas: Replica[];
  /** The organization's admin key (read, write, delete, admin). */
  admin: string;
  /** The organization's builtin MCP (the emulated Plex). */
  mcpId: string;
  /** The environment of a replica or a command; on another database when given. */
  env(database?: string): Record<string, string>;
  /** Runs an operator's command on the shared database, expecting success; parses `--json`. */
  command<T>(args: readonly string[]): Promise<T>;
  /** A new managed key (read+write), made through /v1 on `replica`. */
  createKey(replica: Replica, name: string): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

/** Starts the scene with replicas named `names`; `extra` is added to every replica's env. */
export async function startReplicaScene(
  names: readonly string[],
  extra: Record<string, string> = {},
): Promise<ReplicaScene> {
  await ensureBuilt();
  const [postgres, plex] = await Promise.all([startPgServer(), plexScene()]);
  // Every replica must seal and open secrets with the same key.
  const secretKey = randomBytes(32).toString('base64');
  const env = (database = postgres.url) => ({
    ...plex.env({ PLEX_MCP_API_KEYS: '' }),
    PLEXMCP_DATABASE_URL: database,
    PLEXMCP_SECRET_KEY: secretKey,
    // Usage reaches the database within a fifth of a second (5 s by default).
    PLEXMCP_USAGE_FLUSH_MS: '200',
    ...extra,
  });
  const command = async <T>(args: readonly string[]): Promise<T> => {
    const run = await runBuilt([...args, '--json'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as T;
  };
  // Replicas of one version on a fresh database, started together: they migrate it once.
  const replicas: Replica[] = [];
  const close = async () => {
    await Promise.all(replicas.map((replica) => replica.server.stop()));
    await plex.close();
    await postgres.destroy();
  };
  try {
    replicas.push(...(await startReplicas(names, { env: env() })));
    return await organize();
  } catch (error) {
    // A failed start leaves no server, PostgreSQL or emulator running.
    await close();
    throw error;
  }

  async function organize(): Promise<ReplicaScene> {
    const init = await command<{ key: { secret: string } }>([
      'admin',
      'init',
      '--org',
      'Community',
      '--email',
      'owner@example.com',
    ]);
    const admin = init.key.secret;
    // A replica learns that keys now exist within a second (until then it is open to loopback).
    let mcps = await request(replicas[0]!.url, '/v1/mcps', { key: admin });
    for (const deadline = Date.now() + 5000; mcps.status !== 200 && Date.now() < deadline; ) {
      await sleep(100);
      mcps = await request(replicas[0]!.url, '/v1/mcps', { key: admin });
    }
    expect(mcps.status).toBe(200);
    return {
      postgres,
      plex,
      replicas,
      admin,
      mcpId: mcps.body.data[0].id,
      env,
      command,
      async createKey(replica, name) {
        const created = await request(replica.url, '/v1/api-keys', {
          key: admin,
          body: { name, scopes: ['read', 'write'] },
        });
        expect(created.status).toBe(201);
        return created.body.data;
      },
      close,
    };
  }
}
