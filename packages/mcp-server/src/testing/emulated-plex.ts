import { createPlexClient, type PlexClient, type PlexClientOptions } from '@plexmcp/plex-client';
import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';

/**
 * An emulated Plex and a client wired to it through `fetch` (no socket, no retries): the Plex
 * behind the in-process servers these tests start. plex.tv calls reach the emulator too.
 */
export function emulatedPlex(
  emulatorOptions: PlexEmulatorOptions = {},
  clientOptions: Partial<PlexClientOptions> = {},
): { emulator: PlexEmulator; plex: PlexClient } {
  const emulator = createPlexEmulator(emulatorOptions);
  const plex = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
    token: emulator.token,
    retry: false,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
    ...clientOptions,
  });
  return { emulator, plex };
}
