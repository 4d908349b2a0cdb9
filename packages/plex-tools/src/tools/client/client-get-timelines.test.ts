import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('client_get_timelines', () => {
  it("shows the Roku's three timelines, Charade playing on video", async () => {
    const h = toolHarness();
    const charade = [...h.emulator.state.items.values()].find((i) => i.title === 'Charade');
    const data = await h.data('client_get_timelines', { client: 'roku-lr-7f3a' });
    expect(data).toMatchObject({
      player: { id: 'roku-lr-7f3a', name: 'Living Room TV' },
      location: 'fullScreenVideo',
      timelines: [
        {
          type: 'video',
          state: 'playing',
          item: { id: charade?.ratingKey, title: 'Charade', type: 'movie', year: 1963 },
          position_ms: 2_472_000,
          duration_ms: charade?.duration,
          volume: 100,
          muted: false,
          shuffle: false,
          repeat: 'off',
          subtitle_stream_id: 0,
          controllable: expect.arrayContaining(['playPause', 'seekTo']),
        },
        { type: 'music', state: 'stopped' },
        { type: 'photo', state: 'stopped' },
      ],
    });
  });

  it('names the players there are for an unknown one', async () => {
    const h = toolHarness();
    const result = await h.call('client_get_timelines', { client: 'Den' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('"Kitchen iPad" (id ipad-kt-19c2)');
  });

  it('rejects an empty client_id', async () => {
    const h = toolHarness();
    expect(await h.call('client_get_timelines', { client: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
