import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';

/** Waits until the tool's event stream reached the emulator. */
async function subscribed(h: ToolHarness): Promise<void> {
  for (let i = 0; i < 400 && h.emulator.notifications.subscriberCount === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (h.emulator.notifications.subscriberCount === 0) throw new Error('never subscribed');
}

interface Alert {
  type: string;
  received_at: string;
  summary?: string;
  data: Record<string, unknown>;
}

// Each test listens for real seconds; on a loaded 2-core CI machine that needs headroom.
describe('server_get_alerts', { timeout: 30_000 }, () => {
  it('returns the notifications of a scan triggered during the window', async () => {
    const h = toolHarness();
    const listening = h.data('server_get_alerts', { timeout_seconds: 1 });
    await subscribed(h);
    await h.plex.libraries.refresh(1);
    const data = await listening;
    expect(data).toMatchObject({ stopped: 'timeout', omitted: 0 });
    expect(data.listened_seconds).toBeGreaterThanOrEqual(0.9);
    const alerts = data.alerts as Alert[];
    expect(data.total).toBe(alerts.length);
    const activity = alerts.filter((a) => a.type === 'activity');
    const events = activity.map((a) => a.data.event);
    expect(events[0]).toBe('started');
    expect(events.at(-1)).toBe('ended');
    expect(activity[0]?.data).toMatchObject({
      Activity: { type: 'library.update.section', Context: { librarySectionID: '1' } },
    });
    expect(activity[0]?.summary).toMatch(/started/);
    expect((data.counts as Record<string, number>).activity).toBe(activity.length);
    expect(alerts[0]?.received_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The stream is closed once the window ends.
    expect(h.emulator.notifications.subscriberCount).toBe(0);
  });

  it('reports progress each second of the window', async () => {
    const h = toolHarness();
    await h.data('server_get_alerts', { timeout_seconds: 2 });
    expect(h.progress.length).toBeGreaterThanOrEqual(1);
    expect(h.progress[0]).toMatchObject({ progress: 1, total: 2 });
    expect(h.progress[0]?.message).toMatch(/^Listening: \d+ notifications? so far$/);
  });

  it('keeps only the types asked for', async () => {
    const h = toolHarness();
    const listening = h.data('server_get_alerts', { timeout_seconds: 1, types: ['status'] });
    await subscribed(h);
    await h.plex.libraries.refresh(1);
    const data = await listening;
    expect((data.alerts as Alert[]).map((a) => [a.type, a.summary])).toEqual([
      ['status', 'Scanning the "Movies" section'],
      ['status', 'Library scan complete'],
    ]);
    expect(data.counts).toEqual({ status: 2 });
  });

  it('returns nothing when nothing happens', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_alerts', { timeout_seconds: 1, types: ['timeline'] });
    expect(data).toMatchObject({ alerts: [], total: 0, counts: {}, stopped: 'timeout' });
  });

  it('stops early when the caller cancels, returning what arrived', async () => {
    const h = toolHarness();
    const controller = new AbortController();
    const start = Date.now();
    const listening = h.call(
      'server_get_alerts',
      { timeout_seconds: 30 },
      {
        signal: controller.signal,
      },
    );
    await subscribed(h);
    await h.plex.libraries.refresh(2);
    await h.emulator.idle();
    controller.abort();
    const result = await listening;
    expect(Date.now() - start).toBeLessThan(5000);
    expect(result).toMatchObject({ ok: true, data: { stopped: 'cancelled' } });
    if (result.ok) expect(result.data.total).toBeGreaterThan(0);
    expect(h.emulator.notifications.subscriberCount).toBe(0);
  });

  it('refuses a window outside 1-60 seconds and bad type names', async () => {
    const h = toolHarness();
    for (const args of [
      { timeout_seconds: 0 },
      { timeout_seconds: 61 },
      { timeout_seconds: 1.5 },
      { types: [] },
      { types: [' '] },
    ]) {
      expect(await h.call('server_get_alerts', args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('reports Plex being down as PLEX_UNREACHABLE', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ unreachable: true });
    expect(await h.call('server_get_alerts', { timeout_seconds: 1 })).toMatchObject({
      ok: false,
      error: { code: 'PLEX_UNREACHABLE' },
    });
  });
});
