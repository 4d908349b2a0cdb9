import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import type { PlexNotification } from '../services/notifications.js';
import { call, testEmulator } from '../testing/harness.js';

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});
afterEach(() => emulator.close());

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

function playing(): Record<string, unknown>[] {
  return emulator.notifications
    .history()
    .filter((n: PlexNotification) => n.type === 'playing')
    .flatMap((n) => n.entries);
}

const ROKU = { 'X-Plex-Target-Client-Identifier': 'roku-lr-7f3a' };

describe('GET /status/sessions', () => {
  it('renders every session for the owner with the fields and types PMS sends', async () => {
    const response = await call(emulator, '/status/sessions');
    expect(response.status).toBe(200);
    const { MediaContainer: mc } = response.json;
    expect(mc.size).toBe(2);
    const [movie, episode] = mc.Metadata;

    expect(movie).toMatchObject({
      ratingKey: item('Charade').ratingKey,
      key: `/library/metadata/${item('Charade').ratingKey}`,
      type: 'movie',
      title: 'Charade',
      librarySectionID: '1',
      librarySectionTitle: 'Movies',
      sessionKey: '12',
      viewOffset: 2_472_000,
    });
    expect(movie.Media).toHaveLength(1);
    const [media] = movie.Media;
    expect(media).toMatchObject({ selected: true, container: 'mkv', videoCodec: 'h264' });
    expect(typeof media.id).toBe('string');
    const [part] = media.Part;
    expect(part).toMatchObject({ decision: 'directplay', selected: true });
    expect(typeof part.id).toBe('string');
    expect(part.Stream.map((s: { streamType: number }) => s.streamType)).toEqual([1, 2]);
    for (const stream of part.Stream) {
      expect(stream).toMatchObject({ selected: true, location: 'direct' });
      expect(typeof stream.id).toBe('string');
    }
    expect(movie.User).toEqual({
      id: '1',
      thumb: 'https://plex.tv/users/a1b2c3d4e5f60718/avatar',
      title: 'Demo Owner',
    });
    expect(movie.Player).toEqual({
      address: '192.168.1.40',
      device: 'Roku Ultra',
      machineIdentifier: 'roku-lr-7f3a',
      model: '4850X',
      platform: 'Roku',
      platformVersion: '12.5.0',
      product: 'Plex for Roku',
      profile: 'Roku',
      remotePublicAddress: '203.0.113.24',
      state: 'playing',
      title: 'Living Room TV',
      vendor: 'Roku',
      version: '8.3.1.1456',
      local: true,
      relayed: false,
      secure: true,
      userID: 1,
    });
    expect(movie.Session).toEqual({
      id: 'k2x9f7m3q8w1c5v6b0n4h2jd',
      bandwidth: 8906,
      location: 'lan',
    });
    expect(movie.TranscodeSession).toBeUndefined();

    expect(episode).toMatchObject({
      type: 'episode',
      title: 'The Mission',
      grandparentTitle: 'Bonanza',
      parentIndex: 2,
      index: 2,
      librarySectionID: '2',
      sessionKey: '27',
      User: { id: '3', title: 'jordan_k' },
      Player: {
        machineIdentifier: 'android-jk-0b7e',
        title: "Jordan's Phone",
        platform: 'Android',
        product: 'Plex for Android (Mobile)',
        state: 'playing',
        local: false,
        userID: 3,
      },
      Session: { id: 'p7r3t9w2y5u1i8o4a6s0d3fg', bandwidth: 2250, location: 'wan' },
    });
    expect(episode.Media[0]).toMatchObject({
      container: 'mpegts',
      protocol: 'hls',
      selected: true,
    });
    expect(episode.Media[0].Part[0].decision).toBe('transcode');
    const streams = episode.Media[0].Part[0].Stream;
    expect(streams[0]).toMatchObject({
      streamType: 1,
      decision: 'transcode',
      location: 'segments-video',
    });
    expect(streams[1]).toMatchObject({
      streamType: 2,
      decision: 'copy',
      location: 'segments-audio',
    });
    expect(episode.TranscodeSession).toMatchObject({
      key: '/transcode/sessions/6f1c9e2a7b4d8053c1e7a9f2',
      throttled: true,
      complete: false,
      progress: 46.2,
      speed: 3.4,
      context: 'streaming',
      videoDecision: 'transcode',
      audioDecision: 'copy',
      sourceVideoCodec: 'h264',
      sourceAudioCodec: 'aac',
      videoCodec: 'h264',
      audioCodec: 'aac',
      audioChannels: 1,
      protocol: 'hls',
      container: 'mpegts',
      transcodeHwRequested: true,
      duration: item('The Mission').duration,
    });
    expect(typeof episode.TranscodeSession.remaining).toBe('number');
    expect(typeof episode.TranscodeSession.maxOffsetAvailable).toBe('number');
  });

  it('shows other accounts only their own sessions', async () => {
    const jordan = await call(emulator, '/status/sessions', { token: tokenOf('jordan_k') });
    expect(jordan.json.MediaContainer.size).toBe(1);
    expect(jordan.json.MediaContainer.Metadata[0].sessionKey).toBe('27');

    const alex = await call(emulator, '/status/sessions', { token: tokenOf('alex_home') });
    expect(alex.json).toEqual({ MediaContainer: { size: 0 } });
  });

  it('needs a token', async () => {
    const response = await call(emulator, '/status/sessions', { token: null });
    expect(response.status).toBe(401);
    expect(response.text).toContain('401 Unauthorized');
  });
});

