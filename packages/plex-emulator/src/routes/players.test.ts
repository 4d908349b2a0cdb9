import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { type CallOptions, call, testEmulator } from '../testing/harness.js';

let emulator: PlexEmulator;
let clock: number;
beforeEach(() => {
  clock = Date.UTC(2025, 10, 22, 12, 0, 0);
  emulator = testEmulator({ now: () => clock });
});
afterEach(() => emulator.close());

const ROKU = 'roku-lr-7f3a';
const IPAD = 'ipad-kt-19c2';
const CONTROLLER = 'controller-test-01';

function tokenOf(username: string): string {
  const account = [...emulator.state.accounts.values()].find((a) => a.username === username);
  if (!account) throw new Error(`no account ${username}`);
  return account.serverToken;
}

function item(title: string) {
  const found = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
}

/** Sends a remote-control command through the server, as python-plexapi's proxy mode does. */
function send(
  command: string,
  query: CallOptions['query'] = {},
  options: { target?: string; controller?: string; token?: string } = {},
) {
  return call(emulator, `/player/${command}`, {
    query,
    headers: {
      'X-Plex-Target-Client-Identifier': options.target ?? ROKU,
      'X-Plex-Client-Identifier': options.controller ?? CONTROLLER,
    },
    ...(options.token ? { token: options.token } : {}),
  });
}

async function poll(target = ROKU, query: CallOptions['query'] = {}) {
  const response = await send('timeline/poll', { wait: 0, ...query }, { target });
  expect(response.status).toBe(200);
  const mc = response.json.MediaContainer;
  const byType = (type: string) => mc.Timeline.find((t: { type: string }) => t.type === type);
  return { mc, video: byType('video'), music: byType('music'), photo: byType('photo') };
}

describe('GET /clients', () => {
  it('lists the players as Server elements with the fields python-plexapi reads', async () => {
    const response = await call(emulator, '/clients');
    expect(response.status).toBe(200);
    expect(response.json.MediaContainer.size).toBe(2);
    expect(response.json.MediaContainer.Server[0]).toEqual({
      name: 'Living Room TV',
      host: '192.168.1.40',
      address: '192.168.1.40',
      port: 8324,
      machineIdentifier: ROKU,
      version: '8.3.1.1456',
      protocol: 'plex',
      product: 'Plex for Roku',
      deviceClass: 'stb',
      protocolVersion: 1,
      protocolCapabilities: 'timeline,playback,navigation,playqueues,provider-playback',
    });
  });

  it('shows other accounts only the players signed in to them', async () => {
    const alex = await call(emulator, '/clients', { token: tokenOf('alex_home') });
    expect(alex.json.MediaContainer.Server.map((s: { name: string }) => s.name)).toEqual([
      'Kitchen iPad',
    ]);
    const jordan = await call(emulator, '/clients', { token: tokenOf('jordan_k') });
    expect(jordan.json).toEqual({ MediaContainer: { size: 0 } });
  });
});

describe('GET /player/timeline/poll', () => {
  it('returns three timelines; stopped ones carry only type, state and controls', async () => {
    const { mc, video, music, photo } = await poll(IPAD, { commandID: 7 });
    expect(mc).toMatchObject({ size: 3, commandID: 7, location: 'navigation' });
    expect(mc.Timeline.map((t: { type: string }) => t.type)).toEqual(['video', 'music', 'photo']);
    expect(video).toEqual({
      type: 'video',
      state: 'stopped',
      controllable:
        'playPause,stop,volume,shuffle,audioStream,subtitleStream,seekTo,skipPrevious,skipNext,stepBack,stepForward',
    });
    expect(music.state).toBe('stopped');
    expect(photo).toEqual({
      type: 'photo',
      state: 'stopped',
      controllable: 'playPause,stop,skipPrevious,skipNext',
    });
  });

  it('shows a seeded session on its player, with server address and streams', async () => {
    const charade = item('Charade');
    const { mc, video } = await poll(ROKU);
    expect(mc.location).toBe('fullScreenVideo');
    const streams = charade.media[0]?.parts[0]?.streams ?? [];
    expect(video).toMatchObject({
      type: 'video',
      itemType: 'video',
      state: 'playing',
      time: 2_472_000,
      duration: charade.duration,
      seekRange: `0-${charade.duration}`,
      ratingKey: charade.ratingKey,
      key: `/library/metadata/${charade.ratingKey}`,
      machineIdentifier: emulator.machineIdentifier,
      providerIdentifier: 'com.plexapp.plugins.library',
      protocol: 'http',
      address: 'plex.test',
      port: 32400,
      volume: 100,
      mute: 0,
      shuffle: 0,
      repeat: 0,
      videoStreamID: streams.find((s) => s.streamType === 1)?.id,
      audioStreamID: streams.find((s) => s.streamType === 2)?.id,
      subtitleStreamID: 0,
    });
    expect(video.containerKey).toBeUndefined();
  });
});

