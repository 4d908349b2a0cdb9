import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { expectNoTokens } from './tokens.test-support.js';

const TOOL = 'user_get_watch_history';

describe('user_get_watch_history', () => {
  it("pages the default user's (the owner's) plays, newest first", async () => {
    const h = toolHarness();
    const data = await h.data(TOOL);
    expect(data.user).toEqual({ username: 'demo_owner', title: 'Demo Owner' });
    expect(data).toMatchObject({ total: 15, offset: 0, limit: 50, has_more: false });
    expect(data.plays[0]).toMatchObject({
      item: { type: 'episode', show: 'One Step Beyond', season: 1, episode: 2 },
      device: { name: 'Chrome', platform: 'Chrome' },
    });
    const times = data.plays.map((p) => Date.parse(p.viewed_at ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const page = await h.data(TOOL, { limit: 5, offset: 5 });
    expect(page).toMatchObject({ total: 15, offset: 5, limit: 5, has_more: true });
    expect(page.plays.map((p) => p.history_id)).toEqual(
      data.plays.slice(5, 10).map((p) => p.history_id),
    );
  });

  it("filters another user's plays by type and date", async () => {
    const h = toolHarness();
    const sam = await h.data(TOOL, { username: 'sam.rivera' });
    expect(sam.total).toBe(4);
    expectNoTokens(h, sam);
    const tracks = await h.data(TOOL, { username: 'sam.rivera', media_type: 'track' });
    expect(tracks.total).toBe(2);
    expect(tracks.plays.map((p) => p.item.artist).sort()).toEqual([
      'Erik Satie',
      'Johann Sebastian Bach',
    ]);
    const owner = await h.data(TOOL);
    const since = owner.plays[2]?.viewed_at ?? '';
    const recent = await h.data(TOOL, { since });
    expect(recent.plays.map((p) => p.history_id)).toEqual(
      owner.plays.slice(0, 3).map((p) => p.history_id),
    );
    const movies = await h.data(TOOL, { media_type: 'movie' });
    expect(movies.total).toBe(8);
    expect(movies.plays.every((p) => p.item.type === 'movie')).toBe(true);
  });

  it('filters by type across several libraries of that kind', async () => {
    const h = toolHarness();
    const movies = h.emulator.state.sections.get(1);
    if (!movies) throw new Error('no Movies section');
    h.emulator.state.sections.set(9, { ...movies, id: 9, title: 'More Movies' });
    const data = await h.data(TOOL, { media_type: 'movie', limit: 3, offset: 2 });
    expect(data).toMatchObject({ total: 8, offset: 2, limit: 3, has_more: true });
    expect(data.plays).toHaveLength(3);
    expect(data.plays.every((p) => p.item.type === 'movie')).toBe(true);
  });

  it('reports unknown users and bad dates', async () => {
    const h = toolHarness();
    expect(await h.call(TOOL, { username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call(TOOL, { since: 'last tuesday' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call(TOOL, { media_type: 'show' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('user_get_watch_history when a detail is refused', () => {
  it('lists the plays with device names null when the device list is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/devices', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL);
    expect(data).toMatchObject({ total: 15, has_more: false });
    expect(data.plays[0]?.device).toMatchObject({ name: null, platform: null });
    expect(data.plays[0]?.device.id).toEqual(expect.any(Number));
    expect(data.warnings).toEqual(['device names unavailable: Plex refused (403)']);
  });

  it("says plex.tv's users are missing when plex.tv is refused", async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: h.emulator.plexTvPath, errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL);
    expect(data.total).toBe(15);
    expect(data.warnings).toEqual([
      "plex.tv users unavailable: plex.tv refused (403); only the server's own accounts are known",
    ]);
  });

  it('still fails when the history itself is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: '/status/sessions/history',
      errorRate: 1,
      errorStatus: 403,
    });
    expect(await h.call(TOOL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
