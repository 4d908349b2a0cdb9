import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { testEmulator } from '../testing/harness.js';

/** The socket bridge builds a request's abort signal only on demand; a hang-up must still reach it. */
describe('socket server', () => {
  let emulator: PlexEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('aborts a streaming handler when its client hangs up', async () => {
    const plex = testEmulator({ library: 'empty' });
    emulator = plex;
    const server = await plex.listen({ port: 0 });
    const aborter = new AbortController();
    const response = await fetch(`${server.url}/:/eventsource/notifications`, {
      headers: { 'X-Plex-Token': plex.token },
      signal: aborter.signal,
    });
    expect(response.status).toBe(200);
    await until(() => plex.notifications.subscriberCount === 1);
    aborter.abort();
    await until(() => plex.notifications.subscriberCount === 0);
    expect(plex.notifications.subscriberCount).toBe(0);
  });

  it('answers many requests on one keep-alive connection, bodies and headers intact', async () => {
    const plex = testEmulator({ library: 'demo' });
    emulator = plex;
    const server = await plex.listen({ port: 0 });
    for (const size of ['0', '2', '5']) {
      const response = await fetch(`${server.url}/library/sections/1/all`, {
        headers: { 'X-Plex-Token': plex.token, 'X-Plex-Container-Size': size },
      });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('x-plex-container-start')).toBe('0');
      const body = (await response.json()) as { MediaContainer: { size: number } };
      expect(body.MediaContainer.size).toBe(Number(size));
    }
  });
});
