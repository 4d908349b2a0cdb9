import {
  createPlexEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from '@plexmcp/plex-emulator';
import { createPlexClient, type PlexClient } from '../client.js';
import type { PlexClientOptions } from '../options.js';
import { engineOptions } from './engine.js';

/** A fixed clock for tests: 2025-11-22T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 10, 22, 12, 0, 0);

/** Every request a test client sent, in order. */
export type SentRequests = Request[];

/**
 * An emulator plus a client of it under this run's engine (`ENGINE`), recording each request as
 * the emulator saw it (origin `http://plex.test:32400` either way). `baseUrl` is the client's.
 */
export function emulatorClient(
  emulatorOptions: PlexEmulatorOptions = {},
  clientOptions: Partial<PlexClientOptions> = {},
): { emulator: PlexEmulator; client: PlexClient; sent: SentRequests; baseUrl: string } {
  const emulator = createPlexEmulator({
    now: () => TEST_NOW_MS,
    activityStepMs: 5,
    ...emulatorOptions,
  });
  const sent: SentRequests = [];
  const target = engineOptions(emulator, sent);
  const client = createPlexClient({
    ...target,
    token: emulator.token,
    clientIdentifier: 'plexmcp-test',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...clientOptions,
  });
  return { emulator, client, sent, baseUrl: target.baseUrl as string };
}
