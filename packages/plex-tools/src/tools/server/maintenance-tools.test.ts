import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

// Cleaning bundles and optimising the database are the same kind of tool: start a background
// activity on the server and return at once.
describe.each([
  {
    tool: 'server_clean_bundles' as const,
    message: 'Cleaning unused bundles started; it runs in the background.',
    activity: 'library.clean.bundles',
  },
  {
    tool: 'server_optimize_database' as const,
    message: 'Database optimisation started; it runs in the background.',
    activity: 'database.optimize',
  },
])('$tool', ({ tool, message, activity }) => {
  it('starts the work as a background activity and returns at once', async () => {
    const h = toolHarness();
    expect(await h.data(tool)).toEqual({ status: 'started', message });
    const running = await h.plex.butler.activities();
    expect(running.map((a) => a.type)).toEqual([activity]);
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
    expect(await h.call(tool, { now: true })).toMatchObject({ ok: true });
  });

  it('is FORBIDDEN for an account other than the owner, starting nothing', async () => {
    const setup = toolHarness();
    const jordan = setup.emulator.state.accounts.get(3)?.serverToken ?? '';
    const h = toolHarness({}, { token: jordan });
    expect(await h.call(tool)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.emulator.state.activities.size).toBe(0);
  });
});
