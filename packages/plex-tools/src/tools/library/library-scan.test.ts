import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS, toolHarness } from '../../testing/harness.js';

describe('library_scan', () => {
  it('scans one folder of a library and waits for the end', async () => {
    const h = toolHarness();
    const data = await h.data('library_scan', {
      library: 'tv shows',
      path: '/data/media/tv/Bonanza/',
    });
    expect(data).toMatchObject({
      finished: true,
      libraries: [
        {
          id: '2',
          title: 'TV Shows',
          scanning: false,
          scanned_at: new Date(TEST_NOW_MS).toISOString(),
        },
      ],
      message: 'Scan of TV Shows finished.',
    });
    expect(h.progress.at(-1)).toMatchObject({ progress: 100, total: 100 });
    const log = JSON.stringify(h.emulator.state.logs);
    expect(log).toContain('Scanning section 2 (TV Shows) at /data/media/tv/Bonanza/');
    expect(log).not.toContain('forced');
  });

  it('scans a whole library by id, reporting it running when not waiting', async () => {
    const h = toolHarness({ activityStepMs: 60_000 });
    const data = await h.data('library_scan', { library: '3', wait_seconds: 0 });
    expect(data).toMatchObject({
      finished: false,
      libraries: [{ id: '3', title: 'Music', scanning: true }],
    });
    expect(data.message).toBe(
      'Scan of Music still running after 0 s; library_list shows refreshing until it ends.',
    );
    await h.plex.libraries.cancelRefreshAll();
  });

  it('refuses a folder outside the library, naming its folders', async () => {
    const h = toolHarness();
    const result = await h.call('library_scan', { library: 'Movies', path: '/data/media/tv' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        '/data/media/tv is not in library "Movies"; give a folder inside /data/media/movies.',
      );
  });

  it('needs a library, and a known one', async () => {
    const h = toolHarness();
    expect(await h.call('library_scan', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'library', problem: 'required' }] },
      },
    });
    expect(await h.call('library_scan', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
