import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_NOW_MS, type ToolHarness, toolHarness } from '../../testing/harness.js';
import { expectNoTokens } from './tokens.test-support.js';

const TOOL = 'user_get_statistics';
const NOW = TEST_NOW_MS / 1000;
const DAY = 86_400;

/** What the demo history says for a window, computed from the emulator's own records. */
function expected(h: ToolHarness, sinceSeconds: number, accountId?: number) {
  const plays = h.emulator.state.history.filter(
    (p) => p.viewedAt >= sinceSeconds && (accountId === undefined || p.accountId === accountId),
  );
  const ms = plays.reduce(
    (sum, p) => sum + (h.emulator.state.items.get(p.ratingKey)?.duration ?? 0),
    0,
  );
  const perAccount = new Map<number, number>();
  for (const p of plays) perAccount.set(p.accountId, (perAccount.get(p.accountId) ?? 0) + 1);
  return { plays: plays.length, ms, perAccount };
}

describe('user_get_statistics', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TEST_NOW_MS);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aggregates every user over the last 30 days', async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, { time_period: 'last_30_days' });
    const want = expected(h, NOW - 30 * DAY);
    expect(want.plays).toBeGreaterThan(5);
    expect(want.ms).toBeGreaterThan(0);
    expect(data.since).toBe(new Date((NOW - 30 * DAY) * 1000).toISOString());
    expect(data.until).toBe(new Date(TEST_NOW_MS).toISOString());
    expect(data.totals).toEqual({
      users: want.perAccount.size,
      plays: want.plays,
      watch_time_ms: want.ms,
    });
    expect(data.plays_without_duration).toBe(0);
    expectNoTokens(h, data);
    for (const user of data.users) {
      expect(user.plays).toBe(want.perAccount.get(user.account_id ?? -1));
      expect(user.by_media_type.reduce((s, t) => s + t.plays, 0)).toBe(user.plays);
      expect(user.devices.reduce((s, d) => s + d.plays, 0)).toBe(user.plays);
    }
    const plays = data.users.map((u) => u.plays);
    expect([...plays].sort((a, b) => b - a)).toEqual(plays);
    const owner = data.users.find((u) => u.username === 'demo_owner');
    expect(owner?.devices.map((d) => d.name).sort()).toEqual(['Chrome', 'Living Room TV']);
  });

  it("gives one user's totals by type and device over all time", async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, { time_period: 'all_time', username: 'jordan_k' });
    expect(data.since).toBeUndefined();
    expect(data.users).toHaveLength(1);
    const want = expected(h, 0, 3);
    expect(data.users[0]).toMatchObject({
      username: 'jordan_k',
      account_id: 3,
      plays: 3,
      watch_time_ms: want.ms,
      devices: [{ name: "Jordan's Phone", platform: 'Android', plays: 3 }],
    });
    expect(data.users[0]?.by_media_type).toEqual([
      expect.objectContaining({ type: 'episode', plays: 2 }),
      expect.objectContaining({ type: 'movie', plays: 1 }),
    ]);
  });

  it('answers zeros for a quiet window', async () => {
    const h = toolHarness();
    const all = await h.data(TOOL, { time_period: 'last_24_hours' });
    expect(all).toMatchObject({ users: [], totals: { users: 0, plays: 0, watch_time_ms: 0 } });
    const one = await h.data(TOOL, { time_period: 'last_24_hours', username: 'Alex' });
    expect(one.users).toEqual([
      {
        username: 'alex_home',
        account_id: 2,
        plays: 0,
        watch_time_ms: 0,
        by_media_type: [],
        devices: [],
      },
    ]);
  });

  it('reads only the window, page by page', async () => {
    const h = toolHarness();
    const { history } = h.emulator.state;
    const sample = history[0];
    if (!sample) throw new Error('no history');
    // 600 plays two years ago (outside the window) and 450 in the last week (three pages).
    for (let i = 0; i < 600; i++)
      history.push({ ...sample, historyKey: 100_000 + i, viewedAt: NOW - 730 * DAY + i });
    for (let i = 0; i < 450; i++)
      history.push({ ...sample, historyKey: 200_000 + i, viewedAt: NOW - 3 * DAY + i });
    const want = expected(h, NOW - 7 * DAY);
    const data = await h.data(TOOL, { time_period: 'last_7_days' });
    expect(data.totals.plays).toBe(want.plays);
    expect(want.plays).toBeGreaterThanOrEqual(450);
    const reads = h.progress.filter((p) => p.message === 'Reading play history');
    expect(reads.length).toBe(Math.ceil(want.plays / 200));
    expect(reads.every((p) => p.total === want.plays)).toBe(true);
  });

  it('rejects an unknown period or user', async () => {
    const h = toolHarness();
    expect(await h.call(TOOL, { time_period: 'last_week' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call(TOOL, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call(TOOL, { time_period: 'all_time', username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('user_get_statistics when a detail is refused', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TEST_NOW_MS);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts the plays with user names null when the account list is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/accounts', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL, { time_period: 'last_30_days' });
    const want = expected(h, NOW - 30 * DAY);
    expect(data.totals.plays).toBe(want.plays);
    expect(data.users.map((u) => u.username)).toEqual(data.users.map(() => null));
    expect(data.users.every((u) => u.account_id !== undefined)).toBe(true);
    expect(data.warnings).toEqual(['user names unavailable: Plex refused (403)']);
  });

  it('counts per device with device names null when the device list is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/devices', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL, { time_period: 'all_time', username: 'jordan_k' });
    expect(data.users[0]).toMatchObject({
      username: 'jordan_k',
      plays: 3,
      devices: [{ name: null, platform: null, plays: 3 }],
    });
    expect(data.warnings).toEqual(['device names unavailable: Plex refused (403)']);
  });

  it('counts plays without watch time when the durations are refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/library/metadata/', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL, { time_period: 'all_time', username: 'jordan_k' });
    expect(data.totals).toEqual({ users: 1, plays: 3, watch_time_ms: 0 });
    expect(data.plays_without_duration).toBe(3);
    expect(data.warnings).toEqual(['some durations unavailable: Plex refused (403)']);
  });

  it('still fails when the play history itself is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: '/status/sessions/history',
      errorRate: 1,
      errorStatus: 403,
    });
    expect(await h.call(TOOL, { time_period: 'all_time' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
