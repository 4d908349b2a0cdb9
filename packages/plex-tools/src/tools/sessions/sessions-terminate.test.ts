import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

const PHONE = 'p7r3t9w2y5u1i8o4a6s0d3fg';

describe('sessions_terminate', () => {
  it("stops jordan_k's stream once confirmed with his name", async () => {
    const h = toolHarness();
    const data = await h.data('sessions_terminate', {
      session_id: PHONE,
      reason: 'Server maintenance',
      confirm: 'jordan_k',
    });
    expect(data).toMatchObject({
      terminated: true,
      session_id: PHONE,
      user: 'jordan_k',
      item: { title: 'The Mission', show: 'Bonanza' },
      reason: 'Server maintenance',
    });
    const after = await h.data('sessions_get_active');
    expect(after.sessions.map((s) => s.session_id)).toEqual(['k2x9f7m3q8w1c5v6b0n4h2jd']);
  });

  it('accepts the session key and the username of the user', async () => {
    const h = toolHarness();
    const data = await h.data('sessions_terminate', { session_id: '12', confirm: 'demo_owner' });
    expect(data).toMatchObject({ terminated: true, user: 'Demo Owner', player: 'Living Room TV' });
    const after = await h.data('sessions_get_active');
    expect(after.sessions.map((s) => s.session_key)).toEqual(['27']);
  });

  it('refuses without the right confirmation and stops nothing', async () => {
    const h = toolHarness();
    for (const confirm of [undefined, 'Jordan_K', 'yes']) {
      const result = await h.call('sessions_terminate', {
        session_id: PHONE,
        ...(confirm === undefined ? {} : { confirm }),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
      if (!result.ok) {
        expect(result.error.message).toContain('confirm: "jordan_k"');
        expect(result.error.message).toContain('The Mission');
      }
    }
    const after = await h.data('sessions_get_active');
    expect(after.sessions).toHaveLength(2);
  });

  it('names the active sessions when the id is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('sessions_terminate', { session_id: 'nope', confirm: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain(PHONE);
    expect(await h.call('sessions_terminate', { confirm: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('is a destructive tool', async () => {
    const { sessionsTerminate } = await import('./sessions-terminate.js');
    expect(sessionsTerminate.access).toBe('delete');
    expect(sessionsTerminate.annotations.destructiveHint).toBe(true);
  });
});

describe('sessions_terminate when the account list is refused', () => {
  it("stops the stream confirmed by the user's title, warning that usernames were unknown", async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/accounts', errorRate: 1, errorStatus: 403 });
    const data = await h.data('sessions_terminate', { session_id: '12', confirm: 'Demo Owner' });
    expect(data).toMatchObject({ terminated: true, user: 'Demo Owner' });
    expect(data.warnings).toEqual(['username unavailable: Plex refused (403)']);
    h.emulator.faults.reset();
    const after = await h.data('sessions_get_active');
    expect(after.sessions.map((s) => s.session_key)).toEqual(['27']);
  });

  it('stops nothing when the username, unknown now, was the confirmation', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/accounts', errorRate: 1, errorStatus: 403 });
    const result = await h.call('sessions_terminate', { session_id: '12', confirm: 'demo_owner' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    h.emulator.faults.reset();
    expect((await h.data('sessions_get_active')).sessions).toHaveLength(2);
  });

  it('never reports a stop that Plex refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: '/status/sessions/terminate',
      errorRate: 1,
      errorStatus: 403,
    });
    const result = await h.call('sessions_terminate', { session_id: '12', confirm: 'Demo Owner' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