describe('/status/sessions/terminate', () => {
  it('stops an emulated player’s session: gone from sessions, player stopped, notification', async () => {
    const charade = item('Charade');
    const response = await call(emulator, '/status/sessions/terminate', {
      query: { sessionId: 'k2x9f7m3q8w1c5v6b0n4h2jd', reason: 'Bedtime' },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const sessions = await call(emulator, '/status/sessions');
    expect(
      sessions.json.MediaContainer.Metadata.map((m: { sessionKey: string }) => m.sessionKey),
    ).toEqual(['27']);

    const poll = await call(emulator, '/player/timeline/poll', { headers: ROKU });
    const video = poll.json.MediaContainer.Timeline.find(
      (t: { type: string }) => t.type === 'video',
    );
    expect(video.state).toBe('stopped');
    expect(poll.json.MediaContainer.location).toBe('navigation');

    expect(playing().at(-1)).toMatchObject({
      sessionKey: '12',
      clientIdentifier: 'roku-lr-7f3a',
      ratingKey: charade.ratingKey,
      state: 'stopped',
      viewOffset: 2_472_000,
    });
    // Stopped part-way: the position stays as the owner's resume point, no play recorded.
    expect(emulator.state.watchState(1, charade.ratingKey).viewOffset).toBe(2_472_000);
    expect(emulator.state.history).toHaveLength(26);
  });

  it('accepts POST and tells the terminated client why on its next timeline report', async () => {
    const mission = item('The Mission');
    const response = await call(emulator, '/status/sessions/terminate', {
      method: 'POST',
      query: { sessionId: 'p7r3t9w2y5u1i8o4a6s0d3fg', reason: 'Server maintenance' },
    });
    expect(response.status).toBe(200);
    expect(emulator.state.sessions.has('27')).toBe(false);
    expect(emulator.state.server.transcoderActiveVideoSessions).toBe(0);

    const report = await call(emulator, '/:/timeline', {
      token: tokenOf('jordan_k'),
      headers: { 'X-Plex-Client-Identifier': 'android-jk-0b7e' },
      query: {
        ratingKey: mission.ratingKey,
        state: 'playing',
        time: 1_090_000,
        duration: 3_011_000,
      },
    });
    expect(report.json).toEqual({
      MediaContainer: {
        size: 0,
        terminationCode: 2006,
        terminationText: 'Admin terminated playback with reason: Server maintenance',
      },
    });
    // The report did not bring the session back.
    expect(emulator.state.sessions.size).toBe(1);
  });

  it('is for the owner only, and answers 403/404 as PMS does', async () => {
    const friend = await call(emulator, '/status/sessions/terminate', {
      token: tokenOf('jordan_k'),
      query: { sessionId: 'p7r3t9w2y5u1i8o4a6s0d3fg' },
    });
    expect(friend.status).toBe(403);
    const empty = await call(emulator, '/status/sessions/terminate');
    expect(empty.status).toBe(403);
    expect(empty.text).toContain('403 Forbidden');
    const unknown = await call(emulator, '/status/sessions/terminate', {
      query: { sessionId: 'nosuchsession' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('404 Not Found');
    // The sessionKey is not the session id.
    const byKey = await call(emulator, '/status/sessions/terminate', {
      query: { sessionId: '12' },
    });
    expect(byKey.status).toBe(404);
    expect(emulator.state.sessions.size).toBe(2);
  });
});

describe('/:/timeline', () => {
  const client = {
    'X-Plex-Client-Identifier': 'web-new-9a1f',
    'X-Plex-Device-Name': 'Firefox',
    'X-Plex-Platform': 'Firefox',
  };

  it('keeps a client’s session, resume point and history in step with its reports', async () => {
    const general = item('The General');
    const duration = general.duration ?? 0;
    const report = (state: string, time: number) =>
      call(emulator, '/:/timeline', {
        headers: client,
        query: {
          ratingKey: general.ratingKey,
          key: `/library/metadata/${general.ratingKey}`,
          state,
          time,
          duration,
        },
      });

    expect((await report('playing', 5_000)).json).toEqual({ MediaContainer: { size: 0 } });
    let sessions = (await call(emulator, '/status/sessions')).json.MediaContainer.Metadata;
    const session = sessions.find((s: { ratingKey: string }) => s.ratingKey === general.ratingKey);
    expect(session).toMatchObject({
      viewOffset: 5_000,
      User: { id: '1' },
      Player: {
        machineIdentifier: 'web-new-9a1f',
        title: 'Firefox',
        platform: 'Firefox',
        state: 'playing',
      },
    });
    expect(Number(session.sessionKey)).toBeGreaterThan(27);
    const device = emulator.state.devices.find((d) => d.clientIdentifier === 'web-new-9a1f');
    expect(device).toMatchObject({ name: 'Firefox', platform: 'Firefox' });
    expect(playing().at(-1)).toMatchObject({
      state: 'playing',
      viewOffset: 5_000,
      clientIdentifier: 'web-new-9a1f',
    });

    await report('paused', 600_000);
    sessions = (await call(emulator, '/status/sessions')).json.MediaContainer.Metadata;
    expect(
      sessions.find((s: { ratingKey: string }) => s.ratingKey === general.ratingKey).Player.state,
    ).toBe('paused');
    expect(emulator.state.watchState(1, general.ratingKey).viewOffset).toBe(600_000);

    const before = emulator.state.watchState(1, general.ratingKey).viewCount;
    await report('playing', Math.ceil(duration * 0.95));
    expect(emulator.state.watchState(1, general.ratingKey).viewCount).toBe(before + 1);
    expect(emulator.state.history.at(-1)).toMatchObject({
      ratingKey: general.ratingKey,
      accountId: 1,
      deviceId: device?.id,
    });

    await report('stopped', duration);
    sessions = (await call(emulator, '/status/sessions')).json.MediaContainer.Metadata;
    expect(sessions.some((s: { ratingKey: string }) => s.ratingKey === general.ratingKey)).toBe(
      false,
    );
    // One scrobble per session, even though the stop came after the mark too.
    expect(emulator.state.watchState(1, general.ratingKey).viewCount).toBe(before + 1);
    expect(playing().at(-1)).toMatchObject({ state: 'stopped', ratingKey: general.ratingKey });
  });

  it('drives an emulated player when the player itself reports', async () => {
    const detour = item('Detour');
    await call(emulator, '/:/timeline', {
      headers: { 'X-Plex-Client-Identifier': 'roku-lr-7f3a' },
      query: { ratingKey: detour.ratingKey, state: 'paused', time: 42_000 },
    });
    const poll = await call(emulator, '/player/timeline/poll', { headers: ROKU });
    const video = poll.json.MediaContainer.Timeline.find(
      (t: { type: string }) => t.type === 'video',
    );
    expect(video).toMatchObject({ state: 'paused', ratingKey: detour.ratingKey, time: 42_000 });
    // Charade was replaced on the same player.
    const keys = [...emulator.state.sessions.values()].map((s) => s.ratingKey);
    expect(keys).toContain(detour.ratingKey);
    expect(keys).not.toContain(item('Charade').ratingKey);
  });

  it('rejects bad reports', async () => {
    const general = item('The General');
    const noClient = await call(emulator, '/:/timeline', {
      query: { ratingKey: general.ratingKey, state: 'playing', time: 0 },
    });
    expect(noClient.status).toBe(400);
    const badState = await call(emulator, '/:/timeline', {
      headers: client,
      query: { ratingKey: general.ratingKey, state: 'dancing', time: 0 },
    });
    expect(badState.status).toBe(400);
    const unknown = await call(emulator, '/:/timeline', {
      headers: client,
      query: { ratingKey: '999999', state: 'playing', time: 0 },
    });
    expect(unknown.status).toBe(404);
    expect(emulator.state.sessions.size).toBe(2);
  });
});
