import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';

/** A demo-library emulator on a loopback socket, as a stand-in for a real Plex on the LAN. */
export interface RunningEmulator {
  emulator: PlexEmulator;
  url: string;
  plexTvUrl: string;
  token: string;
  /** Environment that points the built server at this emulator instead of `--demo`. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the emulator (no latency, no faults) on 127.0.0.1. */
export async function startEmulator(
  library: 'demo' | `synthetic:${number}` = 'demo',
): Promise<RunningEmulator> {
  const emulator = createPlexEmulator({ library });
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  return {
    emulator,
    url: served.url,
    plexTvUrl: served.plexTvUrl,
    token: emulator.token,
    env: { PLEX_URL: served.url, PLEX_TOKEN: emulator.token, PLEX_TV_URL: served.plexTvUrl },
    close: () => emulator.close(),
  };
}
