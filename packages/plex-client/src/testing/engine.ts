import type { PlexEmulator } from '@plexmcp/plex-emulator';
import { http, passthrough } from 'msw';
import type { PlexClientOptions } from '../options.js';
import { RECORDED_ORIGIN, recorder } from './recording-server.js';

/**
 * The HTTP engine this test run exercises, chosen by the vitest project (`vitest.config.ts`):
 * `ky` wires the client's `fetch` straight to the emulator (every request through ky), `direct`
 * serves the emulator on a loopback socket and leaves `fetch` unset, so bodiless requests take
 * the node:http engine production uses and the rest go through ky and the global fetch.
 */
export type Engine = 'ky' | 'direct';

/** This run's engine. */
export const ENGINE: Engine = process.env.PLEX_CLIENT_ENGINE === 'direct' ? 'direct' : 'ky';

// Started before any test, so `emulatorClient` can stay synchronous.
const socket = ENGINE === 'direct' ? await recorder() : undefined;

/** Where a client of `emulator` points, and how it reaches it under this run's engine. */
export function engineOptions(
  emulator: PlexEmulator,
  sent: Request[] | undefined,
): Pick<PlexClientOptions, 'baseUrl' | 'plexTvUrl' | 'fetch'> {
  if (socket) {
    const baseUrl = socket.mount(emulator, sent ?? []);
    return { baseUrl, plexTvUrl: `${baseUrl}${emulator.plexTvPath}` };
  }
  return {
    baseUrl: RECORDED_ORIGIN,
    plexTvUrl: `${RECORDED_ORIGIN}${emulator.plexTvPath}`,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent?.push(request.clone());
      return emulator.fetch(request);
    },
  };
}

/**
 * msw handlers that let requests to the recorder through, for test files that mount msw with
 * `onUnhandledRequest: 'error'` (msw intercepts node:http too). Pass them to `setupServer`.
 */
export function engineHandlers() {
  if (!socket) return [];
  return [http.all(`${socket.origin}/*`, () => passthrough())];
}
