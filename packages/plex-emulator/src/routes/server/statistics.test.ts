import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import type { ItemRecord, SessionRecord } from '../../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';

const NOW = TEST_NOW_MS / 1000; // 2025-11-22T12:00:00Z
const HOUR = 3600;
const DAY = 86400;

function addPlayable(
  emulator: PlexEmulator,
  type: 'movie' | 'track',
  title: string,
  durationMs: number,
  kbps: number,
): ItemRecord {
  return emulator.state.addItem({
    type,
    sectionId: type === 'movie' ? 1 : 3,
    title,
    addedAt: NOW - 30 * DAY,
    duration: durationMs,
    media: [
      {
        id: emulator.state.nextId('media'),
        duration: durationMs,
        bitrate: kbps,
        container: type === 'movie' ? 'mkv' : 'flac',
        audioCodec: type === 'movie' ? 'aac' : 'flac',
        audioChannels: 2,
        parts: [],
      },
    ],
  });
}

function rokuSession(ratingKey: string, state: SessionRecord['state']): SessionRecord {
  return {
    sessionKey: '1',
    id: 'session-1',
    ratingKey,
    accountId: 1,
    playerId: 'roku-lr-7f3a',
    state,
    viewOffset: 1_200_000,
    bandwidth: 4000,
    location: 'lan',
    startedAt: NOW - 600,
  };
}

/**
 * A library with known plays: the owner watched a 100-minute 8 Mbps movie on the living-room
 * TV ending yesterday 12:30, jordan_k (a friend) played a 4-minute 320 kbps track on his phone
 * ending today 10:00, and the owner streams 4 Mbps to the TV right now, started 10 minutes ago.
 */
function scenario(): { emulator: PlexEmulator; movie: ItemRecord; track: ItemRecord } {
  const emulator = testEmulator({ library: 'empty' });
  const movie = addPlayable(emulator, 'movie', 'Test Movie', 6_000_000, 8000);
  const track = addPlayable(emulator, 'track', 'Test Track', 240_000, 320);
  emulator.state.history.push(
    {
      historyKey: 1,
      ratingKey: movie.ratingKey,
      accountId: 1,
      deviceId: 1,
      viewedAt: NOW - DAY + 1800,
    },
    {
      historyKey: 2,
      ratingKey: track.ratingKey,
      accountId: 3,
      deviceId: 4,
      viewedAt: NOW - 2 * HOUR,
    },
  );
  emulator.state.sessions.set('1', rokuSession(movie.ratingKey, 'playing'));
  return { emulator, movie, track };
}

function friendToken(emulator: PlexEmulator): string {
  return emulator.state.accounts.get(3)!.serverToken;
}

