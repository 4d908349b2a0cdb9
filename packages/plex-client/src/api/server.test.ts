import { describe, expect, it } from 'vitest';
import { emulatorClient, TEST_NOW_MS } from '../testing/emulator-client.js';

describe('server', () => {
  it('reads the identity without needing anything else', async () => {
    const { client, emulator } = emulatorClient({ library: 'empty' });
    const identity = await client.server.identity();
    expect(identity.machineIdentifier).toBe(emulator.machineIdentifier);
    expect(identity.claimed).toBe(true);
  });

  it('reads capabilities with typed values', async () => {
    const { client, sent } = emulatorClient({ library: 'empty', allowMediaDeletion: false });
    const info = await client.server.info();
    expect(info).toMatchObject({
      friendlyName: 'Plex Emulator',
      platform: 'Linux',
      allowMediaDeletion: false,
      myPlexSigninState: 'ok',
    });
    expect(typeof info.transcoderActiveVideoSessions).toBe('number');
    expect(info.Directory.map((d) => d.key)).toContain('library');
    expect(new URL(sent[0]!.url).pathname).toBe('/');
  });
});

describe('server prefs', () => {
  it('reads every preference with typed values', async () => {
    const { client, sent } = emulatorClient({ library: 'empty' });
    const prefs = await client.server.prefs();
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/:/prefs');
    expect(prefs.find((pref) => pref.id === 'FriendlyName')).toMatchObject({
      type: 'text',
      value: 'Plex Emulator',
    });
    const deletion = prefs.find((pref) => pref.id === 'allowMediaDeletion');
    expect(deletion).toMatchObject({ type: 'bool', value: true, default: false });
  });

  it('sets several prefs in one PUT, booleans as 1/0, and they read back', async () => {
    const { client, sent } = emulatorClient({ library: 'empty' });
    await client.server.setPrefs({ FriendlyName: 'Basement Server', allowMediaDeletion: false });
    const request = sent.at(-1);
    expect(request?.method).toBe('PUT');
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/:/prefs');
    expect(url.searchParams.get('FriendlyName')).toBe('Basement Server');
    expect(url.searchParams.get('allowMediaDeletion')).toBe('0');

    const prefs = await client.server.prefs();
    expect(prefs.find((pref) => pref.id === 'FriendlyName')?.value).toBe('Basement Server');
    expect(prefs.find((pref) => pref.id === 'allowMediaDeletion')?.value).toBe(false);
    expect((await client.server.info()).friendlyName).toBe('Basement Server');
  });

  it('is BAD_REQUEST for an unknown pref, and nothing changes', async () => {
    const { client } = emulatorClient({ library: 'empty' });
    await expect(
      client.server.setPrefs({ FriendlyName: 'Changed', NoSuchPref: 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect((await client.server.info()).friendlyName).toBe('Plex Emulator');
    await expect(client.server.setPrefs({})).rejects.toBeInstanceOf(TypeError);
  });
});

describe('server updater', () => {
  it('reads the available release with the token masked by Plex', async () => {
    const { client, sent } = emulatorClient({ library: 'empty' });
    const status = await client.server.updaterStatus();
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/updater/status');
    expect(status).not.toHaveProperty('size');
    expect(status.canInstall).toBe(false);
    expect(status.Release).toHaveLength(1);
    expect(status.Release[0]?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(status.Release[0]?.fixed).toContain('(Butler)');
    expect(status.downloadURL).toContain('X-Plex-Token=xxxxxxxx');
  });

  it('checks for updates with PUT /updater/check and records when', async () => {
    const { client, sent } = emulatorClient({ library: 'empty' });
    const before = await client.server.updaterStatus();
    await client.server.checkForUpdates({ download: true });
    const request = sent.at(-1);
    expect(request?.method).toBe('PUT');
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/updater/check');
    expect(url.searchParams.get('download')).toBe('1');
    const after = await client.server.updaterStatus();
    expect(after.checkedAt).toBe(Math.floor(TEST_NOW_MS / 1000));
    expect(after.checkedAt).not.toBe(before.checkedAt);
  });
});

describe('withToken', () => {
  it('acts as another account with the same settings', async () => {
    const { client, emulator, sent } = emulatorClient();
    const friend = [...emulator.state.accounts.values()].find((a) => a.username === 'jordan_k')!;
    const asFriend = client.withToken(friend.serverToken);
    const sessions = await asFriend.sessions.active();
    expect(sessions.map((s) => s.User?.title)).toEqual(['jordan_k']);
    const last = sent.at(-1)!;
    expect(last.headers.get('X-Plex-Token')).toBe(friend.serverToken);
    expect(last.headers.get('X-Plex-Client-Identifier')).toBe('plexmcp-test');
  });
});
