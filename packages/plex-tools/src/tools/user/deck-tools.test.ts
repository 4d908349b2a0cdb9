import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS, toolHarness } from '../../testing/harness.js';
import { expectNoTokens } from './tokens.test-support.js';

// On Deck and Continue Watching share their input, output and the way they act as a user; the
// same behaviour is checked for both.

describe.each([
  ['user_get_on_deck', 'On Deck'],
  ['user_get_continue_watching', 'Continue Watching'],
] as const)('%s', (TOOL, list) => {
  it("lists the owner's in-progress items and next episodes with progress", async () => {
    const h = toolHarness();
    const data = await h.data(TOOL);
    expect(data.user.username).toBe('demo_owner');
    expectNoTokens(h, data);
    expect(data).toMatchObject({ total: 4, has_more: false });
    expect(data.items[0]).toMatchObject({
      title: 'Charade',
      type: 'movie',
      position_ms: 2_472_000,
      duration_ms: 6_780_000,
      progress_percent: 36.5,
    });
    expect(data.items[1]).toMatchObject({ type: 'episode', show: 'Bonanza', season: 1 });
    expect(data.items[2]).toMatchObject({ show: 'One Step Beyond', progress_percent: 0 });
    const page = await h.data(TOOL, { username: 'Demo Owner', limit: 2 });
    expect(page).toMatchObject({ total: 4, limit: 2, has_more: true });
    expect(page.items.map((i) => i.title)).toEqual(['Charade', 'The Newcomers']);
  });

  it(`shows a home user's and a friend's own ${list}, not the owner's`, async () => {
    const h = toolHarness();
    const { state } = h.emulator;
    const keyOf = (title: string) =>
      [...state.items.values()].find((item) => item.title === title)?.ratingKey ?? '';
    const now = Math.floor(TEST_NOW_MS / 1000);
    const account = (username: string) =>
      [...state.accounts.values()].find((a) => a.username === username)?.id ?? -1;
    state.setWatchState(account('alex_home'), keyOf('Metropolis'), {
      viewCount: 0,
      viewOffset: 600_000,
      lastViewedAt: now - 3600,
    });
    state.setWatchState(account('jordan_k'), keyOf('Detour'), {
      viewCount: 0,
      viewOffset: 1_200_000,
      lastViewedAt: now - 600,
    });

    const alex = await h.data(TOOL, { username: 'alex_home' });
    expect(alex.user).toEqual({ username: 'alex_home', title: 'Alex' });
    expectNoTokens(h, alex);
    expect(alex.items[0]).toMatchObject({ title: 'Metropolis', position_ms: 600_000 });
    const alexTitles = alex.items.map((i) => i.title);
    expect(alexTitles).toContain('The General');
    expect(alexTitles).not.toContain('Charade');
    expect(alexTitles).not.toContain('Detour');

    const jordan = await h.data(TOOL, { username: 'jordan_k' });
    expectNoTokens(h, jordan);
    expect(jordan.items.map((i) => i.title)).toEqual(['Detour', 'The Mission']);
    expect(jordan.items[0]).toMatchObject({ position_ms: 1_200_000 });

    const owner = await h.data(TOOL);
    expect(owner.items.map((i) => i.title)).not.toContain('Metropolis');
    expect(owner.items[0]?.title).toBe('Charade');
  });

  it("reports a user who cannot be acted as, instead of showing the owner's list", async () => {
    const h = toolHarness();
    // plex.tv's share list is down and jordan_k is a friend: no token, no list.
    h.emulator.faults.set({
      errorRate: 1,
      errorStatus: 503,
      pathPrefix: `${h.emulator.plexTvPath}/api/servers`,
    });
    const result = await h.call(TOOL, { username: 'jordan_k' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_ERROR' } });
    if (!result.ok) expect(result.error.message).toContain('jordan_k');
    expectNoTokens(h, result);
  });

  it('shows no list when the signed-in account cannot be told (plex.tv unreadable, not owner)', async () => {
    const first = toolHarness();
    const alex = [...first.emulator.state.accounts.values()].find(
      (a) => a.username === 'alex_home',
    );
    // A home user's server token: the server answers, plex.tv does not know it.
    const h = toolHarness({}, { token: alex?.serverToken ?? '' });
    for (const username of ['alex_home', 'demo_owner']) {
      const result = await h.call(TOOL, { username });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!result.ok) expect(result.error.message).toContain('plex.tv could not be read');
    }
  });

  it("still serves the owner's list when plex.tv is down", async () => {
    const h = toolHarness();
    h.emulator.faults.set({ errorRate: 1, errorStatus: 503, pathPrefix: h.emulator.plexTvPath });
    const data = await h.data(TOOL);
    expect(data.items[0]?.title).toBe('Charade');
  });

  it('reports an unknown user', async () => {
    const h = toolHarness();
    expect(await h.call(TOOL, { username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('deck tools when plex.tv is refused', () => {
  it("answers the owner's On Deck and says plex.tv's users are missing", async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: h.emulator.plexTvPath, errorRate: 1, errorStatus: 503 });
    const data = await h.data('user_get_on_deck', {});
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.warnings).toEqual([
      "plex.tv users unavailable: plex.tv failed (503); only the server's own accounts are known",
    ]);
  });
});
