import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';

describe('GET /accounts', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('lists the system account 0 first, then every account by id', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status, json } = await call(emulator, '/accounts');
    expect(status).toBe(200);
    const mc = json.MediaContainer;
    expect(mc.identifier).toBe('com.plexapp.system.accounts');
    expect(mc.size).toBe(emulator.state.accounts.size + 1);
    expect(mc.Account.map((a: { id: number }) => a.id)).toEqual([0, 1, 2, 3, 4]);
    expect(mc.Account[0]).toEqual({
      id: 0,
      key: '/accounts/0',
      name: '',
      defaultAudioLanguage: 'en',
      autoSelectAudio: true,
      defaultSubtitleLanguage: 'en',
      subtitleMode: 0,
      thumb: '',
    });
    expect(mc.Account[1]).toEqual({
      id: 1,
      key: '/accounts/1',
      name: 'demo_owner',
      defaultAudioLanguage: 'en',
      autoSelectAudio: true,
      defaultSubtitleLanguage: 'en',
      subtitleMode: 2,
      thumb: 'https://plex.tv/users/a1b2c3d4e5f60718/avatar',
    });
    expect(mc.Account.map((a: { name: string }) => a.name)).toEqual([
      '',
      'demo_owner',
      'alex_home',
      'jordan_k',
      'sam.rivera',
    ]);
  });

  it('answers one account by id, 404 for an unknown id and 400 for a non-number', async () => {
    emulator = testEmulator({ library: 'empty' });
    const one = await call(emulator, '/accounts/3');
    expect(one.status).toBe(200);
    expect(one.json.MediaContainer.size).toBe(1);
    expect(one.json.MediaContainer.Account[0]).toMatchObject({
      id: 3,
      key: '/accounts/3',
      name: 'jordan_k',
      subtitleMode: 1,
    });
    expect((await call(emulator, '/accounts/0')).json.MediaContainer.Account[0].name).toBe('');
    const missing = await call(emulator, '/accounts/99');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('404 Not Found');
    expect((await call(emulator, '/accounts/abc')).status).toBe(400);
  });

  it('shows a new account added to the state', async () => {
    emulator = testEmulator({ library: 'empty' });
    const owner = emulator.state.owner;
    emulator.state.accounts.set(9, {
      ...owner,
      id: 9,
      username: 'guest_9',
      kind: 'friend',
      serverToken: 'guest-9-token',
    });
    const list = (await call(emulator, '/accounts')).json.MediaContainer.Account;
    expect(list.at(-1)).toMatchObject({ id: 9, name: 'guest_9', key: '/accounts/9' });
  });

  it('requires a token', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/accounts', { token: null })).status).toBe(401);
    expect((await call(emulator, '/accounts/1', { token: null })).status).toBe(401);
  });
});

describe('GET /devices', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('lists the devices with numeric ids and createdAt', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status, json } = await call(emulator, '/devices');
    expect(status).toBe(200);
    const mc = json.MediaContainer;
    expect(mc.identifier).toBe('com.plexapp.system.devices');
    expect(mc.size).toBe(emulator.state.devices.length);
    expect(mc.Device).toEqual(
      emulator.state.devices.map((device) => ({
        id: device.id,
        name: device.name,
        platform: device.platform,
        clientIdentifier: device.clientIdentifier,
        createdAt: device.createdAt,
      })),
    );
    expect(mc.Device[0]).toMatchObject({
      id: 1,
      name: 'Living Room TV',
      platform: 'Roku',
      clientIdentifier: 'roku-lr-7f3a',
    });
    expect(Number.isInteger(mc.Device[0].createdAt)).toBe(true);
  });

  it('answers one device by id and 404 for an unknown one', async () => {
    emulator = testEmulator({ library: 'empty' });
    const one = await call(emulator, '/devices/2');
    expect(one.status).toBe(200);
    expect(one.json.MediaContainer.Device).toEqual([
      expect.objectContaining({ id: 2, name: 'Kitchen iPad', platform: 'iOS' }),
    ]);
    expect((await call(emulator, '/devices/77')).status).toBe(404);
    expect((await call(emulator, '/devices', { token: null })).status).toBe(401);
  });
});
