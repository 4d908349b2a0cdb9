import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';
import { createPlexClient, type PlexClient } from '../client.js';
import type { PlexClientOptions } from '../options.js';

/** A fixed clock for tests: 2025-11-22T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 10, 22, 12, 0, 0);

/** Every request a test client sent, in order. */
export type SentRequests = Request[];

/** An emulator plus a client wired to it through `fetch` (no socket), recording each request. */
export function emulatorClient(
  emulatorOptions: PlexEmulatorOptions = {},
  clientOptions: Partial<PlexClientOptions> = {},
): { emulator: PlexEmulator; client: PlexClient; sent: SentRequests } {
  const emulator = createPlexEmulator({
    now: () => TEST_NOW_MS,
    activityStepMs: 5,
    ...emulatorOptions,
  });
  const sent: SentRequests = [];
  const client = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
    token: emulator.token,
    clientIdentifier: 'plexmcp-test',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return emulator.fetch(request);
    },
    ...clientOptions,
  });
  return { emulator, client, sent };
}
