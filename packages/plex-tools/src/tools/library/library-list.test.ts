import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';
import { socketHarness, warningsDuring } from '../../testing/socket.js';

/** A harness whose client records every request it sends to Plex. */
function recordingHarness(): { h: ToolHarness; requests: Request[] } {
  const requests: Request[] = [];
  const h: ToolHarness = toolHarness(
    {},
    {
      fetch: (input, init) => {
        const request = new Request(input, init);
        requests.push(request);
        return h.emulator.fetch(request);
      },
    },
  );
  return { h, requests };
}

/** Method, path and query of each request, as Plex would log them. */
const sent = (requests: Request[]) =>
  requests.map((r) => {
    const url = new URL(r.url);
    return `${r.method} ${url.pathname}${url.search}`;
  });

describe('library_list', () => {
  it('lists the demo libraries from the one section list request, without counts', async () => {
    const { h, requests } = recordingHarness();
    const data = await h.data('library_list');
    expect(sent(requests)).toEqual(['GET /library/sections']);
    expect(data).toEqual({
      libraries: [
        {
          id: '1',
          title: 'Movies',
          type: 'movie',
          agent: 'tv.plex.agents.movie',
          scanner: 'Plex Movie',
          locations: ['/data/media/movies'],
          updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          scanned_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          refreshing: false,
        },
        expect.objectContaining({ id: '2', title: 'TV Shows', type: 'show' }),
        expect.objectContaining({ id: '3', title: 'Music', type: 'artist' }),
      ],
    });
    for (const library of data.libraries) expect(library).not.toHaveProperty('item_count');
  });

  it('adds counts on request, one counting query (page size 0) per library', async () => {
    const { h, requests } = recordingHarness();
    const data = await h.data('library_list', { include_counts: true });
    expect(data.libraries.map((l) => [l.title, l.item_count])).toEqual([
      ['Movies', 17],
      ['TV Shows', 3],
      ['Music', 3],
    ]);
    expect(sent(requests)).toEqual([
      'GET /library/sections',
      'GET /library/sections/1/all',
      'GET /library/sections/2/all',
      'GET /library/sections/3/all',
    ]);
    for (const r of requests.slice(1)) {
      expect(r.headers.get('X-Plex-Container-Start')).toBe('0');
      expect(r.headers.get('X-Plex-Container-Size')).toBe('0');
    }
  });

  it('counts without loading items on a 10,000-item library', async () => {
    const h = toolHarness({ library: 'synthetic:10000' });
    const data = await h.data('library_list', { include_counts: true });
    const counts = data.libraries.map((l) => l.item_count);
    expect(counts[0]).toBe(6000);
  });

  it('refuses a count flag that is not a boolean', async () => {
    expect(await toolHarness().call('library_list', { include_counts: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
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
      const [result, warnings] = await warningsDuring(() =>
        s.call('library_list', { include_counts: true }),
      );
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
    const data = await h.data('library_list', { include_counts: true });
    const libraries = data.libraries;
    expect(libraries.map((l) => [l.title, l.item_count])).toEqual([
      ['Movies', null],
      ['TV Shows', 3],
      ['Music', 3],
    ]);
    expect(data.warnings).toEqual(['item count of Movies unavailable: Plex refused (403)']);
  });

  it('leaves warnings out when every count answered', async () => {
    const data = await toolHarness().data('library_list', { include_counts: true });
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
