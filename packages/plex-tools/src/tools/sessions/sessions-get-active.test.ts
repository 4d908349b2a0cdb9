import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('sessions_get_active', () => {
  it('reports the direct play on the Roku and the remote transcode with totals', async () => {
    const h = toolHarness();
    const data = await h.data('sessions_get_active');
    const { sessions } = data;
    expect(sessions).toHaveLength(2);
    const roku = sessions.find((s) => s.session_key === '12');
    const phone = sessions.find((s) => s.session_key === '27');
    expect(roku).toMatchObject({
      session_id: 'k2x9f7m3q8w1c5v6b0n4h2jd',
      user: { id: '1', name: 'Demo Owner' },
      player: { name: 'Living Room TV', product: 'Plex for Roku', platform: 'Roku', local: true },
      item: { title: 'Charade', type: 'movie' },
      state: 'playing',
      position_ms: (41 * 60 + 12) * 1000,
      stream: { decision: 'direct_play' },
      location: 'lan',
    });
    expect(roku?.progress_percent).toBeGreaterThan(0);
    expect(phone).toMatchObject({
      user: { id: '3', name: 'jordan_k' },
      player: { local: false, platform: 'Android' },
      item: { type: 'episode', show: 'Bonanza', season: 2, episode: 2 },
      stream: {
        decision: 'transcode',
        video_decision: 'transcode',
        audio_decision: 'copy',
        hardware: true,
        throttled: true,
      },
      bandwidth_kbps: 2250,
      location: 'wan',
    });
    expect(phone?.stream.reasons).toContain('video transcoded (h264 → h264)');
    expect(data.totals).toMatchObject({
      sessions: 2,
      direct_play: 1,
      transcode: 1,
      direct_stream: 0,
      wan_kbps: 2250,
      bandwidth_kbps: 2250 + (roku?.bandwidth_kbps ?? 0),
    });
  });

  it('leaves player addresses out unless asked', async () => {
    const h = toolHarness();
    const plain = JSON.stringify(await h.data('sessions_get_active'));
    expect(plain).not.toContain('192.168.');
    expect(plain).not.toContain('"address"');
    const data = await h.data('sessions_get_active', { include_addresses: true });
    const roku = data.sessions.find((s) => s.session_key === '12');
    expect(roku?.player.address).toBe('192.168.1.40');
    expect(roku?.player.public_address).toBe('203.0.113.24');
  });

  it('lists nothing when nobody plays', async () => {
    const h = toolHarness();
    h.emulator.state.sessions.clear();
    const data = await h.data('sessions_get_active');
    expect(data.sessions).toEqual([]);
    expect(data.totals).toMatchObject({ sessions: 0, bandwidth_kbps: 0 });
  });

  it('rejects a non-boolean flag', async () => {
    const h = toolHarness();
    const result = await h.call('sessions_get_active', { include_addresses: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
