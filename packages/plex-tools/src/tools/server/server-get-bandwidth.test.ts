import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('server_get_bandwidth', () => {
  it('sums the live graph per user and device, LAN vs WAN', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_bandwidth', { timespan: 'seconds' });
    // The owner plays on the Roku at home; jordan_k transcodes from outside.
    expect(data).toMatchObject({
      timespan: 'seconds',
      first_bin_at: '2025-11-22T11:58:00.000Z',
      last_bin_at: '2025-11-22T11:59:55.000Z',
      bytes: 167340000,
      lan_bytes: 133590000,
      wan_bytes: 33750000,
      by_user: [
        { username: 'demo_owner', bytes: 133590000, lan_bytes: 133590000, wan_bytes: 0 },
        { username: 'jordan_k', bytes: 33750000, lan_bytes: 0, wan_bytes: 33750000 },
      ],
      by_device: [
        { device: 'Living Room TV', platform: 'Roku', username: 'demo_owner' },
        { device: "Jordan's Phone", platform: 'Android', username: 'jordan_k' },
      ],
    });
  });

  it('covers the history with longer bins, heaviest users first', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_bandwidth', { timespan: 'days' });
    const users = data.by_user.map((u) => u.username);
    expect(users).toEqual(['demo_owner', 'sam.rivera', 'alex_home', 'jordan_k']);
    const devices = data.by_device;
    expect(devices).toContainEqual(
      expect.objectContaining({ device: 'Chrome', username: 'demo_owner' }),
    );
    expect(data.bytes).toBe((data.lan_bytes as number) + (data.wan_bytes as number));
  });

  it('keeps only WAN traffic with lan false', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_bandwidth', { timespan: 'days', lan: false });
    expect(data.lan_bytes).toBe(0);
    expect(data.by_user.map((u) => u.username)).toEqual(['sam.rivera', 'jordan_k']);
  });

  it('keeps one user, named case-insensitively', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_bandwidth', { timespan: 'days', username: 'Alex_Home' });
    expect(data.by_user).toEqual([
      { username: 'alex_home', bytes: 7315857000, lan_bytes: 7315857000, wan_bytes: 0 },
    ]);
    expect(data.by_device.map((d) => d.device)).toEqual(['Kitchen iPad']);
  });

  it('names the accounts there are for an unknown user', async () => {
    const h = toolHarness();
    const result = await h.call('server_get_bandwidth', { timespan: 'days', username: 'nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        'No account "nobody" on this server. Accounts: "demo_owner", "alex_home", "jordan_k", "sam.rivera".',
      );
  });

  it('refuses an unknown or missing timespan', async () => {
    const h = toolHarness();
    for (const args of [{ timespan: 'years' }, {}]) {
      expect(await h.call('server_get_bandwidth', args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
