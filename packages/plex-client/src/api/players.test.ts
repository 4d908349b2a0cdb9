import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';
import { itemByTitle } from '../testing/lookups.js';

const ROKU = 'roku-lr-7f3a';
const IPAD = 'ipad-kt-19c2';

function commandIds(sent: Request[]): number[] {
  return sent
    .filter((request) => new URL(request.url).pathname.startsWith('/player/'))
    .map((request) => Number(new URL(request.url).searchParams.get('commandID')));
}

describe('players.list', () => {
  it('lists the reachable players with their capabilities as arrays', async () => {
    const { client, sent } = emulatorClient();
    const players = await client.players.list();
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/clients');
    expect(players.map((player) => player.machineIdentifier)).toEqual([ROKU, IPAD]);
    expect(players[0]).toMatchObject({
      name: 'Living Room TV',
      product: 'Plex for Roku',
      port: 8324,
      deviceClass: 'stb',
      protocolVersion: 1,
    });
    expect(players[0]?.protocolCapabilities).toContain('navigation');
    expect(players[1]?.protocolCapabilities).not.toContain('navigation');

    expect(await client.players.get(IPAD)).toMatchObject({ name: 'Kitchen iPad' });
    await expect(client.players.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('player commands', () => {
  it('go through the server with the target header and a commandID that only goes up', async () => {
    const { client, emulator, sent } = emulatorClient();
    const before = await client.players.timeline(ROKU);
    const poll = sent.at(-1);
    const url = new URL(poll?.url ?? '');
    expect(url.pathname).toBe('/player/timeline/poll');
    expect(url.searchParams.get('wait')).toBe('0');
    expect(poll?.headers.get('X-Plex-Target-Client-Identifier')).toBe(ROKU);
    expect(poll?.headers.get('X-Plex-Token')).toBe(emulator.token);

    // The demo's owner is watching Charade on the Roku.
    const video = before.timelines.find((timeline) => timeline.type === 'video');
    expect(before.location).toBe('fullScreenVideo');
    expect(video).toMatchObject({
      state: 'playing',
      ratingKey: itemByTitle(emulator, 'Charade').ratingKey,
      machineIdentifier: emulator.machineIdentifier,
    });
    expect(video?.controllable).toContain('seekTo');
    expect(before.timelines.map((timeline) => timeline.type).sort()).toEqual([
      'music',
      'photo',
      'video',
    ]);

    await client.players.playback(ROKU, 'pause');
    await client.players.playback(ROKU, 'seekTo', { offset: 60_000, type: 'video' });
    await client.players.playback(ROKU, 'setParameters', { volume: 35 });
    const after = await client.players.timeline(ROKU);

    expect(commandIds(sent)).toEqual([1, 2, 3, 4, 5]);
    expect(after.commandID).toBe(5);
    const pause = new URL(sent[1]?.url ?? '');
    expect(pause.pathname).toBe('/player/playback/pause');
    const seek = new URL(sent[2]?.url ?? '');
    expect(seek.searchParams.get('offset')).toBe('60000');
    expect(seek.searchParams.get('type')).toBe('video');
    for (const request of sent) {
      expect(request.headers.get('X-Plex-Target-Client-Identifier')).toBe(ROKU);
    }
    expect(after.timelines.find((timeline) => timeline.type === 'video')).toMatchObject({
      state: 'paused',
      time: 60_000,
      volume: 35,
    });
    expect(emulator.state.players.get(ROKU)?.commandIds['plexmcp-test']).toBe(5);
  });

  it('sends navigation commands', async () => {
    const { client, emulator, sent } = emulatorClient();
    await client.players.navigate(ROKU, 'home');
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/player/navigation/home');
    expect(emulator.state.players.get(ROKU)?.lastNavigation).toBe('home');
  });

  it('maps player refusals to error codes', async () => {
    const { client } = emulatorClient();
    // The iPad advertises no navigation capability.
    await expect(client.players.navigate(IPAD, 'select')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(client.players.playback('no-such-player', 'play')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(client.players.playback('', 'play')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('players.playMedia', () => {
  it('creates a play queue, then sends playMedia with it, and the player starts', async () => {
    const { client, emulator, sent, baseUrl } = emulatorClient();
    // The server's address as this client reaches it (plex.test, or the loopback socket).
    const server = new URL(baseUrl);
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    const queue = await client.players.playMedia(IPAD, {
      ratingKey: night.ratingKey,
      offsetMs: 5000,
    });

    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /library/metadata/${night.ratingKey}`,
      'GET /identity',
      'POST /playQueues',
      'GET /player/playback/playMedia',
    ]);
    expect(new URL(sent[2]?.url ?? '').searchParams.get('type')).toBe('video');
    const play = sent[3];
    expect(play?.headers.get('X-Plex-Target-Client-Identifier')).toBe(IPAD);
    expect(Object.fromEntries(new URL(play?.url ?? '').searchParams)).toEqual({
      key: `/library/metadata/${night.ratingKey}`,
      offset: '5000',
      containerKey: `/playQueues/${queue.playQueueID}?window=100&own=1`,
      machineIdentifier: emulator.machineIdentifier,
      address: server.hostname,
      port: server.port,
      protocol: 'http',
      type: 'video',
      commandID: '1',
    });
    expect(queue.items.map((item) => item.ratingKey)).toEqual([night.ratingKey]);

    const sessions = await client.sessions.active();
    const onIpad = sessions.find((session) => session.Player?.machineIdentifier === IPAD);
    expect(onIpad).toMatchObject({ ratingKey: night.ratingKey, viewOffset: 5000 });
  });

  it('skips the type lookup when told the type, and calls music `music`', async () => {
    const { client, emulator, sent } = emulatorClient();
    const track = [...emulator.state.items.values()].find((item) => item.type === 'track');
    if (!track) throw new Error('no track in the demo library');
    await client.players.playMedia(IPAD, {
      ratingKey: track.ratingKey,
      type: 'audio',
      machineIdentifier: emulator.machineIdentifier,
    });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual([
      '/playQueues',
      '/player/playback/playMedia',
    ]);
    expect(new URL(sent[1]?.url ?? '').searchParams.get('type')).toBe('music');
    const timeline = await client.players.timeline(IPAD);
    expect(timeline.timelines.find((t) => t.type === 'music')).toMatchObject({
      state: 'playing',
      ratingKey: track.ratingKey,
    });
  });

  it('is NOT_FOUND for an unknown item, before any command is sent', async () => {
    const { client, sent } = emulatorClient();
    await expect(client.players.playMedia(IPAD, { ratingKey: 999999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(sent.some((r) => new URL(r.url).pathname.startsWith('/player/'))).toBe(false);
  });
});
