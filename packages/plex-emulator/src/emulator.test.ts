import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from './emulator.js';
import { call, testEmulator } from './testing/harness.js';

/** The parts of a Plex answer these tests read. */
type PlexJson = { MediaContainer: Record<string, unknown> & { size: number } };

describe('createPlexEmulator', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('loads the demo library by default and an empty one on request', async () => {
    emulator = testEmulator();
    expect(emulator.state.sections.size).toBe(3);
    const empty = testEmulator({ library: 'empty' });
    expect(empty.state.sections.size).toBe(0);
    expect((await call(empty, '/library/sections')).json.MediaContainer.size).toBe(0);
  });

  it('rejects an unknown library option with a clear message', () => {
    expect(() => testEmulator({ library: 'synthetic:-4' as 'demo' })).toThrow(
      'library must be demo, empty or synthetic:<N>',
    );
  });

  it('uses the configured token and refuses others', async () => {
    emulator = testEmulator({ token: 'my-token' });
    expect((await call(emulator, '/library/sections')).status).toBe(200);
    expect((await call(emulator, '/library/sections', { token: 'other' })).status).toBe(401);
  });

  describe('on a real socket', () => {
    it('serves the same API and stops on close', async () => {
      emulator = testEmulator();
      const server = await emulator.listen({ port: 0 });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.plexTvUrl).toBe(`${server.url}/plex.tv`);
      const response = await fetch(`${server.url}/library/sections`, {
        headers: { Accept: 'application/json', 'X-Plex-Token': emulator.token },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as PlexJson).MediaContainer.Directory).toHaveLength(3);
      await server.close();
      await expect(fetch(`${server.url}/identity`)).rejects.toMatchObject({
        cause: { code: 'ECONNREFUSED' },
      });
    });

    it('refuses connections while unreachable and recovers on the same port', async () => {
      emulator = testEmulator();
      const server = await emulator.listen({ port: 0 });
      emulator.faults.set({ unreachable: true });
      await emulator.idle();
      await expect(fetch(`${server.url}/identity`)).rejects.toMatchObject({
        cause: { code: 'ECONNREFUSED' },
      });
      emulator.faults.set({ unreachable: false });
      await emulator.idle();
      expect((await fetch(`${server.url}/identity`)).status).toBe(200);
    });

    it('hangs up on dropped connections', async () => {
      emulator = testEmulator();
      const server = await emulator.listen({ port: 0 });
      emulator.faults.set({ dropRate: 1 });
      await expect(fetch(`${server.url}/identity`)).rejects.toMatchObject({
        name: 'TypeError',
      });
    });

    it('accepts uploads with a request body', async () => {
      emulator = testEmulator();
      const server = await emulator.listen({ port: 0 });
      const response = await fetch(`${server.url}/plex.tv/api/v2/pins?strong=true`, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'X-Plex-Client-Identifier': 'socket-test',
          'X-Plex-Product': 'test',
        },
        body: 'ignored',
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { code: string }).code).toHaveLength(25);
    });
  });
});
