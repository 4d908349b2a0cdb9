import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

const TOOL = 'sessions_get_media_playback_history';

describe('sessions_get_media_playback_history', () => {
  it('lists who watched a movie, newest first, with the device', async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, {
      media: 'Night of the Living Dead',
      media_type: 'movie',
    });
    expect(data.media).toMatchObject({ title: 'Night of the Living Dead', type: 'movie' });
    expect(data.plays).toHaveLength(2);
    expect(data).toMatchObject({ total: 2, offset: 0, limit: 50, has_more: false });
    for (const play of data.plays) {
      expect(play).toMatchObject({
        user: { account_id: 1, name: 'demo_owner' },
        device: { name: 'Living Room TV', platform: 'Roku' },
        item: { title: 'Night of the Living Dead', type: 'movie' },
      });
      expect(play.viewed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const [newer, older] = data.plays;
    expect(Date.parse(newer?.viewed_at ?? '')).toBeGreaterThan(Date.parse(older?.viewed_at ?? ''));
  });

  it("covers a show's episodes across users, paged", async () => {
    const h = toolHarness();
    const all = await h.data(TOOL, { media: 'Bonanza' });
    expect(all.total).toBe(4);
    expect(new Set(all.plays.map((p) => p.user.name))).toEqual(new Set(['demo_owner', 'jordan_k']));
    expect(all.plays[0]).toMatchObject({
      user: { name: 'jordan_k' },
      device: { name: "Jordan's Phone" },
      item: { type: 'episode', show: 'Bonanza', season: 2, episode: 1 },
    });
    const page = await h.data(TOOL, {
      media: all.media.id,
      limit: 2,
      offset: 1,
    });
    expect(page.plays.map((p) => p.history_id)).toEqual(
      all.plays.slice(1, 3).map((p) => p.history_id),
    );
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2, has_more: true });
  });

  it('answers an empty list for an item nobody watched', async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, { media: 'Charade' });
    expect(data).toMatchObject({ plays: [], total: 0, has_more: false });
  });

  it('refuses an ambiguous title with candidates', async () => {
    const h = toolHarness();
    const result = await h.call(TOOL, { media: 'Sherlock Holmes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    if (!result.ok) expect(result.error.details?.candidates).toHaveLength(2);
  });

  it('reports an unknown item and bad input', async () => {
    const h = toolHarness();
    expect(await h.call(TOOL, { media: '999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call(TOOL, { media: 'No Such Film Anywhere' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call(TOOL, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call(TOOL, { media: '1', limit: 501 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('sessions_get_media_playback_history when a name list is refused', () => {
  const args = { media: 'Night of the Living Dead', media_type: 'movie' } as const;

  it('lists the plays with user names null when the account list is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/accounts', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL, args);
    expect(data.plays).toHaveLength(2);
    for (const play of data.plays) {
      expect(play).toMatchObject({
        user: { account_id: 1, name: null },
        device: { name: 'Living Room TV', platform: 'Roku' },
      });
    }
    expect(data.warnings).toEqual(['user names unavailable: Plex refused (403)']);
  });

  it('lists the plays with device names null when the device list is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ pathPrefix: '/devices', errorRate: 1, errorStatus: 403 });
    const data = await h.data(TOOL, args);
    expect(data.plays[0]).toMatchObject({
      user: { name: 'demo_owner' },
      device: { name: null, platform: null },
    });
    expect(data.warnings).toEqual(['device names unavailable: Plex refused (403)']);
  });

  it('still fails when the history itself is refused', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      pathPrefix: '/status/sessions/history',
      errorRate: 1,
      errorStatus: 403,
    });
    expect(await h.call(TOOL, args)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('carries no warnings when both lists answered', async () => {
    expect(await toolHarness().data(TOOL, args)).not.toHaveProperty('warnings');
  });
});