describe('commandID bookkeeping', () => {
  it('keeps the highest commandID per controller and runs every command', async () => {
    const player = emulator.state.players.get(ROKU);
    await send('navigation/moveDown', { commandID: 5 });
    await send('navigation/moveUp', { commandID: 3 });
    expect(player?.lastNavigation).toBe('moveUp');
    await send('navigation/select', { commandID: 2 }, { controller: 'other-controller' });
    expect(player?.commandIds).toEqual({ [CONTROLLER]: 5, 'other-controller': 2 });

    // A poll echoes its own commandID, or the controller's latest when it sends none.
    expect((await poll(ROKU, { commandID: 9 })).mc.commandID).toBe(9);
    expect(player?.commandIds[CONTROLLER]).toBe(9);
    expect((await poll(ROKU)).mc.commandID).toBe(9);

    expect((await send('navigation/back', { commandID: -1 })).status).toBe(400);
    expect((await send('navigation/back', { commandID: 'x' })).status).toBe(400);
  });
});

describe('/player/navigation', () => {
  it('records the last navigation command', async () => {
    for (const command of ['moveLeft', 'moveRight', 'contextMenu', 'home', 'back', 'select']) {
      const response = await send(`navigation/${command}`, { commandID: 1 });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      expect(emulator.state.players.get(ROKU)?.lastNavigation).toBe(command);
    }
  });

  it('answers 404 to unknown commands and 400 to players without navigation', async () => {
    expect((await send('navigation/dance')).status).toBe(404);
    const ipad = await send('navigation/moveUp', {}, { target: IPAD });
    expect(ipad.status).toBe(400);
    expect(emulator.state.players.get(IPAD)?.lastNavigation).toBeUndefined();
  });
});

