import { createPlexClient, type PlexClient, type PlexClientOptions } from '@plexmcp/plex-client';
import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';
import { type CallContext, callTool, type ToolResult } from '../call-tool.js';
import type { ProgressUpdate } from '../context.js';

/** A fixed clock for tests: 2025-11-22T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 10, 22, 12, 0, 0);

/** An emulator, a client wired to it, and a way to call tools against them. */
export interface ToolHarness {
  emulator: PlexEmulator;
  plex: PlexClient;
  /** Progress updates the last calls reported. */
  progress: ProgressUpdate[];
  /** Calls a tool through `callTool`, as a server would. */
  call(name: string, args?: unknown, extra?: Partial<CallContext>): Promise<ToolResult>;
  /** Calls a tool and returns its data, failing the test with the error when it did not succeed. */
  data(name: string, args?: unknown): Promise<Record<string, unknown>>;
}

/** Builds a harness over a fresh emulator (demo library unless told otherwise). */
export function toolHarness(
  emulatorOptions: PlexEmulatorOptions = {},
  clientOptions: Partial<PlexClientOptions> = {},
): ToolHarness {
  const emulator = createPlexEmulator({
    now: () => TEST_NOW_MS,
    activityStepMs: 2,
    ...emulatorOptions,
  });
  const plex = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
    token: emulator.token,
    clientIdentifier: 'plexmcp-tools-test',
    retry: false,
    timeoutMs: 2000,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
    ...clientOptions,
  });
  const progress: ProgressUpdate[] = [];
  const call = (name: string, args?: unknown, extra: Partial<CallContext> = {}) =>
    callTool(name, args ?? {}, {
      plex,
      config: { defaultUsername: 'demo_owner' },
      onProgress: (update) => progress.push(update),
      ...extra,
    });
  return {
    emulator,
    plex,
    progress,
    call,
    async data(name, args) {
      const result = await call(name, args);
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
  };
}
