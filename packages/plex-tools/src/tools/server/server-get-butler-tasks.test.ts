import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('server_get_butler_tasks', () => {
  it('lists every scheduled task with its interval in days and enabled state', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_butler_tasks');
    const tasks = data.tasks;
    expect(data.total).toBe(h.emulator.state.butlerTasks.length);
    expect(tasks).toHaveLength(22);
    expect(tasks).toContainEqual({
      name: 'OptimizeDatabase',
      title: 'Optimize Database',
      description: 'Compacts and re-indexes the database.',
      interval_days: 7,
      enabled: true,
      schedule_randomized: false,
    });
    expect(tasks.filter((t) => !t.enabled).map((t) => t.name)).toEqual([
      'ButlerTaskGenerateAdMarkers',
      'RefreshEpgGuides',
    ]);
  });

  it('is FORBIDDEN for an account other than the owner', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken ?? '';
    const h = toolHarness({}, { token: alex });
    expect(await h.call('server_get_butler_tasks')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
