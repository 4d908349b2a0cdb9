import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('client_get_active', () => {
  it('lists the Roku playing Charade and leaves out the idle iPad', async () => {
    const h = toolHarness();
    const data = await h.data('client_get_active');
    expect(data).toMatchObject({
      total: 1,
      players: [
        {
          id: 'roku-lr-7f3a',
          name: 'Living Room TV',
          state: 'playing',
          playing: [{ type: 'video', item: { title: 'Charade' }, position_ms: 2_472_000 }],
        },
      ],
    });
  });

  it('lists nobody once the Roku stops', async () => {
    const h = toolHarness();
    await h.plex.players.playback('roku-lr-7f3a', 'stop');
    expect(await h.data('client_get_active')).toEqual({ players: [], total: 0 });
  });

  it('keeps going when one player does not answer its poll', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/player/timeline/poll', errorRate: 1, errorStatus: 500 });
    expect(await h.data('client_get_active')).toEqual({ players: [], total: 0 });
  });
});
