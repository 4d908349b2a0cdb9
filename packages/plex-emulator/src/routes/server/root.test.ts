import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';

const UNAUTHORIZED =
  '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>';

describe('GET /', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers the capabilities MediaContainer with the fields clients read', async () => {
    emulator = testEmulator();
    const { status, headers, json } = await call(emulator, '/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    const mc = json.MediaContainer;
    expect(mc).toMatchObject({
      friendlyName: 'Plex Emulator',
      machineIdentifier: emulator.machineIdentifier,
      version: '1.42.2.10156-f737b826c',
      platform: 'Linux',
      platformVersion: '6.1.0-28-amd64',
      myPlex: true,
      myPlexUsername: 'demo.owner@example.com',
      myPlexSigninState: 'ok',
      myPlexMappingState: 'mapped',
      myPlexSubscription: true,
      allowMediaDeletion: true,
    });
    for (const key of ['allowSync', 'eventStream', 'hubSearch', 'multiuser', 'transcoderVideo']) {
      expect(typeof mc[key], key).toBe('boolean');
    }
    expect(mc.diagnostics.split(',')).toContain('logs');
    expect(mc.ownerFeatures.split(',')).toContain('webhooks');
    expect(mc.transcoderVideoBitrates.split(',')).toHaveLength(13);
    expect(Number.isInteger(mc.updatedAt)).toBe(true);
  });

  it('lists the top-level keys as Directory entries and counts them in size', async () => {
    emulator = testEmulator({ library: 'empty' });
    const mc = (await call(emulator, '/')).json.MediaContainer;
    expect(mc.size).toBe(mc.Directory.length);
    expect(mc.Directory).toContainEqual({ count: 3, key: 'library', title: 'library' });
    const keys = mc.Directory.map((d: { key: string }) => d.key);
    expect(keys).toEqual(
      expect.arrayContaining(['activities', 'butler', 'statistics', 'updater', 'playlists']),
    );
    for (const directory of mc.Directory) {
      expect(Object.keys(directory).sort()).toEqual(['count', 'key', 'title']);
      expect(typeof directory.count).toBe('number');
    }
  });

  it('counts live video transcodes in transcoderActiveVideoSessions', async () => {
    emulator = testEmulator();
    const transcoding = [...emulator.state.sessions.values()].filter(
      (s) => s.transcode?.videoDecision === 'transcode',
    ).length;
    const before = (await call(emulator, '/')).json.MediaContainer;
    expect(before.transcoderActiveVideoSessions).toBe(transcoding);

    const direct = [...emulator.state.sessions.values()].find((s) => !s.transcode);
    expect(direct).toBeDefined();
    direct!.transcode = {
      key: '/transcode/sessions/test',
      videoDecision: 'transcode',
      audioDecision: 'copy',
      sourceAudioCodec: 'aac',
      audioCodec: 'aac',
      audioChannels: 2,
      container: 'mpegts',
      protocol: 'hls',
      progress: 1,
      speed: 2,
      throttled: false,
      transcodeHwRequested: true,
      reasons: [],
    };
    const after = (await call(emulator, '/')).json.MediaContainer;
    expect(after.transcoderActiveVideoSessions).toBe(transcoding + 1);
  });

  it('reads allowMediaDeletion from the server preference', async () => {
    emulator = testEmulator({ library: 'empty', allowMediaDeletion: false });
    expect((await call(emulator, '/')).json.MediaContainer.allowMediaDeletion).toBe(false);
    await call(emulator, '/:/prefs', { method: 'PUT', query: { allowMediaDeletion: 1 } });
    expect((await call(emulator, '/')).json.MediaContainer.allowMediaDeletion).toBe(true);
  });

  it('answers 401 with the HTML page without a valid token', async () => {
    emulator = testEmulator({ library: 'empty' });
    for (const token of [null, 'not-a-token']) {
      const { status, text, headers } = await call(emulator, '/', { token });
      expect(status).toBe(401);
      expect(headers.get('content-type')).toBe('text/html');
      expect(text).toBe(UNAUTHORIZED);
    }
  });
});

describe('GET /identity', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers without a token, with size 0 and the server identity', async () => {
    emulator = testEmulator({ library: 'empty', machineIdentifier: 'abc123' });
    const { status, json } = await call(emulator, '/identity', { token: null });
    expect(status).toBe(200);
    expect(json).toEqual({
      MediaContainer: {
        size: 0,
        claimed: true,
        machineIdentifier: 'abc123',
        version: '1.42.2.10156-f737b826c',
      },
    });
  });

  it('answers the same with a token', async () => {
    emulator = testEmulator({ library: 'empty' });
    const open = await call(emulator, '/identity', { token: null });
    const signed = await call(emulator, '/identity');
    expect(signed.json).toEqual(open.json);
  });
});
