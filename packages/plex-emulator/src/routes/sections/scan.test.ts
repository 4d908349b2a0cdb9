import { describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import type { PlexNotification } from '../../services/notifications.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';

type Section = { key: string; refreshing: boolean; scannedAt: number };

async function sectionsOf(emulator: PlexEmulator): Promise<Map<string, Section>> {
  const { json } = await call(emulator, '/library/sections');
  return new Map((json.MediaContainer.Directory as Section[]).map((s) => [s.key, s]));
}

function activityEvents(notifications: readonly PlexNotification[]): Record<string, unknown>[] {
  return notifications
    .filter((n) => n.type === 'activity')
    .flatMap((n) => n.entries)
    .map((entry) => {
      const activity = entry.Activity as Record<string, unknown>;
      return { event: entry.event, uuid: entry.uuid, ...activity };
    });
}

describe('refreshing a section', () => {
  it('runs a scan activity while the section reports refreshing, then records the scan', async () => {
    const emulator = testEmulator();
    const before = (await sectionsOf(emulator)).get('1');
    const response = await call(emulator, '/library/sections/1/refresh');
    expect([response.status, response.text]).toEqual([200, '']);

    const running = (await sectionsOf(emulator)).get('1');
    expect(running?.refreshing).toBe(true);
    expect((await sectionsOf(emulator)).get('2')?.refreshing).toBe(false);
    const activities = [...emulator.state.activities.values()];
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      type: 'library.update.section',
      title: 'Scanning Movies',
      userId: 1,
      context: { librarySectionID: '1' },
    });

    await emulator.idle();
    const done = (await sectionsOf(emulator)).get('1');
    expect(done?.refreshing).toBe(false);
    expect(done?.scannedAt).toBe(TEST_NOW_MS / 1000);
    expect(done?.scannedAt).not.toBe(before?.scannedAt);
    expect(emulator.state.activities.size).toBe(0);

    const history = emulator.notifications.history();
    const events = activityEvents(history);
    expect(events.map((e) => e.event)).toEqual([
      'started',
      'updated',
      'updated',
      'updated',
      'ended',
    ]);
    expect(
      events.every((e) => e.type === 'library.update.section' && e.title === 'Scanning Movies'),
    ).toBe(true);
    expect(events.at(-1)?.progress).toBe(100);
    const statuses = history.filter((n) => n.type === 'status');
    expect(statuses.map((n) => n.entries)).toEqual([
      [
        {
          title: 'Scanning the "Movies" section',
          description: '',
          notificationName: 'LIBRARY_UPDATE',
        },
      ],
      [{ title: 'Library scan complete', description: '', notificationName: 'LIBRARY_UPDATE' }],
    ]);
    expect(statuses.every((n) => n.element === 'StatusNotification')).toBe(true);
    expect(history.at(-1)).toBe(statuses[1]);
    const scanner = emulator.state.logs['Plex Media Scanner.log'].map((line) => line.message);
    expect(scanner.some((line) => line.includes('Scanning section 1'))).toBe(true);
  });

  it('accepts POST, force and a path inside the section', async () => {
    const emulator = testEmulator();
    const post = await call(emulator, '/library/sections/2/refresh', {
      method: 'POST',
      query: { force: 1, path: '/data/media/tv/Bonanza' },
    });
    expect(post.status).toBe(200);
    expect([...emulator.state.activities.values()][0]).toMatchObject({
      title: 'Scanning TV Shows',
      subtitle: '/data/media/tv/Bonanza',
    });
    await emulator.idle();
  });

  it('refuses a path outside the section folders', async () => {
    const emulator = testEmulator();
    const { status } = await call(emulator, '/library/sections/1/refresh', {
      query: { path: '/data/media/tv' },
    });
    expect(status).toBe(400);
    expect(emulator.state.activities.size).toBe(0);
    expect(emulator.state.sections.get(1)?.refreshing).toBe(false);
  });

  it('ignores a second request while a scan runs, unless forced', async () => {
    const emulator = testEmulator();
    await call(emulator, '/library/sections/1/refresh');
    const first = [...emulator.state.activities.keys()];
    await call(emulator, '/library/sections/1/refresh');
    expect([...emulator.state.activities.keys()]).toEqual(first);
    await call(emulator, '/library/sections/1/refresh', { query: { force: 1 } });
    const restarted = [...emulator.state.activities.keys()];
    expect(restarted).toHaveLength(1);
    expect(restarted).not.toEqual(first);
    await emulator.idle();
    expect(emulator.state.sections.get(1)?.refreshing).toBe(false);
  });

  it('cancels with DELETE, leaving scannedAt alone', async () => {
    const emulator = testEmulator();
    const scannedAt = emulator.state.sections.get(1)?.scannedAt;
    await call(emulator, '/library/sections/1/refresh');
    const cancel = await call(emulator, '/library/sections/1/refresh', { method: 'DELETE' });
    expect([cancel.status, cancel.text]).toEqual([200, '']);
    const section = (await sectionsOf(emulator)).get('1');
    expect(section?.refreshing).toBe(false);
    expect(section?.scannedAt).toBe(scannedAt);
    expect(emulator.state.activities.size).toBe(0);
    expect(activityEvents(emulator.notifications.history()).at(-1)?.event).toBe('ended');
    await emulator.idle();
    const statuses = emulator.notifications.history().filter((n) => n.type === 'status');
    expect(statuses.map((n) => n.entries[0]?.title)).toEqual(['Scanning the "Movies" section']);
  });

  it('answers 404 for unknown sections and 403 to shared users', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/9/refresh')).status).toBe(404);
    const alex = emulator.state.accounts.get(2);
    if (!alex) throw new Error('demo account missing');
    const { status } = await call(emulator, '/library/sections/1/refresh', {
      token: alex.serverToken,
    });
    expect(status).toBe(403);
    expect(emulator.state.activities.size).toBe(0);
  });
});

describe('refreshing every section', () => {
  it('scans all sections with GET /library/sections/all/refresh and cancels them with DELETE', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/all/refresh')).status).toBe(200);
    const sections = await sectionsOf(emulator);
    expect([...sections.values()].every((section) => section.refreshing)).toBe(true);
    expect(emulator.state.activities.size).toBe(3);
    const cancel = await call(emulator, '/library/sections/all/refresh', { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    expect([...(await sectionsOf(emulator)).values()].some((section) => section.refreshing)).toBe(
      false,
    );
    expect(emulator.state.activities.size).toBe(0);
  });

  it('scans all sections with POST /library/sections/refresh', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/refresh', { method: 'POST' })).status).toBe(
      200,
    );
    expect(emulator.state.activities.size).toBe(emulator.state.sections.size);
    await emulator.idle();
    const complete = emulator.notifications
      .history()
      .filter((n) => n.type === 'status' && n.entries[0]?.title === 'Library scan complete');
    expect(complete).toHaveLength(emulator.state.sections.size);
  });
});
