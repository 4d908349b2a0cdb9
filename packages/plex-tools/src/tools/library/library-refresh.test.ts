import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS, toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';

const NOW_ISO = new Date(TEST_NOW_MS).toISOString();

describe('library_refresh', () => {
  it('refreshes one library, waits for the scan and reports progress', async () => {
    const h = toolHarness();
    const data = await h.data('library_refresh', { library: 'Movies' });
    expect(data).toMatchObject({
      finished: true,
      libraries: [{ id: '1', title: 'Movies', scanning: false, scanned_at: NOW_ISO }],
      message: 'Refresh of Movies finished.',
    });
    expect(h.progress.length).toBeGreaterThan(0);
    expect(h.progress.at(-1)).toMatchObject({ progress: 100, total: 100 });
    const list = await h.data('library_list');
    expect(list.libraries[0]?.refreshing).toBe(false);
    const log = h.emulator.state.logs;
    expect(JSON.stringify(log)).toContain('Scanning section 1 (Movies)');
  });

  it('refreshes every library when none is named, forced', async () => {
    const h = toolHarness();
    const data = await h.data('library_refresh', { force: true });
    expect(data.finished).toBe(true);
    expect(data.libraries.map((l) => l.title)).toEqual(['Movies', 'TV Shows', 'Music']);
    expect(JSON.stringify(h.emulator.state.logs)).toContain('forced metadata refresh');
  });

  it('returns while the scan still runs when the wait runs out', async () => {
    const h = toolHarness({ activityStepMs: 60_000 });
    const data = await h.data('library_refresh', { library: '2', wait_seconds: 0 });
    expect(data).toMatchObject({
      finished: false,
      libraries: [{ id: '2', title: 'TV Shows', scanning: true }],
    });
    expect(data.message).toContain('still running after 0 s');
    const list = await h.data('library_list');
    expect(list.libraries[1]?.refreshing).toBe(true);
    await h.plex.libraries.cancelRefreshAll();
  });

  it('stops waiting when the call is cancelled', async () => {
    const h = toolHarness({ activityStepMs: 60_000 });
    const controller = new AbortController();
    const pending = h.call('library_refresh', { library: 'Music' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    await h.plex.libraries.cancelRefreshAll();
  });

  it('names the libraries there are when the name is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('library_refresh', { library: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('library_refresh', { wait_seconds: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('library_refresh when the scan cannot be watched', () => {
  it('reports the refresh as started, with finished null and named in warnings', async () => {
    let started = false;
    const h = harnessRefusing((url) => {
      if (url.pathname === '/library/sections/1/refresh') started = true;
      return started && url.pathname === '/library/sections';
    });
    const data = await h.data('library_refresh', { library: 'Movies' });
    expect(data).toMatchObject({
      finished: null,
      libraries: [{ id: '1', title: 'Movies', scanning: null }],
      message: 'Refresh of Movies started; whether it finished is unknown.',
    });
    expect(data.warnings).toEqual(['scan progress unavailable: Plex refused (403)']);
  });

  it('still fails when the refresh itself is refused', async () => {
    const h = harnessRefusing(['/library/sections/1/refresh']);
    expect(await h.call('library_refresh', { library: 'Movies' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
