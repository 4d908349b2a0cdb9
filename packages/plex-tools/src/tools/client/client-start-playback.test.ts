import { describe, expect, it } from 'vitest';
import type { ToolInput } from '../../registry.js';
import { toolHarness } from '../../testing/harness.js';
import { itemKey, ROKU } from './testing.js';

describe('client_start_playback', () => {
  it('starts an episode on the Living Room TV, then pause, seek, streams and stop show up', async () => {
    const h = toolHarness();
    const episode = itemKey(h, 'The Clampetts Strike Oil', 'episode');
    const started = await h.data('client_start_playback', {
      client: 'Living Room TV',
      media: 'The Clampetts Strike Oil',
      offset_ms: 60_000,
    });
    expect(started).toMatchObject({
      player: { id: ROKU, name: 'Living Room TV' },
      item: {
        id: episode,
        title: 'The Clampetts Strike Oil',
        type: 'episode',
        parent: 'The Beverly Hillbillies',
      },
      play_queue_id: expect.any(Number),
      offset_ms: 60_000,
    });
    const timeline = async () =>
      (await h.data('client_get_timelines', { client: ROKU })).timelines[0];
    expect(await timeline()).toMatchObject({
      type: 'video',
      state: 'playing',
      item: { id: episode, title: 'The Clampetts Strike Oil' },
      position_ms: 60_000,
      play_queue_id: started.play_queue_id,
    });
    // The server sees the new session too.
    const sessions = [...h.emulator.state.sessions.values()];
    expect(sessions.find((s) => s.ratingKey === episode)).toMatchObject({ playerId: ROKU });

    const ctl = (action: ToolInput<'client_control_playback'>['action'], value?: number) =>
      h.data('client_control_playback', {
        client: ROKU,
        action,
        ...(value === undefined ? {} : { value }),
      });
    await ctl('pause');
    expect(await timeline()).toMatchObject({ state: 'paused' });
    await ctl('seek_to', 200_000);
    expect(await timeline()).toMatchObject({ state: 'paused', position_ms: 200_000 });

    const audio = h.emulator.state.items
      .get(episode)
      ?.media[0]?.parts[0]?.streams.find((s) => s.streamType === 2);
    await h.data('client_set_streams', {
      client: ROKU,
      audio_stream_id: audio?.id,
      subtitle_stream_id: 0,
    });
    expect(await timeline()).toMatchObject({ audio_stream_id: audio?.id, subtitle_stream_id: 0 });

    await ctl('stop');
    expect(await timeline()).toEqual({ type: 'video', state: 'stopped' });
    expect(await h.data('client_get_details', { client: ROKU })).toMatchObject({
      state: 'idle',
      location: 'navigation',
    });
  });

  it('plays a whole album by id on the Kitchen iPad, on its music timeline', async () => {
    const h = toolHarness();
    const track = [...h.emulator.state.items.values()].find((i) => i.type === 'track');
    const album = track?.parentRatingKey ?? '';
    const data = await h.data('client_start_playback', {
      client: 'ipad-kt-19c2',
      media: album,
    });
    expect(data).toMatchObject({
      item: { id: album, type: 'album' },
      offset_ms: 0,
      timeline: { type: 'music', state: 'playing', position_ms: 0 },
    });
  });

  it('is AMBIGUOUS for a title two films share', async () => {
    const h = toolHarness();
    const result = await h.call('client_start_playback', {
      client: ROKU,
      media: 'Sherlock Holmes',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    const ok = await h.data('client_start_playback', {
      client: ROKU,
      media: 'Sherlock Holmes',
      year: 1922,
    });
    expect(ok.item).toMatchObject({ title: 'Sherlock Holmes', year: 1922 });
  });

  it('refuses an offset past the end, an unknown item and an unknown player', async () => {
    const h = toolHarness();
    expect(
      await h.call('client_start_playback', {
        client: ROKU,
        media: 'Detour',
        offset_ms: 99_999_999,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('client_start_playback', { client: ROKU, media: '999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const result = await h.call('client_start_playback', {
      client: 'Porch Speaker',
      media: 'Detour',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('Players: "Living Room TV"');
    expect(
      await h.call('client_start_playback', { client: ROKU, offset_ms: -5, media: '1' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