describe('GET /statistics/bandwidth', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('bins bytes per account, device and LAN/WAN by hour from history and sessions', async () => {
    ({ emulator } = scenario());
    const { status, json } = await call(emulator, '/statistics/bandwidth', {
      query: { timespan: 4 },
    });
    expect(status).toBe(200);
    const mc = json.MediaContainer;
    const row = (accountID: number, deviceID: number, at: number, lan: boolean, bytes: number) => ({
      accountID,
      deviceID,
      timespan: 4,
      at,
      lan,
      bytes,
    });
    // The movie ran 10:50–12:30 yesterday at 1,000,000 B/s; the track 09:56–10:00 today at
    // 40,000 B/s from outside the home; the session 11:50–12:00 today at 500,000 B/s.
    expect(mc.StatisticsBandwidth).toEqual([
      row(1, 1, NOW - DAY - 2 * HOUR, true, 600_000_000),
      row(1, 1, NOW - DAY - HOUR, true, 3_600_000_000),
      row(1, 1, NOW - DAY, true, 1_800_000_000),
      row(3, 4, NOW - 3 * HOUR, false, 9_600_000),
      row(1, 1, NOW - HOUR, true, 300_000_000),
    ]);
    expect(mc.size).toBe(5);
    expect(mc.Device.map((d: { id: number }) => d.id)).toEqual([1, 4]);
    expect(mc.Device[1]).toEqual({
      id: 4,
      name: "Jordan's Phone",
      platform: 'Android',
      clientIdentifier: 'android-jk-0b7e',
      createdAt: expect.any(Number),
    });
    expect(mc.Account.map((a: { id: number; name: string }) => [a.id, a.name])).toEqual([
      [1, 'demo_owner'],
      [3, 'jordan_k'],
    ]);
  });

  it('sums whole plays into day bins', async () => {
    ({ emulator } = scenario());
    const rows = (await call(emulator, '/statistics/bandwidth', { query: { timespan: 3 } })).json
      .MediaContainer.StatisticsBandwidth;
    expect(rows.map((r: { at: number; bytes: number }) => [r.at, r.bytes])).toEqual([
      [NOW - DAY - 12 * HOUR, 6_000_000_000],
      [NOW - 12 * HOUR, 300_000_000],
      [NOW - 12 * HOUR, 9_600_000],
    ]);
    expect(rows.every((r: { timespan: number }) => r.timespan === 3)).toBe(true);
  });

  it('defaults to live 5-second samples over the last two minutes', async () => {
    ({ emulator } = scenario());
    const rows = (await call(emulator, '/statistics/bandwidth')).json.MediaContainer
      .StatisticsBandwidth;
    expect(rows).toHaveLength(24);
    rows.forEach((r: Record<string, unknown>, i: number) => {
      expect(r).toEqual({
        accountID: 1,
        deviceID: 1,
        timespan: 6,
        at: NOW - 120 + 5 * i,
        lan: true,
        bytes: 2_500_000,
      });
    });
  });

  it('shows no live traffic for a paused session', async () => {
    ({ emulator } = scenario());
    emulator.state.sessions.get('1')!.state = 'paused';
    const mc = (await call(emulator, '/statistics/bandwidth', { query: { timespan: 6 } })).json
      .MediaContainer;
    expect(mc.size).toBe(0);
    expect(mc.StatisticsBandwidth).toBeUndefined();
    expect(mc.Device).toBeUndefined();
  });

  it('filters by accountID, deviceID, lan, at and bytes with Plex operators', async () => {
    ({ emulator } = scenario());
    const rows = async (query: Record<string, string | number>) =>
      (await call(emulator, '/statistics/bandwidth', { query: { timespan: 4, ...query } })).json
        .MediaContainer.StatisticsBandwidth ?? [];

    const friend = await rows({ accountID: 3 });
    expect(friend).toEqual([expect.objectContaining({ accountID: 3, lan: false })]);
    expect(await rows({ deviceID: 4 })).toEqual(friend);
    expect((await rows({ lan: 1 })).every((r: { lan: boolean }) => r.lan)).toBe(true);
    expect(await rows({ lan: 0 })).toEqual(friend);
    // python-plexapi sends `at>=` as the urlencoded key `at>`; `>>` is strictly greater.
    expect((await rows({ 'at>': NOW - DAY })).map((r: { at: number }) => r.at)).toEqual([
      NOW - DAY,
      NOW - 3 * HOUR,
      NOW - HOUR,
    ]);
    expect(await rows({ 'at>>': NOW - DAY })).toHaveLength(2);
    expect(await rows({ 'at<': NOW - DAY - HOUR })).toHaveLength(2);
    expect(
      (await rows({ 'bytes>': 1_000_000_000 })).map((r: { bytes: number }) => r.bytes),
    ).toEqual([3_600_000_000, 1_800_000_000]);
    expect(await rows({ accountID: 2 })).toEqual([]);
  });

  it('answers 400 for an unknown timespan or a malformed filter', async () => {
    ({ emulator } = scenario());
    for (const query of [
      { timespan: 5 },
      { timespan: 'hours' },
      { lan: 'maybe' },
      { 'at>': 'x' },
    ]) {
      const response = await call(emulator, '/statistics/bandwidth', { query });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.text).toContain('400 Bad Request');
    }
  });

  it('is for the admin: 401 without a token, 403 for a shared user', async () => {
    ({ emulator } = scenario());
    expect((await call(emulator, '/statistics/bandwidth', { token: null })).status).toBe(401);
    const shared = await call(emulator, '/statistics/bandwidth', { token: friendToken(emulator) });
    expect(shared.status).toBe(403);
  });

  it('agrees with the demo history: every referenced id is listed, friends stream remotely', async () => {
    emulator = testEmulator();
    const mc = (await call(emulator, '/statistics/bandwidth', { query: { timespan: 3 } })).json
      .MediaContainer;
    expect(mc.size).toBeGreaterThan(0);
    const deviceIds = new Set(mc.Device.map((d: { id: number }) => d.id));
    const accountIds = new Set(mc.Account.map((a: { id: number }) => a.id));
    const playedBy = new Set(emulator.state.history.map((play) => play.accountId));
    for (const row of mc.StatisticsBandwidth) {
      expect(deviceIds.has(row.deviceID)).toBe(true);
      expect(accountIds.has(row.accountID)).toBe(true);
      expect(Number.isInteger(row.bytes) && row.bytes > 0).toBe(true);
      if (emulator.state.accounts.get(row.accountID)?.kind === 'friend' && row.deviceID === 4) {
        expect(row.lan).toBe(false);
      }
    }
    expect(accountIds).toEqual(playedBy);
  });
});

