import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';
import { expectNoTokens } from './tokens.test-support.js';

describe('user_get_info', () => {
  it('describes the default user (the owner) with email, Plex Pass and every library', async () => {
    const h = toolHarness();
    const data = await h.data('user_get_info');
    expect(data).toMatchObject({
      username: 'demo_owner',
      title: 'Demo Owner',
      role: 'owner',
      account_id: 1,
      email: 'demo.owner@example.com',
      joined_at: '2015-01-01T00:00:00.000Z',
      plex_pass: true,
      all_libraries: true,
      libraries: ['Movies', 'TV Shows', 'Music'],
      plays: 15,
    });
    expect(data.last_played_at).toMatch(/^\d{4}-/);
    expectNoTokens(h, data);
  });

  it('uses the owner when no default user is configured', async () => {
    const h = toolHarness();
    const result = await h.call('user_get_info', {}, { config: {} });
    expect(result).toMatchObject({ ok: true, data: { username: 'demo_owner' } });
  });

  it('finds a home user by title, case-insensitively, without their email', async () => {
    const h = toolHarness();
    const data = await h.data('user_get_info', { username: 'alex' });
    expect(data).toMatchObject({
      username: 'alex_home',
      title: 'Alex',
      role: 'home',
      restricted: true,
      all_libraries: true,
      plays: 4,
    });
    expect(data.email).toBeUndefined();
    expectNoTokens(h, data);
  });

  it("shows a friend's shared libraries and plays, never a token or email", async () => {
    const h = toolHarness();
    const data = await h.data('user_get_info', { username: 'JORDAN_K' });
    expect(data).toMatchObject({
      username: 'jordan_k',
      role: 'friend',
      account_id: 3,
      all_libraries: false,
      libraries: ['Movies', 'TV Shows'],
      plays: 3,
    });
    expect(JSON.stringify(data)).not.toContain('@');
    expectNoTokens(h, data);
  });

  it('names the users there are when the name is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('user_get_info', { username: 'nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) {
      for (const name of ['demo_owner', 'alex_home', 'jordan_k', 'sam.rivera'])
        expect(result.error.message).toContain(name);
    }
    expect(await h.call('user_get_info', { username: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('user_get_info when a detail is refused', () => {
  it('answers the owner with plays null when the play history is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: '/status/sessions/history',
      errorRate: 1,
      errorStatus: 403,
    });
    const data = await h.data('user_get_info');
    expect(data).toMatchObject({ username: 'demo_owner', role: 'owner', plays: null });
    expect(data.last_played_at).toBeNull();
    expect(data.libraries).toEqual(['Movies', 'TV Shows', 'Music']);
    expect(data.warnings).toEqual(['play count unavailable: Plex refused (403)']);
  });

  it('answers with libraries null when the library list is refused', async () => {
    const h = harnessRefusing(['/library/sections']);
    const data = await h.data('user_get_info');
    expect(data).toMatchObject({ all_libraries: true, libraries: null, plays: 15 });
    expect(data.warnings).toEqual(['library titles unavailable: Plex refused (403)']);
  });

  it("answers a home user with all_libraries null when the server's shares are refused", async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: `${h.emulator.plexTvPath}/api/servers/`,
      errorRate: 1,
      errorStatus: 403,
    });
    const data = await h.data('user_get_info', { username: 'alex' });
    expect(data).toMatchObject({ username: 'alex_home', role: 'home', all_libraries: null });
    expect(data.warnings).toEqual(['library shares unavailable: Plex refused (403)']);
  });

  it('still fails when the server accounts are refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/accounts', errorRate: 1, errorStatus: 403 });
    expect(await h.call('user_get_info')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('carries no warnings when every request answered', async () => {
    expect(await toolHarness().data('user_get_info', { username: 'alex' })).not.toHaveProperty(
      'warnings',
    );
  });
});
