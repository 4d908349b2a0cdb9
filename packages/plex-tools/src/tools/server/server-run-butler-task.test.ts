import { afterEach, describe, expect, it, vi } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { BUTLER_TASKS } from './server-run-butler-task.js';

describe('server_run_butler_task', () => {
  it('knows exactly the tasks the server lists', async () => {
    const h = toolHarness();
    const names = h.emulator.state.butlerTasks.map((task) => task.name);
    expect([...BUTLER_TASKS].sort()).toEqual(names.sort());
  });

  it('starts a task, then says it is already running, then starts it again once done', async () => {
    const h = toolHarness();
    expect(await h.data('server_run_butler_task', { task_name: 'BackupDatabase' })).toEqual({
      task_name: 'BackupDatabase',
      status: 'started',
      message: 'Started BackupDatabase; it runs in the background.',
    });
    const running = await h.plex.butler.activities();
    expect(running.map((a) => a.Context?.taskName)).toContain('BackupDatabase');

    expect(await h.data('server_run_butler_task', { task_name: 'BackupDatabase' })).toMatchObject({
      status: 'already_running',
    });
    await h.emulator.idle();
    expect(await h.plex.butler.activities()).toEqual([]);
    expect(await h.data('server_run_butler_task', { task_name: 'BackupDatabase' })).toMatchObject({
      status: 'started',
    });
  });

  it('refuses a task name Plex does not know', async () => {
    const h = toolHarness();
    const result = await h.call('server_run_butler_task', { task_name: 'DefragDisk' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The names are not in the schema any more, so the refusal lists them.
    if (!result.ok) {
      expect(result.error.message).toContain(
        'task_name: Expected a butler task name as server_get_butler_tasks lists it: AutomaticUpdates, BackupDatabase,',
      );
      expect(result.error.message).toContain('UpgradeMediaAnalysis');
    }
    expect(await h.call('server_run_butler_task', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(h.emulator.state.activities.size).toBe(0);
  });

  it('says so when this server lacks a task of the list', async () => {
    const h = toolHarness();
    const tasks = h.emulator.state.butlerTasks;
    tasks.splice(
      tasks.findIndex((task) => task.name === 'MusicAnalysis'),
      1,
    );
    expect(await h.call('server_run_butler_task', { task_name: 'MusicAnalysis' })).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'This server has no butler task MusicAnalysis; call server_get_butler_tasks for the ones it has.',
      },
    });
  });

  it('is FORBIDDEN for an account other than the owner', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken ?? '';
    const h = toolHarness({}, { token: alex });
    expect(await h.call('server_run_butler_task', { task_name: 'BackupDatabase' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  describe('with wait', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('reports the activity progress until the task ends', async () => {
      const h = toolHarness({ activityStepMs: 30 });
      expect(
        await h.data('server_run_butler_task', { task_name: 'BackupDatabase', wait: true }),
      ).toEqual({
        task_name: 'BackupDatabase',
        status: 'started',
        finished: true,
        message: 'BackupDatabase finished.',
      });
      expect(h.progress.length).toBeGreaterThanOrEqual(2);
      expect(h.progress.every((update) => update.total === 100)).toBe(true);
      const values = h.progress.map((update) => update.progress);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values.some((value) => value < 100)).toBe(true);
      expect(h.progress.at(-1)).toEqual({
        progress: 100,
        total: 100,
        message: 'BackupDatabase finished',
      });
      expect(h.progress[0]?.message).toMatch(/%$/);
      expect(await h.plex.butler.activities()).toEqual([]);
    });

    it('waits for a run already under way', async () => {
      const h = toolHarness();
      await h.data('server_run_butler_task', { task_name: 'OptimizeDatabase' });
      expect(
        await h.data('server_run_butler_task', { task_name: 'OptimizeDatabase', wait: true }),
      ).toMatchObject({ status: 'already_running', finished: true });
      expect(h.progress.at(-1)?.progress).toBe(100);
      expect(h.emulator.state.activities.size).toBe(0);
    });

    it('does not wait or report progress unless asked', async () => {
      const h = toolHarness();
      const data = await h.data('server_run_butler_task', { task_name: 'CleanOldBundles' });
      expect(data).not.toHaveProperty('finished');
      expect(h.progress).toEqual([]);
      expect(h.emulator.state.activities.size).toBe(1);
    });

    it('stops waiting when the call is cancelled, leaving the task running', async () => {
      const h = toolHarness({ activityStepMs: 60_000 });
      const controller = new AbortController();
      const pending = h.call(
        'server_run_butler_task',
        { task_name: 'BackupDatabase', wait: true },
        { signal: controller.signal },
      );
      await vi.waitFor(() => expect(h.progress.length).toBeGreaterThan(0));
      const before = Date.now();
      controller.abort();
      const result = await pending;
      expect(Date.now() - before).toBeLessThan(500);
      expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
      if (!result.ok) expect(result.error.message).toContain('Stopped waiting for BackupDatabase');
      expect(h.progress.every((update) => update.progress < 100)).toBe(true);
      const running = await h.plex.butler.activities();
      expect(running.map((a) => a.Context?.taskName)).toEqual(['BackupDatabase']);
    });

    it('gives up after 120 s with finished false', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const h = toolHarness({ activityStepMs: 10 * 60_000 });
      const pending = h.call('server_run_butler_task', { task_name: 'BackupDatabase', wait: true });
      await vi.advanceTimersByTimeAsync(121_000);
      const result = await pending;
      expect(result).toMatchObject({
        ok: true,
        data: { status: 'started', finished: false },
      });
      if (result.ok) expect(result.data.message).toContain('still running after 120 s');
      // Polls back off: a couple of dozen requests over two minutes, not thousands.
      expect(h.progress.length).toBeLessThan(80);
      expect(h.progress.at(-1)?.progress).toBe(0);
    });
  });
});

describe('server_run_butler_task when its progress is refused', () => {
  it('reports the task started, with finished null and named in warnings', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/activities', errorRate: 1, errorStatus: 403 });
    const data = await h.data('server_run_butler_task', {
      task_name: 'BackupDatabase',
      wait: true,
    });
    expect(data).toEqual({
      task_name: 'BackupDatabase',
      status: 'started',
      finished: null,
      message: 'BackupDatabase is running; whether it finished is unknown.',
      warnings: ['task progress unavailable: Plex refused (403)'],
    });
  });

  it('still fails when starting the task is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/butler', errorRate: 1, errorStatus: 403 });
    expect(
      await h.call('server_run_butler_task', { task_name: 'BackupDatabase', wait: true }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
