import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('server_optimize_database', () => {
  it('starts the work as a background activity and returns at once', async () => {
    const h = toolHarness();
    expect(await h.data('server_optimize_database')).toEqual({
      status: 'started',
      message: 'Database optimisation started; it runs in the background.',
    });
    const running = await h.plex.butler.activities();
    expect(running.map((a) => a.type)).toEqual(['database.optimize']);
    await h.emulator.idle();
    expect(await h.plex.butler.activities()).toEqual([]);
    const ended = h.emulator.notifications
      .history()
      .filter((n) => n.type === 'activity')
      .flatMap((n) => n.entries)
      .filter((entry) => entry.event === 'ended');
    expect(ended).toHaveLength(1);
  });

  it('ignores arguments it does not take', async () => {
    const h = toolHarness();
    expect(await h.call('server_optimize_database', { now: true })).toMatchObject({ ok: true });
  });

  it('is FORBIDDEN for an account other than the owner, starting nothing', async () => {
    const setup = toolHarness();
    const jordan = setup.emulator.state.accounts.get(3)?.serverToken ?? '';
    const h = toolHarness({}, { token: jordan });
    expect(await h.call('server_optimize_database')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(h.emulator.state.activities.size).toBe(0);
  });
});