describe('GET /statistics/media', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('counts plays and their seconds per account, device, type and bin', async () => {
    let movie: ItemRecord;
    ({ emulator, movie } = scenario());
    emulator.state.history.push({
      historyKey: 3,
      ratingKey: movie.ratingKey,
      accountId: 1,
      deviceId: 1,
      viewedAt: NOW - DAY + 9 * HOUR,
    });
    const { status, json } = await call(emulator, '/statistics/media', { query: { timespan: 3 } });
    expect(status).toBe(200);
    const mc = json.MediaContainer;
    expect(mc.StatisticsMedia).toEqual([
      {
        accountID: 1,
        deviceID: 1,
        timespan: 3,
        at: NOW - DAY - 12 * HOUR,
        metadataType: 1,
        count: 2,
        duration: 12_000,
      },
      {
        accountID: 3,
        deviceID: 4,
        timespan: 3,
        at: NOW - 12 * HOUR,
        metadataType: 10,
        count: 1,
        duration: 240,
      },
    ]);
    expect(mc.size).toBe(2);
    expect(mc.Account.map((a: { id: number }) => a.id)).toEqual([1, 3]);
    expect(mc.Device.map((d: { id: number }) => d.id)).toEqual([1, 4]);
  });

  it('defaults to hour bins and filters by metadataType', async () => {
    ({ emulator } = scenario());
    const all = (await call(emulator, '/statistics/media')).json.MediaContainer.StatisticsMedia;
    expect(all.map((r: { timespan: number; at: number }) => [r.timespan, r.at])).toEqual([
      [4, NOW - DAY],
      [4, NOW - 2 * HOUR],
    ]);
    const tracks = (await call(emulator, '/statistics/media', { query: { metadataType: 10 } })).json
      .MediaContainer.StatisticsMedia;
    expect(tracks).toEqual([expect.objectContaining({ metadataType: 10, accountID: 3, count: 1 })]);
  });

  it('counts every demo play once', async () => {
    emulator = testEmulator();
    const rows = (await call(emulator, '/statistics/media', { query: { timespan: 1 } })).json
      .MediaContainer.StatisticsMedia;
    const total = rows.reduce((sum: number, r: { count: number }) => sum + r.count, 0);
    expect(total).toBe(emulator.state.history.length);
  });

  it('answers 400 for a bad timespan and 403 to a shared user', async () => {
    ({ emulator } = scenario());
    expect((await call(emulator, '/statistics/media', { query: { timespan: 0 } })).status).toBe(
      400,
    );
    const shared = await call(emulator, '/statistics/media', { token: friendToken(emulator) });
    expect(shared.status).toBe(403);
  });
});

describe('GET /statistics/resources', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers 24 five-second samples ending now, with percentages', async () => {
    ({ emulator } = scenario());
    const { status, json } = await call(emulator, '/statistics/resources', {
      query: { timespan: 6 },
    });
    expect(status).toBe(200);
    const rows = json.MediaContainer.StatisticsResources;
    expect(json.MediaContainer.size).toBe(24);
    expect(rows.map((r: { at: number }) => r.at)).toEqual(
      Array.from({ length: 24 }, (_, i) => NOW - 115 + 5 * i),
    );
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'at',
        'hostCpuUtilization',
        'hostMemoryUtilization',
        'processCpuUtilization',
        'processMemoryUtilization',
        'timespan',
      ]);
      expect(row.timespan).toBe(6);
      for (const key of [
        'hostCpuUtilization',
        'hostMemoryUtilization',
        'processMemoryUtilization',
      ]) {
        expect(row[key]).toBeGreaterThan(0);
        expect(row[key]).toBeLessThanOrEqual(100);
      }
      expect(row.processCpuUtilization).toBeLessThanOrEqual(row.hostCpuUtilization);
    }
  });

  it('is deterministic and rises when the server transcodes', async () => {
    ({ emulator } = scenario());
    const latest = async () =>
      (await call(emulator, '/statistics/resources', { query: { timespan: 6 } })).json
        .MediaContainer.StatisticsResources[23];
    const first = await latest();
    expect(await latest()).toEqual(first);
    emulator.state.sessions.get('1')!.transcode = {
      key: '/transcode/sessions/t1',
      videoDecision: 'transcode',
      audioDecision: 'copy',
      sourceAudioCodec: 'aac',
      audioCodec: 'aac',
      audioChannels: 2,
      container: 'mpegts',
      protocol: 'hls',
      progress: 10,
      speed: 1.5,
      throttled: false,
      transcodeHwRequested: false,
      reasons: [],
    };
    const busy = await latest();
    expect(busy.processCpuUtilization).toBeGreaterThan(first.processCpuUtilization + 10);
    expect(busy.hostCpuUtilization).toBeGreaterThan(first.hostCpuUtilization + 10);
    expect(busy.processMemoryUtilization).toBeGreaterThan(first.processMemoryUtilization);
  });

  it('defaults to seconds, bins hours for timespan 4 and is admin-only', async () => {
    ({ emulator } = scenario());
    const seconds = (await call(emulator, '/statistics/resources')).json.MediaContainer;
    expect(seconds.StatisticsResources[0].timespan).toBe(6);
    const hours = (await call(emulator, '/statistics/resources', { query: { timespan: 4 } })).json
      .MediaContainer.StatisticsResources;
    expect(hours.at(-1)).toMatchObject({ timespan: 4, at: NOW });
    expect(hours[0].at).toBe(NOW - 23 * HOUR);
    expect((await call(emulator, '/statistics/resources', { token: null })).status).toBe(401);
    const shared = await call(emulator, '/statistics/resources', { token: friendToken(emulator) });
    expect(shared.status).toBe(403);
  });
});
