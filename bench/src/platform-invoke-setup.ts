// What the platform-invoke section runs against: a Plex emulator in a process of its own (so its
// work is not billed to the server or to the bench), a SQLite data directory with an organization
// on the team plan, and the built server on it, with metering on or off.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulatorProcess } from './emulator-process.js';
import { type HttpServerProcess, spawnHttpServer } from './http-server.js';
import { SERVER_BIN } from './paths.js';

/** The emulator, the data directory and the keys: shared by every server start of the section. */
export interface InvokeScene {
  plexEnv: Record<string, string>;
  dataDir: string;
  /** The `admin init` key (read+write+delete+admin). */
  adminKey: string;
  close(): Promise<void>;
}

/**
 * `plex-mcp-server admin init` as an operator runs it, on the database `env` names: the
 * organization "Bench" (self-hosted default plan: team, 1,000 requests a second a key) and its
 * first admin key.
 */
export function adminInit(env: Record<string, string>): string {
  const init = spawnSync(
    process.execPath,
    [SERVER_BIN, 'admin', 'init', '--org', 'Bench', '--email', 'b@x.example', '--json'],
    { cwd: tmpdir(), env, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`admin init failed: ${init.stderr || init.stdout}`);
  return (JSON.parse(init.stdout) as { key: { secret: string } }).key.secret;
}

/** Starts the emulator bin (demo library) and runs `admin init` on a fresh data directory. */
export async function openScene(): Promise<InvokeScene> {
  const emulator = await startEmulatorProcess();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-invoke-'));
  const close = async () => {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const adminKey = adminInit({ PLEXMCP_DATA_DIR: dataDir });
    const plexEnv = { PLEX_URL: emulator.url, PLEX_TOKEN: emulator.token };
    return { plexEnv, dataDir, adminKey, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The built server in HTTP mode on the scene, plan rate limits on (the default). */
export function startServer(scene: InvokeScene, metering: boolean): Promise<HttpServerProcess> {
  return spawnHttpServer([], {
    ...scene.plexEnv,
    PLEXMCP_DATA_DIR: scene.dataDir,
    ...(metering ? {} : { PLEXMCP_METERING: 'off' }),
  });
}

/** A GET or POST on /v1 with a key; the answer's `data`, or a throw naming the status. */
export async function v1<T>(base: string, key: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/v1${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as { success: boolean; data: T; error?: unknown };
  if (!answer.success) {
    throw new Error(`${route}: HTTP ${response.status} ${JSON.stringify(answer.error)}`);
  }
  return answer.data;
}

/** The organization's builtin MCP (the server's own Plex), as `GET /v1/mcps` lists it. */
export async function builtinMcpId(base: string, key: string): Promise<string> {
  const mcps = await v1<{ id: string; builtin: boolean }[]>(base, key, '/mcps');
  const builtin = mcps.find((mcp) => mcp.builtin);
  if (!builtin) throw new Error('GET /v1/mcps lists no builtin MCP');
  return builtin.id;
}

/**
 * `count` read keys made through POST /v1/api-keys: one per load client, because plan limits
 * (and the server's calls-at-once gate) apply per key, as they would to separate clients.
 */
export async function createKeys(base: string, adminKey: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = await v1<{ secret: string }>(base, adminKey, '/api-keys', {
      name: `bench-client-${i}`,
      scopes: ['read'],
    });
    keys.push(key.secret);
  }
  return keys;
}

/** Tool calls counted for the organization this month (`GET /v1/usage`, flushed first). */
export async function toolCallsCounted(base: string, key: string): Promise<number> {
  return (await v1<{ tool_calls: number }>(base, key, '/usage')).tool_calls;
}
