import { describe, expect, it } from 'vitest';
import { emulatorClient, TEST_NOW_MS } from '../testing/emulator-client.js';
import { clientAs, lastUrl } from '../testing/lookups.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);

describe('statistics.bandwidth', () => {
  it('maps the timespan to its code and returns rows with the accounts and devices they name', async () => {
    const { client, sent } = emulatorClient();
    const report = await client.statistics.bandwidth({ timespan: 'days' });

    const url = lastUrl(sent);
    expect(url.pathname).toBe('/statistics/bandwidth');
    expect(url.searchParams.get('timespan')).toBe('3');
    expect(report.rows.length).toBeGreaterThan(0);
    for (const row of report.rows) {
      expect(row.timespan).toBe(3);
      expect(row.at % 86_400).toBe(0);
      expect(typeof row.lan).toBe('boolean');
      expect(row.bytes).toBeGreaterThan(0);
    }
    const accountIds = new Set(report.rows.map((row) => row.accountID));
    expect(report.accounts.map((account) => account.id).sort()).toEqual([...accountIds].sort());
    const deviceIds = new Set(report.rows.map((row) => row.deviceID));
    expect(report.devices.map((device) => device.id).sort()).toEqual([...deviceIds].sort());
  });

  it('defaults to the live (seconds) graph', async () => {
    const { client, sent } = emulatorClient();
    const report = await client.statistics.bandwidth();
    expect(lastUrl(sent).searchParams.get('timespan')).toBe('6');
    for (const row of report.rows) expect(row.at).toBeGreaterThanOrEqual(NOW - 125);
  });

  it('filters by account, device, LAN and time with Plex’s keys', async () => {
    const { client, sent } = emulatorClient();
    const since = new Date((NOW - 30 * 86_400) * 1000);
    const report = await client.statistics.bandwidth({
      timespan: 'days',
      accountId: 1,
      deviceId: 1,
      lan: true,
      since,
    });
    const url = lastUrl(sent);
    expect(url.searchParams.get('accountID')).toBe('1');
    expect(url.searchParams.get('deviceID')).toBe('1');
    expect(url.searchParams.get('lan')).toBe('1');
    expect(url.searchParams.get('at>')).toBe(String(NOW - 30 * 86_400));
    expect(report.rows.length).toBeGreaterThan(0);
    for (const row of report.rows) {
      expect(row).toMatchObject({ accountID: 1, deviceID: 1, lan: true });
      expect(row.at).toBeGreaterThanOrEqual(NOW - 30 * 86_400);
    }
    expect(report.accounts.map((account) => account.name)).toEqual(['demo_owner']);
  });

  it('refuses a timespan Plex lacks and milliseconds for seconds, before sending', async () => {
    const { client, sent } = emulatorClient();
    await expect(
      client.statistics.bandwidth({ timespan: 'minutes' as never }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(client.statistics.media({ since: TEST_NOW_MS })).rejects.toThrow(/milliseconds/);
    expect(sent).toHaveLength(0);
  });

  it('is FORBIDDEN for accounts other than the owner', async () => {
    const { emulator } = emulatorClient();
    await expect(clientAs(emulator, 3).statistics.bandwidth()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
  });
});

describe('statistics.media', () => {
  it('counts plays per account, device and type; defaults to hours', async () => {
    const { client, emulator, sent } = emulatorClient();
    const all = await client.statistics.media();
    expect(lastUrl(sent).searchParams.get('timespan')).toBe('4');
    const plays = all.rows.reduce((sum, row) => sum + row.count, 0);
    expect(plays).toBe(emulator.state.history.length);
    expect(new Set(all.rows.map((row) => row.metadataType))).toEqual(new Set([1, 4, 10]));

    const sam = await client.statistics.media({ timespan: 'months', accountId: 4 });
    expect(lastUrl(sent).searchParams.get('accountID')).toBe('4');
    expect(sam.rows.length).toBeGreaterThan(0);
    for (const row of sam.rows) {
      expect(row).toMatchObject({ accountID: 4, timespan: 1 });
      expect(row.duration).toBeGreaterThan(0);
    }
    const samPlays = emulator.state.history.filter((entry) => entry.accountId === 4).length;
    expect(sam.rows.reduce((sum, row) => sum + row.count, 0)).toBe(samPlays);
  });
});

describe('statistics.resources', () => {
  it('reads CPU and memory samples as percentages', async () => {
    const { client, sent } = emulatorClient();
    const samples = await client.statistics.resources({ timespan: 'hours' });
    expect(lastUrl(sent).pathname).toBe('/statistics/resources');
    expect(lastUrl(sent).searchParams.get('timespan')).toBe('4');
    expect(samples).toHaveLength(24);
    for (const sample of samples) {
      expect(sample.timespan).toBe(4);
      for (const value of [
        sample.hostCpuUtilization,
        sample.processCpuUtilization,
        sample.hostMemoryUtilization,
        sample.processMemoryUtilization,
      ]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }
    expect(samples.at(-1)?.at).toBe(NOW - (NOW % 3600));
  });
});
