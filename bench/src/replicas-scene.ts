// What the replicas benchmark runs against: PostgreSQL and the Plex emulator in processes of
// their own, an organization made by `admin init` on the database, a key per client, and 1–3
// built servers started on that one database.

import { randomBytes } from 'node:crypto';
import { startEmulatorProcess } from './emulator-process.js';
import { type HttpServerProcess, spawnHttpServer } from './http-server.js';
import { adminInit, builtinMcpId, v1 } from './platform-invoke-setup.js';
import { type BenchPostgres, startBenchPostgres } from './replicas-postgres.js';

/** The shared pieces, alive for the whole section. */
export interface ReplicaBenchScene {
  postgres: BenchPostgres;
  /** Every replica's environment (database, secret key, Plex). */
  env: Record<string, string>;
  adminKey: string;
  /** One key per load client (team plan: 1,000 requests a second each). */
  clientKeys: string[];
  mcpId: string;
  close(): Promise<void>;
}

/** Starts PostgreSQL and the emulator, makes the organization and `clients` keys. */
export async function openReplicaScene(clients: number): Promise<ReplicaBenchScene> {
  const emulator = await startEmulatorProcess();
  let postgres: BenchPostgres | undefined;
  const close = async () => {
    await emulator.close();
    await postgres?.stop();
  };
  try {
    postgres = await startBenchPostgres();
    const env = {
      PLEX_URL: emulator.url,
      PLEX_TOKEN: emulator.token,
      PLEXMCP_DATABASE_URL: postgres.url,
      PLEXMCP_SECRET_KEY: randomBytes(32).toString('base64'),
    };
    const adminKey = adminInit(env);
    const first = await spawnHttpServer([], env);
    try {
      const clientKeys: string[] = [];
      for (let i = 0; i < clients; i++) {
        const key = await v1<{ secret: string }>(first.url, adminKey, '/api-keys', {
          name: `client-${i}`,
          scopes: ['read'],
        });
        clientKeys.push(key.secret);
      }
      const mcpId = await builtinMcpId(first.url, adminKey);
      return { postgres, env, adminKey, clientKeys, mcpId, close };
    } finally {
      await first.close();
    }
  } catch (error) {
    await close();
    throw error;
  }
}

/** `count` replicas on the scene's database, started together; `args` added to each. */
export function startReplicas(
  scene: ReplicaBenchScene,
  count: number,
  args: string[] = [],
): Promise<HttpServerProcess[]> {
  return Promise.all(Array.from({ length: count }, () => spawnHttpServer(args, scene.env)));
}
