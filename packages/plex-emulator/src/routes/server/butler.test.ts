import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';

/** Task names of PMS 1.40+ (official API 1.2.2 path enum). */
const REAL_TASKS = [
  'AutomaticUpdates',
  'BackupDatabase',
  'ButlerTaskGenerateAdMarkers',
  'ButlerTaskGenerateCreditsMarkers',
  'ButlerTaskGenerateIntroMarkers',
  'ButlerTaskGenerateVoiceActivity',
  'CleanOldBundles',
  'CleanOldCacheFiles',
  'DeepMediaAnalysis',
  'GarbageCollectBlobs',
  'GarbageCollectLibraryMedia',
  'GenerateBlurHashes',
  'GenerateChapterThumbs',
  'GenerateMediaIndexFiles',
  'LoudnessAnalysis',
  'MusicAnalysis',
  'OptimizeDatabase',
  'RefreshEpgGuides',
  'RefreshLibraries',
  'RefreshLocalMedia',
  'RefreshPeriodicMetadata',
  'UpgradeMediaAnalysis',
];

function task(emulator: PlexEmulator, name: string) {
  return emulator.state.butlerTasks.find((t) => t.name === name)!;
}

async function activities(emulator: PlexEmulator) {
  return (await call(emulator, '/activities')).json.MediaContainer.Activity ?? [];
}

function activityEvents(emulator: PlexEmulator, uuid: string): string[] {
  return emulator.notifications
    .history()
    .filter((n) => n.type === 'activity')
    .flatMap((n) => n.entries)
    .filter((entry) => entry.uuid === uuid)
    .map((entry) => String(entry.event));
}

describe('GET /butler', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers ButlerTasks (not a MediaContainer) with the real task names', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status, json } = await call(emulator, '/butler');
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['ButlerTasks']);
    const tasks = json.ButlerTasks.ButlerTask;
    expect(tasks.map((t: { name: string }) => t.name)).toEqual(REAL_TASKS);
    expect(tasks.find((t: { name: string }) => t.name === 'BackupDatabase')).toEqual({
      name: 'BackupDatabase',
      interval: 3,
      scheduleRandomized: false,
      enabled: true,
      title: 'Backup Database',
      description: expect.any(String),
    });
    for (const t of tasks) {
      expect(Number.isInteger(t.interval) && t.interval >= 1).toBe(true);
      expect(typeof t.enabled).toBe('boolean');
      expect(typeof t.scheduleRandomized).toBe('boolean');
    }
  });

  it('is for the admin', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/butler', { token: null })).status).toBe(401);
    const friend = emulator.state.accounts.get(3)!.serverToken;
    expect((await call(emulator, '/butler', { token: friend })).status).toBe(403);
    const post = await call(emulator, '/butler/BackupDatabase', { method: 'POST', token: friend });
    expect(post.status).toBe(403);
    expect(task(emulator, 'BackupDatabase').running).toBe(false);
  });
});

describe('POST /butler/{task}', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('runs the task as an activity until it finishes, with started and ended notifications', async () => {
    emulator = testEmulator({ library: 'empty' });
    const start = await call(emulator, '/butler/BackupDatabase', { method: 'POST' });
    expect(start.status).toBe(200);
    expect(start.text).toBe('');
    expect(task(emulator, 'BackupDatabase').running).toBe(true);

    const running = await activities(emulator);
    expect(running).toHaveLength(1);
    expect(running[0]).toEqual({
      uuid: expect.any(String),
      type: 'butler.task',
      cancellable: true,
      userID: 1,
      title: 'Backup Database',
      subtitle: task(emulator, 'BackupDatabase').description,
      progress: expect.any(Number),
      Context: { taskName: 'BackupDatabase' },
    });

    await emulator.idle();
    expect(task(emulator, 'BackupDatabase').running).toBe(false);
    expect(await activities(emulator)).toEqual([]);
    const events = activityEvents(emulator, running[0].uuid);
    expect(events[0]).toBe('started');
    expect(events.at(-1)).toBe('ended');
    expect(events).toContain('updated');
  });

  it('answers 202 while the task already runs, then 200 again once it finished', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/butler/OptimizeDatabase', { method: 'POST' })).status).toBe(200);
    const again = await call(emulator, '/butler/OptimizeDatabase', { method: 'POST' });
    expect(again.status).toBe(202);
    expect(again.text).toBe('');
    expect(await activities(emulator)).toHaveLength(1);
    await emulator.idle();
    expect((await call(emulator, '/butler/OptimizeDatabase', { method: 'POST' })).status).toBe(200);
    await emulator.idle();
  });

  it('uses the activity types PMS documents for credits detection', async () => {
    emulator = testEmulator({ library: 'empty' });
    await call(emulator, '/butler/ButlerTaskGenerateCreditsMarkers', { method: 'POST' });
    expect(await activities(emulator)).toEqual([
      expect.objectContaining({ type: 'media.generate.credits', title: 'Detecting Credits' }),
    ]);
    await emulator.idle();
  });

  it('answers 404 with the HTML page for an unknown task', async () => {
    emulator = testEmulator({ library: 'empty' });
    const unknown = await call(emulator, '/butler/MakeCoffee', { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(
      '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>',
    );
    expect(await activities(emulator)).toEqual([]);
  });

  it('records the update check when AutomaticUpdates finishes', async () => {
    emulator = testEmulator({ library: 'empty', now: () => Date.UTC(2025, 10, 22, 1, 0, 0) });
    const before = (await call(emulator, '/updater/status')).json.MediaContainer.checkedAt;
    await call(emulator, '/butler/AutomaticUpdates', { method: 'POST' });
    await emulator.idle();
    const after = (await call(emulator, '/updater/status')).json.MediaContainer.checkedAt;
    expect(before).toBe(Date.UTC(2025, 10, 21, 2, 0, 0) / 1000);
    expect(after).toBe(Date.UTC(2025, 10, 22, 1, 0, 0) / 1000);
  });
});

describe('DELETE /butler/{task} and the all-task forms', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('stops a running task and answers 404 when it is not running', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/butler/CleanOldBundles', { method: 'DELETE' })).status).toBe(
      404,
    );
    await call(emulator, '/butler/CleanOldBundles', { method: 'POST' });
    const [activity] = await activities(emulator);
    const stop = await call(emulator, '/butler/CleanOldBundles', { method: 'DELETE' });
    expect(stop.status).toBe(200);
    expect(stop.text).toBe('');
    expect(task(emulator, 'CleanOldBundles').running).toBe(false);
    expect(await activities(emulator)).toEqual([]);
    const events = activityEvents(emulator, activity.uuid);
    expect([events[0], events.at(-1)]).toEqual(['started', 'ended']);
    expect((await call(emulator, '/butler/Nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('starts every enabled task with POST /butler and stops them all with DELETE /butler', async () => {
    emulator = testEmulator({ library: 'empty' });
    const enabled = emulator.state.butlerTasks.filter((t) => t.enabled).map((t) => t.name);
    expect((await call(emulator, '/butler', { method: 'POST' })).status).toBe(200);
    const running = await activities(emulator);
    expect(
      running.map((a: { Context: { taskName: string } }) => a.Context.taskName).sort(),
    ).toEqual([...enabled].sort());
    expect(emulator.state.butlerTasks.filter((t) => t.running).map((t) => t.name)).toEqual(enabled);

    const stop = await call(emulator, '/butler', { method: 'DELETE' });
    expect(stop.status).toBe(200);
    expect(await activities(emulator)).toEqual([]);
    expect(emulator.state.butlerTasks.some((t) => t.running)).toBe(false);
  });
});
