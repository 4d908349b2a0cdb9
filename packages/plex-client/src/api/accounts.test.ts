import { describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { lastUrl } from '../testing/lookups.js';

describe('accounts', () => {
  it('lists the server accounts, system account 0 first, with typed ids', async () => {
    const { client, emulator, sent } = emulatorClient();
    const accounts = await client.accounts.list();

    expect(lastUrl(sent).pathname).toBe('/accounts');
    expect(sent.at(-1)?.headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(accounts.map((account) => account.id)).toEqual([0, 1, 2, 3, 4]);
    expect(accounts[0]).toMatchObject({ id: 0, name: '' });
    expect(accounts.slice(1).map((account) => account.name)).toEqual([
      'demo_owner',
      'alex_home',
      'jordan_k',
      'sam.rivera',
    ]);
    expect(accounts[1]).toMatchObject({
      key: '/accounts/1',
      autoSelectAudio: true,
      subtitleMode: 2,
    });
  });

  it('gets one account, and NOT_FOUND for an unknown id', async () => {
    const { client, sent } = emulatorClient();
    expect(await client.accounts.get(3)).toMatchObject({ id: 3, name: 'jordan_k' });
    expect(lastUrl(sent).pathname).toBe('/accounts/3');

    const error = await client.accounts.get(99).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexNotFoundError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('lists devices as the history and statistics refer to them', async () => {
    const { client, emulator, sent } = emulatorClient();
    const devices = await client.accounts.devices();
    expect(lastUrl(sent).pathname).toBe('/devices');
    expect(devices.map((device) => [device.id, device.clientIdentifier])).toEqual(
      emulator.state.devices.map((device) => [device.id, device.clientIdentifier]),
    );
    expect(devices.find((device) => device.clientIdentifier === 'roku-lr-7f3a')).toMatchObject({
      name: 'Living Room TV',
      platform: 'Roku',
    });

    const ipad = await client.accounts.device(2);
    expect(lastUrl(sent).pathname).toBe('/devices/2');
    expect(ipad).toMatchObject({ id: 2, name: 'Kitchen iPad', clientIdentifier: 'ipad-kt-19c2' });
    await expect(client.accounts.device(404)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says NOT_FOUND when Plex answers an empty container for one account', async () => {
    const client = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      token: 'token-value',
      retry: false,
      fetch: async () => Response.json({ MediaContainer: { size: 0 } }),
    });
    await expect(client.accounts.get(7)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      url: 'http://plex.test:32400/accounts/7',
    });
  });
});
