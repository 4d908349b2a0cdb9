import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';
import { allTokens, expectNoTokens } from './tokens.test-support.js';

describe('user_list_all_users', () => {
  it('lists the owner, the home user and the friends with their libraries', async () => {
    const h = toolHarness();
    const data = await h.data('user_list_all_users');
    expect(data.total).toBe(4);
    expect(data.users).toEqual([
      expect.objectContaining({
        username: 'demo_owner',
        title: 'Demo Owner',
        role: 'owner',
        account_id: 1,
        server_access: true,
        all_libraries: true,
      }),
      expect.objectContaining({
        username: 'alex_home',
        title: 'Alex',
        role: 'home',
        account_id: 2,
        restricted: true,
      }),
      expect.objectContaining({
        username: 'jordan_k',
        role: 'friend',
        account_id: 3,
        libraries: ['Movies', 'TV Shows'],
        all_libraries: false,
      }),
      expect.objectContaining({
        username: 'sam.rivera',
        role: 'friend',
        account_id: 4,
        libraries: ['Movies', 'Music'],
      }),
    ]);
    expect(data).not.toHaveProperty('warnings');
  });

  it('never outputs a token or anyone else’s email', async () => {
    const h = toolHarness();
    const data = await h.data('user_list_all_users');
    expect(allTokens(h).length).toBeGreaterThan(4);
    expectNoTokens(h, data);
    expect(JSON.stringify(data)).not.toContain('@example.com');
  });

  it('falls back to the server accounts with a warning when plex.tv fails', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ errorRate: 1, errorStatus: 503, pathPrefix: h.emulator.plexTvPath });
    const data = await h.data('user_list_all_users');
    expect(data.warnings).toEqual([
      "plex.tv users unavailable: plex.tv failed (503); only the server's own accounts are known",
    ]);
    expect(data.users.map((u) => [u.username, u.role])).toEqual([
      ['demo_owner', 'owner'],
      ['alex_home', 'local'],
      ['jordan_k', 'local'],
      ['sam.rivera', 'local'],
    ]);
  });

  it("leaves friends' libraries unknown, with a warning, when the server's identity is refused", async () => {
    // Without this server's machine id, a friend's share of another server could pass for ours.
    const h = harnessRefusing(['/identity']);
    const data = await h.data('user_list_all_users');
    expect(data.warnings).toEqual(["friends' shared libraries unavailable: Plex refused (403)"]);
    const friends = data.users.filter((user) => user.role === 'friend');
    expect(friends.map((friend) => friend.username)).toEqual(['jordan_k', 'sam.rivera']);
    for (const friend of friends) expect(friend).not.toHaveProperty('libraries');
    // Their server accounts still show that they use this server.
    expect(friends.every((friend) => friend.server_access)).toBe(true);
  });

  it('reports Plex being down', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ unreachable: true });
    expect(await h.call('user_list_all_users')).toMatchObject({
      ok: false,
      error: { code: 'PLEX_UNREACHABLE' },
    });
  });
});
