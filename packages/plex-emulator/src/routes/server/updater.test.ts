import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';

const NOW = TEST_NOW_MS / 1000;

async function status(emulator: PlexEmulator) {
  return (await call(emulator, '/updater/status')).json.MediaContainer;
}

describe('GET /updater/status', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('reports the available release; Linux cannot install, so it only notifies', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status: code, json } = await call(emulator, '/updater/status');
    expect(code).toBe(200);
    const url =
      'https://plex.tv/downloads/latest/5?channel=16&build=linux-x86_64&distro=debian&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx';
    expect(json.MediaContainer).toEqual({
      size: 1,
      autoUpdateVersion: 1,
      canInstall: false,
      // The AutomaticUpdates task checked at the start of today's butler window (02:00).
      checkedAt: NOW - 10 * 3600,
      downloadURL: url,
      status: 0,
      Release: [
        {
          key: 'https://plex.tv/updater/releases/10285',
          version: '1.43.2.10285-9e3d2b0a1',
          added: expect.stringContaining('\n'),
          fixed: expect.stringContaining('\n'),
          downloadURL: url,
          state: 'notify',
        },
      ],
    });
    expect(JSON.stringify(json)).not.toContain(emulator.token);
  });

  it('answers no Release when the server is up to date', async () => {
    emulator = testEmulator({ library: 'empty' });
    emulator.state.server.updateAvailable = null;
    expect(await status(emulator)).toEqual({
      size: 0,
      autoUpdateVersion: 1,
      canInstall: false,
      checkedAt: NOW - 10 * 3600,
      status: 0,
    });
  });

  it('is for the admin', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/updater/status', { token: null })).status).toBe(401);
    const friend = emulator.state.accounts.get(3)!.serverToken;
    expect((await call(emulator, '/updater/status', { token: friend })).status).toBe(403);
    const check = await call(emulator, '/updater/check', { method: 'PUT', token: friend });
    expect(check.status).toBe(403);
  });
});

describe('PUT /updater/check', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('records the check time and logs it to the update service log', async () => {
    emulator = testEmulator({ library: 'empty' });
    const check = await call(emulator, '/updater/check', { method: 'PUT', query: { download: 0 } });
    expect(check.status).toBe(200);
    expect(check.text).toBe('');
    expect((await status(emulator)).checkedAt).toBe(NOW);
    const lines = emulator.state.logs['Plex Update Service.log'].map((line) => line.message);
    expect(lines).toContain('Checking for updates...');
    expect(lines).toContain('Found release 1.43.2.10285-9e3d2b0a1');
  });

  it('downloads the release where the server can install it', async () => {
    emulator = testEmulator({ library: 'empty' });
    emulator.state.server.platform = 'Windows';
    const before = await status(emulator);
    expect(before.canInstall).toBe(true);
    expect(before.Release[0].state).toBe('available');
    expect(before.downloadURL).toContain('build=windows-x86_64&distro=windows');
    await call(emulator, '/updater/check', { method: 'PUT', query: { download: 1 } });
    expect((await status(emulator)).Release[0].state).toBe('downloaded');
    expect(emulator.notifications.history().filter((n) => n.type === 'update.statechange')).toEqual(
      [
        {
          type: 'update.statechange',
          element: 'AutoUpdateNotification',
          entries: [
            {
              key: 'https://plex.tv/updater/releases/10285',
              version: '1.43.2.10285-9e3d2b0a1',
              state: 'downloaded',
            },
          ],
        },
      ],
    );
  });

  it('answers 400 for a download flag that is not 0 or 1', async () => {
    emulator = testEmulator({ library: 'empty' });
    const bad = await call(emulator, '/updater/check', {
      method: 'PUT',
      query: { download: 'yes' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('PUT /updater/apply', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers 400 where the system cannot install updates, but can skip the release', async () => {
    emulator = testEmulator({ library: 'empty' });
    const apply = await call(emulator, '/updater/apply', { method: 'PUT' });
    expect(apply.status).toBe(400);
    expect(apply.text).toContain('400 Bad Request');
    expect((await status(emulator)).Release[0].state).toBe('notify');
    const skip = await call(emulator, '/updater/apply', { method: 'PUT', query: { skip: 1 } });
    expect(skip.status).toBe(200);
    expect((await status(emulator)).Release[0].state).toBe('skipped');
  });

  it('installs now, or tonight (which wins over skip), where it can', async () => {
    emulator = testEmulator({ library: 'empty' });
    emulator.state.server.platform = 'MacOSX';
    const tonight = await call(emulator, '/updater/apply', {
      method: 'PUT',
      query: { tonight: 1, skip: 1 },
    });
    expect(tonight.status).toBe(200);
    expect((await status(emulator)).Release[0].state).toBe('tonight');
    const now = await call(emulator, '/updater/apply', { method: 'PUT' });
    expect(now.status).toBe(200);
    expect(now.text).toBe('');
    expect((await status(emulator)).Release[0].state).toBe('installing');
  });

  it('answers 500 when there is nothing to install', async () => {
    emulator = testEmulator({ library: 'empty' });
    emulator.state.server.platform = 'Windows';
    emulator.state.server.updateAvailable = null;
    const apply = await call(emulator, '/updater/apply', { method: 'PUT' });
    expect(apply.status).toBe(500);
    expect(apply.text).toContain('500 Internal Server Error');
  });
});
