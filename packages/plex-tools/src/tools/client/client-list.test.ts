import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('client_list', () => {
  it('lists both players with state and capabilities', async () => {
    const h = toolHarness();
    const data = await h.data('client_list');
    expect(data.total).toBe(2);
    expect(data.players).toEqual([
      {
        id: 'roku-lr-7f3a',
        name: 'Living Room TV',
        product: expect.any(String),
        device_class: expect.any(String),
        capabilities: expect.arrayContaining(['timeline', 'playback', 'navigation']),
        state: 'playing',
      },
      {
        id: 'ipad-kt-19c2',
        name: 'Kitchen iPad',
        product: 'Plex for iOS',
        device_class: 'tablet',
        capabilities: ['timeline', 'playback', 'playqueues', 'mirror'],
        state: 'idle',
      },
    ]);
  });

  it('adds version and address when asked', async () => {
    const h = toolHarness();
    const data = await h.data('client_list', { include_details: true });
    expect(data.players[1]).toMatchObject({
      name: 'Kitchen iPad',
      version: '2024.22.0',
      address: '192.168.1.52',
      port: 32500,
      protocol_version: 1,
    });
  });

  it('rejects a non-boolean include_details', async () => {
    const h = toolHarness();
    expect(await h.call('client_list', { include_details: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
