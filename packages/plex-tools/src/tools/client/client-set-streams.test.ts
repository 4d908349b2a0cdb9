import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';
import { itemKey, ROKU, startEpisode } from './testing.js';

function streamsOf(h: ToolHarness, ratingKey: string, streamType: 1 | 2 | 3) {
  const item = h.emulator.state.items.get(ratingKey);
  return (item?.media[0]?.parts[0]?.streams ?? []).filter((s) => s.streamType === streamType);
}

describe('client_set_streams', () => {
  it('switches the subtitles of Charade on the Roku, then turns them off', async () => {
    const h = toolHarness();
    const charade = itemKey(h, 'Charade');
    const [audio] = streamsOf(h, charade, 2);
    const subtitles = streamsOf(h, charade, 3);
    expect(subtitles.length).toBeGreaterThan(1);
    const chosen = subtitles[1];
    const data = await h.data('client_set_streams', {
      client: 'Living Room TV',
      audio_stream_id: audio?.id,
      subtitle_stream_id: chosen?.id,
    });
    expect(data).toMatchObject({
      player: { id: ROKU, name: 'Living Room TV' },
      timeline: {
        state: 'playing',
        item: { id: charade, title: 'Charade' },
        audio_stream_id: audio?.id,
        subtitle_stream_id: chosen?.id,
      },
    });
    const timeline = async () =>
      (await h.data('client_get_timelines', { client: ROKU })).timelines[0];
    expect(await timeline()).toMatchObject({ subtitle_stream_id: chosen?.id });

    await h.data('client_set_streams', { client: ROKU, subtitle_stream_id: 0 });
    expect(await timeline()).toMatchObject({ audio_stream_id: audio?.id, subtitle_stream_id: 0 });
  });

  it('refuses an audio stream id given as subtitles', async () => {
    const h = toolHarness();
    const [audio] = streamsOf(h, itemKey(h, 'Charade'), 2);
    const result = await h.call('client_set_streams', {
      client: ROKU,
      subtitle_stream_id: audio?.id,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('; 0 turns subtitles off.');
  });

  it('refuses a stream id the item does not have, listing the ones it has', async () => {
    const h = toolHarness();
    const episode = await startEpisode(h);
    const result = await h.call('client_set_streams', { client: ROKU, audio_stream_id: 424242 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) {
      expect(result.error.message).toContain('has no audio stream 424242');
      expect(result.error.details?.streams).toHaveLength(streamsOf(h, episode, 2).length);
    }
  });

  it('needs a stream id, and a player playing a video', async () => {
    const h = toolHarness();
    expect(await h.call('client_set_streams', { client: ROKU })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const idle = await h.call('client_set_streams', {
      client: 'Kitchen iPad',
      subtitle_stream_id: 0,
    });
    expect(idle).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!idle.ok) expect(idle.error.message).toContain('not playing a video');
    expect(
      await h.call('client_set_streams', { client: 'Attic', subtitle_stream_id: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
