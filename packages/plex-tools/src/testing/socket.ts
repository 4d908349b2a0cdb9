import { createPlexClient, type PlexClient } from '@plexmcp/plex-client';
import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';
import { type CallContext, callTool } from '../call-tool.js';
import { TEST_NOW_MS, type ToolHarness } from './harness.js';

/**
 * An emulator on a real socket and a client that talks to it as the server's does; `call` is
 * typed like the in-process harness's and gives each call its own abort signal, as a server does.
 */
export interface SocketHarness extends Pick<ToolHarness, 'call'> {
  emulator: PlexEmulator;
  plex: PlexClient;
  close(): Promise<void>;
}

/**
 * Builds a harness whose client has no custom fetch, so its requests take the direct node:http
 * path a deployed server takes (the in-process harness goes through fetch instead).
 */
export async function socketHarness(options: PlexEmulatorOptions = {}): Promise<SocketHarness> {
  const emulator = createPlexEmulator({ now: () => TEST_NOW_MS, ...options });
  const { url, plexTvUrl } = await emulator.listen();
  const plex = createPlexClient({
    baseUrl: url,
    plexTvUrl,
    token: emulator.token,
    clientIdentifier: 'plexmcp-tools-test',
    retry: false,
  });
  return {
    emulator,
    plex,
    call: ((name: string, args?: unknown, extra: Partial<CallContext> = {}) =>
      callTool(name, args ?? {}, {
        plex,
        config: { defaultUsername: 'demo_owner' },
        signal: new AbortController().signal,
        ...extra,
      })) as ToolHarness['call'],
    close: () => emulator.close(),
  };
}

/** Runs `work` and returns it with the process warnings (MaxListenersExceededWarning…) emitted meanwhile. */
export async function warningsDuring<T>(work: () => Promise<T>): Promise<[T, Error[]]> {
  const warnings: Error[] = [];
  const keep = (warning: Error) => warnings.push(warning);
  process.on('warning', keep);
  try {
    const result = await work();
    // Node emits a warning on a later tick than the code that caused it.
    await new Promise((resolve) => setImmediate(resolve));
    return [result, warnings];
  } finally {
    process.off('warning', keep);
  }
}
