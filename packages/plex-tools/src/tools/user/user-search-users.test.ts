import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { expectNoTokens } from './tokens.test-support.js';

describe('user_search_users', () => {
  it('matches usernames and names case-insensitively', async () => {
    const h = toolHarness();
    const byName = await h.data('user_search_users', { search_term: 'ALEX' });
    expect(byName.users.map((u) => u.username)).toEqual(['alex_home']);
    const byTitle = await h.data('user_search_users', { search_term: 'owner' });
    expect(byTitle.users).toEqual([
      expect.objectContaining({ username: 'demo_owner', title: 'Demo Owner', role: 'owner' }),
    ]);
    const several = await h.data('user_search_users', { search_term: 'a' });
    expect(several.users.map((u) => u.username)).toEqual(['alex_home', 'jordan_k', 'sam.rivera']);
    expect(several.total).toBe(3);
    expectNoTokens(h, several);
  });

  it('answers an empty list when nobody matches, and rejects an empty term', async () => {
    const h = toolHarness();
    const none = await h.data('user_search_users', { search_term: 'zzz' });
    expect(none).toMatchObject({ users: [], total: 0 });
    expect(await h.call('user_search_users', { search_term: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('user_search_users', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('user_search_users when plex.tv is refused', () => {
  it("searches the server's own accounts and says plex.tv's users are missing", async () => {
    const h = toolHarness();
    h.emulator.faults.set({ errorRate: 1, errorStatus: 401, pathPrefix: h.emulator.plexTvPath });
    const data = await h.data('user_search_users', { search_term: 'jordan' });
    expect(data.users).toEqual([expect.objectContaining({ username: 'jordan_k', role: 'local' })]);
    expect(data.warnings).toEqual([
      "plex.tv users unavailable: plex.tv refused (401); only the server's own accounts are known",
    ]);
  });

  it('still fails when the server accounts themselves are refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ errorRate: 1, errorStatus: 403, pathPrefix: '/accounts' });
    expect(await h.call('user_search_users', { search_term: 'jordan' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
