import { createPlexClient, type PlexClient, type PlexClientOptions } from '@plexmcp/plex-client';
import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';
import { type CallContext, callTool, type ToolResult } from '../call-tool.js';
import type { ProgressUpdate } from '../context.js';
import type { ToolInput, ToolName, ToolOutput } from '../registry.js';

/** A fixed clock for tests: 2025-11-22T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 10, 22, 12, 0, 0);

/** An emulator, a client wired to it, and a way to call tools against them. */
export interface ToolHarness {
  emulator: PlexEmulator;
  plex: PlexClient;
  /** Progress updates the last calls reported. */
  progress: ProgressUpdate[];
  /** Calls a tool through `callTool`, as a server would; `data` has the tool's output type. */
  call<Name extends ToolName>(
    name: Name,
    args?: ToolInput<Name>,
    extra?: Partial<CallContext>,
  ): Promise<ToolResult<ToolOutput<Name>>>;
  /** The same with arguments a test means to be wrong (or a name that is not a tool). */
  call(name: string, args?: unknown, extra?: Partial<CallContext>): Promise<ToolResult<unknown>>;
  /** Calls a tool and returns its data, failing the test with the error when it did not succeed. */
  data<Name extends ToolName>(name: Name, args?: ToolInput<Name>): Promise<ToolOutput<Name>>;
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
  // The loose overload: a test's names and arguments are checked by the tool itself at run time.
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
    call: call as ToolHarness['call'],
    async data<Name extends ToolName>(name: Name, args?: ToolInput<Name>) {
      const result = await call(name, args);
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.data as ToolOutput<Name>;
    },
  };
}
