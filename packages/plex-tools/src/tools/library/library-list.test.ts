import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';
import { socketHarness, warningsDuring } from '../../testing/socket.js';

describe('library_list', () => {
  it('lists the demo libraries with counts from counting queries', async () => {
    const h = toolHarness();
    const data = await h.data('library_list');
    expect(data.libraries).toEqual([
      expect.objectContaining({
        id: '1',
        title: 'Movies',
        type: 'movie',
        item_count: 17,
        locations: ['/data/media/movies'],
        refreshing: false,
      }),
      expect.objectContaining({ id: '2', title: 'TV Shows', type: 'show', item_count: 3 }),
      expect.objectContaining({ id: '3', title: 'Music', type: 'artist', item_count: 3 }),
    ]);
    const [movies] = data.libraries;
    expect(movies?.scanned_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('counts without loading items on a 10,000-item library', async () => {
    const h = toolHarness({ library: 'synthetic:10000' });
    const data = await h.data('library_list');
    const counts = data.libraries.map((l) => l.item_count);
    expect(counts[0]).toBe(6000);
  });

  it('reports Plex being down as PLEX_UNREACHABLE with what to check', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ unreachable: true });
    const result = await h.call('library_list');
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_UNREACHABLE' } });
    // Advice that fits any deployment; mcp-server names its own setting (PLEX_URL) instead.
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^Cannot reach Plex Media Server for GET \/library\/sections \(\w+\)\. Check the URL and that the server is running and reachable from this machine\.$/,
      );
    }
  });

  it('counts 20 libraries without overloading the call signal (over a socket)', async () => {
    const s = await socketHarness();
    try {
      const movies = s.emulator.state.sections.get(1);
      if (!movies) throw new Error('the demo has no Movies library');
      for (let id = 10; id < 27; id++) {
        s.emulator.state.sections.set(id, { ...movies, id, title: `Movies ${id}` });
      }
      const [result, warnings] = await warningsDuring(() => s.call('library_list'));
      expect(result).toMatchObject({ ok: true, data: { libraries: expect.any(Array) } });
      if (result.ok) expect(result.data.libraries).toHaveLength(20);
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('library_list when a section count is refused', () => {
  it('still lists the libraries, with that count null and named in warnings', async () => {
    const h = toolHarness();
    // Only the Movies section's counting query (/library/sections/1/all) is refused.
    h.emulator.faults.set({ pathPrefix: '/library/sections/1/', errorRate: 1, errorStatus: 403 });
    const data = await h.data('library_list');
    const libraries = data.libraries;
    expect(libraries.map((l) => [l.title, l.item_count])).toEqual([
      ['Movies', null],
      ['TV Shows', 3],
      ['Music', 3],
    ]);
    expect(data.warnings).toEqual(['item count of Movies unavailable: Plex refused (403)']);
  });

  it('leaves warnings out when every count answered', async () => {
    const data = await toolHarness().data('library_list');
    expect(data).not.toHaveProperty('warnings');
  });

  it('still fails when the library list itself is refused', async () => {
    const h = harnessRefusing(['/library/sections']);
    expect(await h.call('library_list')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
