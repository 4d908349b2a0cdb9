import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';

const BAD_REQUEST =
  '<html><head><title>Bad Request</title></head><body><h1>400 Bad Request</h1></body></html>';

function friendToken(emulator: PlexEmulator): string {
  return emulator.state.accounts.get(3)!.serverToken;
}

async function pref(emulator: PlexEmulator, id: string) {
  const { json } = await call(emulator, '/:/prefs/get', { query: { id } });
  return json.MediaContainer.Setting[0];
}

describe('GET /:/prefs', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('lists every Setting with typed default and value', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { status, json } = await call(emulator, '/:/prefs');
    expect(status).toBe(200);
    const settings = json.MediaContainer.Setting;
    expect(json.MediaContainer.size).toBe(emulator.state.prefs.length);
    expect(settings).toHaveLength(emulator.state.prefs.length);
    expect(settings.find((s: { id: string }) => s.id === 'FriendlyName')).toEqual({
      id: 'FriendlyName',
      label: 'Friendly name',
      summary: 'The name this server shows to clients.',
      type: 'text',
      default: '',
      value: 'Plex Emulator',
      hidden: false,
      advanced: false,
      group: 'general',
    });
    const interval = settings.find(
      (s: { id: string }) => s.id === 'ScheduledLibraryUpdateInterval',
    );
    expect(interval).toMatchObject({ type: 'int', value: 3600, default: 3600 });
    expect(interval.enumValues).toMatch(/^900:every 15 minutes\|/);
    for (const setting of settings) {
      expect(['bool', 'int', 'text', 'double']).toContain(setting.type);
      const expected = { bool: 'boolean', int: 'number', double: 'number', text: 'string' }[
        setting.type as 'bool'
      ];
      expect(typeof setting.value, setting.id).toBe(expected);
      expect(typeof setting.hidden).toBe('boolean');
      if (setting.enumValues === undefined) expect('enumValues' in setting).toBe(false);
    }
  });

  it('answers one Setting for /:/prefs/get, 404 for an unknown id and 400 without id', async () => {
    emulator = testEmulator({ library: 'empty' });
    const one = await call(emulator, '/:/prefs/get', { query: { id: 'LogVerbose' } });
    expect(one.status).toBe(200);
    expect(one.json.MediaContainer.size).toBe(1);
    expect(one.json.MediaContainer.Setting).toEqual([
      expect.objectContaining({ id: 'LogVerbose', type: 'bool', value: false, advanced: true }),
    ]);
    const unknown = await call(emulator, '/:/prefs/get', { query: { id: 'NoSuchPref' } });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('404 Not Found');
    expect((await call(emulator, '/:/prefs/get')).status).toBe(400);
  });

  it('requires a token', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/:/prefs', { token: null })).status).toBe(401);
    expect((await call(emulator, '/:/prefs', { method: 'PUT', token: null })).status).toBe(401);
  });
});

describe('PUT /:/prefs', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('sets several prefs with typed values, answers an empty 200 and reads back', async () => {
    emulator = testEmulator({ library: 'empty' });
    const put = await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { FriendlyName: 'Den Server', LogVerbose: 1, ButlerStartHour: 4 },
    });
    expect(put.status).toBe(200);
    expect(put.text).toBe('');
    expect(await pref(emulator, 'FriendlyName')).toMatchObject({ value: 'Den Server' });
    expect(await pref(emulator, 'LogVerbose')).toMatchObject({ value: true });
    expect(await pref(emulator, 'ButlerStartHour')).toMatchObject({ value: 4 });
    expect((await call(emulator, '/')).json.MediaContainer.friendlyName).toBe('Den Server');
  });

  it('accepts true/false for bools and ignores X-Plex-* query parameters', async () => {
    emulator = testEmulator({ library: 'empty' });
    const put = await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { HardwareAcceleratedCodecs: 'false', 'X-Plex-Client-Identifier': 'test-client' },
    });
    expect(put.status).toBe(200);
    expect(await pref(emulator, 'HardwareAcceleratedCodecs')).toMatchObject({ value: false });
  });

  it('publishes a preference notification for each changed pref', async () => {
    emulator = testEmulator({ library: 'empty' });
    await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { allowMediaDeletion: 0, LogVerbose: 0 },
    });
    const preferences = emulator.notifications.history().filter((n) => n.type === 'preference');
    // LogVerbose was already off: only the real change is announced.
    expect(preferences).toEqual([
      {
        type: 'preference',
        element: 'Setting',
        entries: [
          expect.objectContaining({ id: 'allowMediaDeletion', type: 'bool', value: false }),
        ],
      },
    ]);
  });

  it('answers 400 with PMS text for an unknown pref and changes nothing', async () => {
    emulator = testEmulator({ library: 'empty' });
    const put = await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { FriendlyName: 'Changed', foo: 1 },
    });
    expect(put.status).toBe(400);
    expect(put.text).toBe('cannot set preference value for unknown preference foo');
    expect(await pref(emulator, 'FriendlyName')).toMatchObject({ value: 'Plex Emulator' });
  });

  it.each([
    ['LogVerbose', 'maybe'],
    ['ButlerStartHour', 'two'],
    ['ButlerStartHour', '2.5'],
    ['ScheduledLibraryUpdateInterval', '1234'],
    ['TranscoderQuality', '9'],
  ])('answers 400 for a value that does not fit %s (%s)', async (name, value) => {
    emulator = testEmulator({ library: 'empty' });
    const before = (await pref(emulator, name)).value;
    const put = await call(emulator, '/:/prefs', { method: 'PUT', query: { [name]: value } });
    expect(put.status).toBe(400);
    expect(put.text).toBe(BAD_REQUEST);
    expect((await pref(emulator, name)).value).toBe(before);
  });

  it('accepts a listed enum value', async () => {
    emulator = testEmulator({ library: 'empty' });
    const put = await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { ScheduledLibraryUpdateInterval: 86400 },
    });
    expect(put.status).toBe(200);
    expect((await pref(emulator, 'ScheduledLibraryUpdateInterval')).value).toBe(86400);
  });

  it('answers 400 without any pref and 403 to a shared user', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/:/prefs', { method: 'PUT' })).status).toBe(400);
    const shared = await call(emulator, '/:/prefs', {
      method: 'PUT',
      query: { FriendlyName: 'Mine now' },
      token: friendToken(emulator),
    });
    expect(shared.status).toBe(403);
    expect(shared.text).toContain('403 Forbidden');
    expect(await pref(emulator, 'FriendlyName')).toMatchObject({ value: 'Plex Emulator' });
  });
});
