import { afterEach, describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';
import { clientAs, lastCall } from '../testing/lookups.js';

type Emulator = ReturnType<typeof emulatorClient>['emulator'];

const open: Emulator[] = [];
afterEach(async () => {
  for (const emulator of open.splice(0)) await emulator.close();
});

/** An emulator whose activities stay running for the whole test. */
function slowActivities() {
  const setup = emulatorClient({ activityStepMs: 60_000 });
  open.push(setup.emulator);
  return setup;
}

describe('butler', () => {
  it('lists the scheduled tasks from the non-MediaContainer body', async () => {
    const { client, emulator, sent } = emulatorClient();
    const tasks = await client.butler.tasks();
    expect(lastCall(sent).url.pathname).toBe('/butler');
    expect(tasks.map((task) => task.name)).toEqual(emulator.state.butlerTasks.map((t) => t.name));
    expect(tasks.find((task) => task.name === 'BackupDatabase')).toMatchObject({
      title: 'Backup Database',
      interval: 3,
      enabled: true,
      scheduleRandomized: false,
    });
    expect(tasks.some((task) => !task.enabled)).toBe(true);
  });

  it('runs a task (200 → started, 202 → already-running) and stops it', async () => {
    const { client, emulator, sent } = slowActivities();
    expect(await client.butler.run('BackupDatabase')).toBe('started');
    expect(lastCall(sent)).toMatchObject({ method: 'POST' });
    expect(lastCall(sent).url.pathname).toBe('/butler/BackupDatabase');
    expect(emulator.state.butlerTasks.find((t) => t.name === 'BackupDatabase')?.running).toBe(true);

    expect(await client.butler.run('BackupDatabase')).toBe('already-running');

    await client.butler.stop('BackupDatabase');
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(emulator.state.butlerTasks.find((t) => t.name === 'BackupDatabase')?.running).toBe(
      false,
    );
    expect(await client.butler.activities()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown task and FORBIDDEN for other accounts', async () => {
    const { client, emulator } = emulatorClient();
    await expect(client.butler.run('NoSuchTask')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(clientAs(emulator, 2).butler.run('BackupDatabase')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(clientAs(emulator, 2).butler.tasks()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('activities', () => {
  it('lists running activities with their context and cancels one', async () => {
    const { client, emulator, sent } = slowActivities();
    await client.butler.run('OptimizeDatabase');
    const activities = await client.butler.activities();
    expect(lastCall(sent).url.pathname).toBe('/activities');
    expect(activities).toHaveLength(1);
    const [activity] = activities;
    expect(activity).toMatchObject({ type: 'butler.task', cancellable: true, userID: 1 });
    expect(activity?.Context).toEqual({ taskName: 'OptimizeDatabase' });
    expect(typeof activity?.progress).toBe('number');

    await client.butler.cancelActivity(activity?.uuid ?? '');
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(lastCall(sent).url.pathname).toBe(`/activities/${activity?.uuid}`);
    expect(await client.butler.activities()).toEqual([]);
    expect(emulator.state.butlerTasks.find((t) => t.name === 'OptimizeDatabase')?.running).toBe(
      false,
    );

    await expect(client.butler.cancelActivity(activity?.uuid ?? '')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
