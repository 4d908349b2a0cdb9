import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
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
    const [movies] = data.libraries as { scanned_at: string }[];
    expect(movies?.scanned_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('counts without loading items on a 10,000-item library', async () => {
    const h = toolHarness({ library: 'synthetic:10000' });
    const data = await h.data('library_list');
    const counts = (data.libraries as { item_count: number }[]).map((l) => l.item_count);
    expect(counts[0]).toBe(6000);
  });

  it('reports Plex being down as PLEX_UNREACHABLE with a hint', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ unreachable: true });
    const result = await h.call('library_list');
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_UNREACHABLE' } });
    // One piece of advice, the deployment's, in place of the client's generic one.
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^Cannot reach Plex Media Server for GET \/library\/sections \(\w+\)\. Check PLEX_URL and that Plex Media Server is running\.$/,
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
