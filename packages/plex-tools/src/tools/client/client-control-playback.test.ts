import { describe, expect, it } from 'vitest';
import type { ToolInput } from '../../registry.js';
import { toolHarness } from '../../testing/harness.js';
import { itemKey, ROKU, startEpisode } from './testing.js';

const control = (action: ToolInput<'client_control_playback'>['action'], value?: number) => ({
  client: 'Living Room TV',
  action,
  ...(value === undefined ? {} : { value }),
});

describe('client_control_playback', () => {
  it('pauses, plays, seeks, steps and sets the volume of the playing episode', async () => {
    const h = toolHarness();
    const episode = await startEpisode(h);

    expect(await h.data('client_control_playback', control('pause'))).toMatchObject({
      player: { id: ROKU, name: 'Living Room TV' },
      action: 'pause',
      timeline: { type: 'video', state: 'paused', item: { id: episode }, position_ms: 120_000 },
    });
    const seeked = await h.data('client_control_playback', control('seek_to', 300_000));
    expect(seeked.timeline).toMatchObject({ state: 'paused', position_ms: 300_000 });
    const stepped = await h.data('client_control_playback', control('step_forward'));
    expect(stepped.timeline).toMatchObject({ position_ms: 330_000 });
    await h.data('client_control_playback', control('step_back'));
    const volume = await h.data('client_control_playback', control('set_volume', 40));
    expect(volume.timeline).toMatchObject({ volume: 40 });
    await h.data('client_control_playback', control('play'));

    // A separate read shows the same state.
    const read = await h.data('client_get_timelines', { client: ROKU });
    expect(read.timelines[0]).toMatchObject({
      state: 'playing',
      position_ms: 320_000,
      volume: 40,
    });
  });

  it('skips through a show and stops', async () => {
    const h = toolHarness();
    await h.plex.players.playMedia(ROKU, { ratingKey: itemKey(h, 'The Beverly Hillbillies') });
    const first = await h.data('client_get_timelines', { client: ROKU });
    const episode = first.timelines[0]?.item?.id;
    const next = await h.data('client_control_playback', control('skip_next'));
    const nextId = next.timeline?.item?.id;
    expect(nextId).not.toBe(episode);
    expect(next.timeline).toMatchObject({ state: 'playing', position_ms: 0 });
    const back = await h.data('client_control_playback', control('skip_previous'));
    expect(back.timeline).toMatchObject({ item: { id: episode } });
    const stopped = await h.data('client_control_playback', control('stop'));
    expect(stopped.timeline).toEqual({ type: 'video', state: 'stopped' });
    // With nothing playing, a skip is refused.
    expect(await h.call('client_control_playback', control('skip_next'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.data('client_get_active')).toMatchObject({ total: 0 });
  });

  it('refuses commands on a player that plays nothing', async () => {
    const h = toolHarness();
    const result = await h.call('client_control_playback', {
      client: 'Kitchen iPad',
      action: 'pause',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Kitchen iPad is not playing anything. Start something with client_start_playback.',
      },
    });
  });

  it('requires value only where it means something', async () => {
    const h = toolHarness();
    for (const args of [
      control('seek_to'),
      control('set_volume'),
      control('pause', 10),
      control('set_volume', 150),
      control('seek_to', -1),
      { ...control('play'), action: 'rewind' },
    ]) {
      expect(await h.call('client_control_playback', args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('refuses a seek past the end of the item', async () => {
    const h = toolHarness();
    await startEpisode(h);
    const result = await h.call('client_control_playback', control('seek_to', 999_999_999));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('past the end');
  });

  it('says mute and unmute are not remote-control commands, pointing to set_volume', async () => {
    const h = toolHarness();
    for (const action of ['mute', 'unmute'] as const) {
      const result = await h.call('client_control_playback', control(action));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.message).toContain('set_volume');
    }
  });

  it('names the players there are for an unknown player', async () => {
    const h = toolHarness();
    const result = await h.call('client_control_playback', {
      client: 'Garage TV',
      action: 'pause',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('"Living Room TV" (id roku-lr-7f3a)');
  });
});
