import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, expect } from 'vitest';
import { type BuiltHttpServer, startBuiltHttpServer } from '../testing/http-server.js';
import type { ToolCaller } from '../testing/tool-caller.js';
import type { Transcript } from '../testing/transcript.js';
import type { MovieNightScene } from './movie-night.js';

/** A distinctive Plex token: any appearance in captured output is a leak, not a coincidence. */
export const PLEX_TOKEN = 'plex-tok-E2E-q7Vx29LmRk';

/** A distinctive API key for the HTTP servers, searched for the same way. */
export const API_KEY = 'mcp-key-E2E-w4Tz81NcPj-9fQm2Lx7RbVd';

/** An emulator on a real loopback socket, and the environment that points the server at it. */
export interface PlexScene {
  emulator: PlexEmulator;
  /** PLEX_URL, PLEX_TOKEN, PLEX_TV_URL and PLEX_MCP_API_KEYS, plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/** Starts a demo-library emulator that only the owner's distinctive token opens. */
export async function plexScene(): Promise<PlexScene> {
  const emulator = createPlexEmulator({ token: PLEX_TOKEN, activityStepMs: 2 });
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  return {
    emulator,
    env: (extra = {}) => ({
      PLEX_URL: served.url,
      PLEX_TOKEN,
      PLEX_TV_URL: served.plexTvUrl,
      PLEX_MCP_API_KEYS: API_KEY,
      ...extra,
    }),
    close: () => emulator.close(),
  };
}

/** Long enough for a cold spawn on a busy 2-core machine. */
export const SPAWN_TIMEOUT = 60_000;

/** Per test: a shared 2-core CI machine can be slow, and Plex retries add up in fault cases. */
export const CALL_TIMEOUT = 30_000;

/** What {@link builtHttpScene} fills in before the describe block's tests run. */
export type HttpScene = MovieNightScene & { plex: PlexScene; server: BuiltHttpServer };

/**
 * Registers, in the enclosing describe, an emulator and the built HTTP server pointed at it
 * (stopped afterwards, which must exit 0). `call` is left for the block to set.
 */
export function builtHttpScene(transcript: Transcript, args: readonly string[] = []): HttpScene {
  const scene = { call: notConnected } as HttpScene;
  beforeAll(async () => {
    scene.plex = await plexScene();
    scene.emulator = scene.plex.emulator;
    scene.server = await startBuiltHttpServer({ args, env: scene.plex.env(), transcript });
  }, SPAWN_TIMEOUT);
  afterAll(async () => {
    expect(await scene.server.stop()).toBe(0);
    await scene.plex.close();
  });
  return scene;
}

const notConnected: ToolCaller = () => {
  throw new Error('the describe block did not set scene.call');
};
