import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';

async function startBackup(emulator: PlexEmulator): Promise<string> {
  await call(emulator, '/butler/BackupDatabase', { method: 'POST' });
  const [activity] = (await call(emulator, '/activities')).json.MediaContainer.Activity;
  return activity.uuid;
}

describe('GET /activities', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers an empty container when nothing runs', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status, json } = await call(emulator, '/activities');
    expect(status).toBe(200);
    expect(json).toEqual({ MediaContainer: { size: 0 } });
  });

  it('lists running activities with typed fields, Context only when present', async () => {
    emulator = testEmulator({ library: 'empty' });
    const uuid = await startBackup(emulator);
    emulator.state.activities.set('manual', {
      uuid: 'manual',
      type: 'library.update.section',
      title: 'Scanning',
      subtitle: 'Movies',
      progress: 40,
      cancellable: false,
      userId: 1,
      context: {},
    });
    const mc = (await call(emulator, '/activities')).json.MediaContainer;
    expect(mc.size).toBe(2);
    const [backup, scan] = mc.Activity;
    expect(backup.uuid).toBe(uuid);
    expect(backup).toMatchObject({ type: 'butler.task', cancellable: true, userID: 1 });
    expect(typeof backup.progress).toBe('number');
    expect(backup.Context).toEqual({ taskName: 'BackupDatabase' });
    expect(scan).toEqual({
      uuid: 'manual',
      type: 'library.update.section',
      cancellable: false,
      userID: 1,
      title: 'Scanning',
      subtitle: 'Movies',
      progress: 40,
    });
    emulator.state.activities.delete('manual');
    await emulator.idle();
  });

  it('shows other users only their own activities', async () => {
    emulator = testEmulator({ library: 'empty' });
    await startBackup(emulator);
    const friend = emulator.state.accounts.get(3)!.serverToken;
    const theirs = await call(emulator, '/activities', { token: friend });
    expect(theirs.status).toBe(200);
    expect(theirs.json.MediaContainer.size).toBe(0);
    expect((await call(emulator, '/activities', { token: null })).status).toBe(401);
    await emulator.idle();
  });
});

describe('DELETE /activities/{uuid}', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('cancels the activity, ends its butler task and publishes the end', async () => {
    emulator = testEmulator({ library: 'empty' });
    const uuid = await startBackup(emulator);
    const cancel = await call(emulator, `/activities/${uuid}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    expect(cancel.text).toBe('');
    expect((await call(emulator, '/activities')).json.MediaContainer.size).toBe(0);
    expect(emulator.state.butlerTasks.find((t) => t.name === 'BackupDatabase')!.running).toBe(
      false,
    );
    const ended = emulator.notifications
      .history()
      .flatMap((n) => (n.type === 'activity' ? n.entries : []))
      .filter((entry) => entry.uuid === uuid && entry.event === 'ended');
    expect(ended).toHaveLength(1);
    // The task can run again at once.
    expect((await call(emulator, '/butler/BackupDatabase', { method: 'POST' })).status).toBe(200);
    await emulator.idle();
  });

  it('answers 404 for an unknown uuid, 400 when not cancellable, 403 for someone else’s', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/activities/nope', { method: 'DELETE' })).status).toBe(404);

    const uuid = await startBackup(emulator);
    const friend = emulator.state.accounts.get(3)!.serverToken;
    const foreign = await call(emulator, `/activities/${uuid}`, {
      method: 'DELETE',
      token: friend,
    });
    expect(foreign.status).toBe(403);
    expect(emulator.state.activities.has(uuid)).toBe(true);

    emulator.state.activities.get(uuid)!.cancellable = false;
    const stuck = await call(emulator, `/activities/${uuid}`, { method: 'DELETE' });
    expect(stuck.status).toBe(400);
    expect(stuck.text).toContain('400 Bad Request');
    expect(emulator.state.activities.has(uuid)).toBe(true);
    await emulator.idle();
  });
});