describe('targeting', () => {
  it('needs a known target the caller may control', async () => {
    const missing = await call(emulator, '/player/playback/pause', { query: { type: 'video' } });
    expect(missing.status).toBe(400);
    const unknown = await send('playback/pause', { type: 'video' }, { target: 'no-such-player' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('404 Not Found');
    const foreign = await send('playback/pause', {}, { token: tokenOf('jordan_k') });
    expect(foreign.status).toBe(403);
    const own = await send('playback/stop', {}, { target: IPAD, token: tokenOf('alex_home') });
    expect(own.status).toBe(200);
    // The target may also come as a query parameter.
    const viaQuery = await call(emulator, '/player/navigation/moveUp', {
      query: { 'X-Plex-Target-Client-Identifier': ROKU },
    });
    expect(viaQuery.status).toBe(200);
  });

  it('answers 400 to commands that need something playing, and stop is a no-op then', async () => {
    for (const [command, query] of [
      ['play', {}],
      ['pause', {}],
      ['seekTo', { offset: 1000 }],
      ['stepForward', {}],
      ['skipNext', {}],
      ['setStreams', { audioStreamID: 1 }],
    ] as const) {
      const response = await send(
        `playback/${command}`,
        { type: 'video', ...query },
        { target: IPAD },
      );
      expect(response.status, command).toBe(400);
    }
    const stop = await send('playback/stop', { type: 'video' }, { target: IPAD });
    expect(stop.status).toBe(200);
    expect((await send('playback/pause', { type: 'slideshow' })).status).toBe(400);
  });
});

describe('playback settings', () => {
  it('sets volume, shuffle and repeat on the type named, and rejects out-of-range values', async () => {
    const set = await send('playback/setParameters', {
      type: 'music',
      volume: 40,
      shuffle: 1,
      repeat: 2,
    });
    expect(set.status).toBe(200);
    const timeline = emulator.state.players.get(ROKU)?.timelines.music;
    expect(timeline).toMatchObject({ volume: 40, shuffle: true, repeat: 2 });
    expect(emulator.state.players.get(ROKU)?.timelines.video.volume).toBe(100);

    const { video } = await poll(ROKU);
    await send('playback/setParameters', { volume: 55 });
    expect((await poll(ROKU)).video).toMatchObject({ volume: 55, ratingKey: video.ratingKey });

    expect((await send('playback/setParameters', { volume: 101 })).status).toBe(400);
    expect((await send('playback/setParameters', { repeat: 3 })).status).toBe(400);
    expect((await send('playback/setParameters', { shuffle: 'yes' })).status).toBe(400);
  });

  it('steps forward 30 s and back 10 s, and seeks within the item', async () => {
    await send('playback/stepForward', { type: 'video' });
    expect((await poll()).video.time).toBe(2_502_000);
    await send('playback/stepBack', { type: 'video' });
    expect((await poll()).video.time).toBe(2_492_000);
    await send('playback/seekTo', { type: 'video', offset: 5_000 });
    await send('playback/stepBack', { type: 'video' });
    expect((await poll()).video.time).toBe(0);
    expect((await send('playback/seekTo', { type: 'video' })).status).toBe(400);
    expect((await send('playback/seekTo', { type: 'video', offset: -5 })).status).toBe(400);
    const session = emulator.state.sessions.get('12');
    expect(session?.viewOffset).toBe(0);
  });

  it('switches subtitles on and off and shows the chosen streams in the session', async () => {
    const charade = item('Charade');
    const streams = charade.media[0]?.parts[0]?.streams ?? [];
    const french = streams.find((s) => s.streamType === 3 && s.languageCode === 'fra');
    const audio = streams.find((s) => s.streamType === 2);
    expect(french).toBeDefined();

    const on = await send('playback/setStreams', {
      type: 'video',
      subtitleStreamID: french?.id ?? 0,
      audioStreamID: audio?.id ?? 0,
    });
    expect(on.status).toBe(200);
    expect((await poll()).video.subtitleStreamID).toBe(french?.id);
    const sessions = await call(emulator, '/status/sessions');
    const charadeSession = sessions.json.MediaContainer.Metadata.find(
      (m: { ratingKey: string }) => m.ratingKey === charade.ratingKey,
    );
    const played = charadeSession.Media[0].Part[0].Stream;
    expect(played.map((s: { id: string }) => s.id)).toContain(String(french?.id));
    expect(played.find((s: { streamType: number }) => s.streamType === 3)).toMatchObject({
      languageCode: 'fra',
      selected: true,
      location: 'direct',
    });

    await send('playback/setStreams', { type: 'video', subtitleStreamID: 0 });
    expect((await poll()).video.subtitleStreamID).toBe(0);

    // Unknown ids, and ids of the wrong kind, are refused.
    expect(
      (await send('playback/setStreams', { type: 'video', audioStreamID: 999_999 })).status,
    ).toBe(400);
    expect(
      (await send('playback/setStreams', { type: 'video', audioStreamID: french?.id ?? 0 })).status,
    ).toBe(400);
    expect(
      (await send('playback/setStreams', { type: 'music', audioStreamID: audio?.id ?? 0 })).status,
    ).toBe(400);
  });
});
