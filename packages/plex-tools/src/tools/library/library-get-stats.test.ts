import type { PlexEmulatorOptions } from '@plexmcp/plex-emulator';
import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';
import { socketHarness, warningsDuring } from '../../testing/socket.js';

/** A part a healthy server always answers; fails the test when the tool gave null instead. */
function answered<T>(part: T | null | undefined): T {
  if (part === null || part === undefined) throw new Error('expected the part, got null');
  return part;
}

/** Tag lists as a Plex that leaves out `count` sends them. */
async function withoutCounts(response: Response): Promise<Response> {
  const body = (await response.json()) as { MediaContainer: { Directory?: object[] } };
  const directories = (body.MediaContainer.Directory ?? []).map((entry) => {
    const { count: _count, ...rest } = entry as { count?: number };
    return rest;
  });
  const stripped = { MediaContainer: { ...body.MediaContainer, Directory: directories } };
  return new Response(JSON.stringify(stripped), { status: 200, headers: response.headers });
}

/** A harness whose client records every request it sends (and may see tag lists without counts). */
function recordingHarness(
  options: PlexEmulatorOptions = {},
  tagCounts = true,
): { h: ToolHarness; requests: Request[] } {
  const requests: Request[] = [];
  const h: ToolHarness = toolHarness(options, {
    timeoutMs: 120_000,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      const response = await h.emulator.fetch(request);
      const path = new URL(request.url).pathname;
      return tagCounts || !/\/(genre|decade)$/.test(path) ? response : withoutCounts(response);
    },
  });
  return { h, requests };
}

/** Brute-force figures over the emulator's state, for the owner (whose token the tools use). */
function bruteForce(h: ToolHarness, sectionId: number, type: string) {
  const { state } = h.emulator;
  const owner = state.owner.id;
  const items = [...state.items.values()].filter(
    (item) => item.sectionId === sectionId && item.type === type,
  );
  const genres = new Map<string, number>();
  const decades = new Map<number, number>();
  let unwatched = 0;
  for (const item of items) {
    for (const genre of item.tags.genre ?? [])
      genres.set(genre.tag, (genres.get(genre.tag) ?? 0) + 1);
    if (item.year !== undefined) {
      const decade = Math.floor(item.year / 10) * 10;
      decades.set(decade, (decades.get(decade) ?? 0) + 1);
    }
    if (state.watchState(owner, item.ratingKey).viewCount === 0) unwatched++;
  }
  return { total: items.length, genres, decades, unwatched };
}

/** No request may list items: every `/all` request asks for a page of size 0. */
function onlyCounting(requests: Request[]) {
  const lists = requests.filter((r) => new URL(r.url).pathname.endsWith('/all'));
  expect(lists.length).toBeGreaterThan(0);
  for (const r of lists) expect(r.headers.get('X-Plex-Container-Size')).toBe('0');
}

describe('library_get_stats', () => {
  it('counts the demo movies, their watch state, genres and decades', async () => {
    const { h, requests } = recordingHarness();
    const data = await h.data('library_get_stats', { library: 'Movies' });
    const truth = bruteForce(h, 1, 'movie');
    expect(data).toMatchObject({ id: '1', title: 'Movies', type: 'movie', items: 17 });
    expect(data.counts).toEqual({ movie: 17 });
    expect(data.watch).toEqual({
      of: 'movie',
      watched: 17 - truth.unwatched,
      unwatched: truth.unwatched,
      in_progress: expect.any(Number),
    });
    const top = answered(data.top_genres)[0];
    expect(top?.count).toBe(Math.max(...truth.genres.values()));
    for (const { genre, count } of answered(data.top_genres))
      expect(count).toBe(truth.genres.get(genre));
    expect(data.by_decade).toEqual(
      [...truth.decades].sort((a, b) => a[0] - b[0]).map(([decade, count]) => ({ decade, count })),
    );
    onlyCounting(requests);
  });

  it('counts each genre and decade with counting queries when Plex lists them without counts', async () => {
    const { h, requests } = recordingHarness({}, false);
    const data = await h.data('library_get_stats', { library: 'Movies' });
    const truth = bruteForce(h, 1, 'movie');
    expect(answered(data.top_genres).length).toBe(Math.min(10, truth.genres.size));
    for (const { genre, count } of answered(data.top_genres))
      expect(count).toBe(truth.genres.get(genre));
    expect(answered(data.by_decade).map((d) => d.count)).toEqual(
      [...truth.decades].sort((a, b) => a[0] - b[0]).map(([, count]) => count),
    );
    const filtered = requests.filter((r) => /[?&](genre|decade)=/.test(r.url));
    expect(filtered.length).toBe(truth.genres.size + truth.decades.size);
    onlyCounting(requests);
  });

  it('counts shows, seasons and episodes of a TV library', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_stats', { library: '2' });
    const seasons = bruteForce(h, 2, 'season').total;
    const episodes = bruteForce(h, 2, 'episode');
    expect(data.items).toBe(3);
    expect(data.counts).toEqual({ show: 3, season: seasons, episode: episodes.total });
    expect(data.watch).toMatchObject({ of: 'episode', unwatched: episodes.unwatched });
  });

  it('counts artists, albums and tracks of a music library', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_stats', { library: 'Music' });
    expect(data.counts).toEqual({
      artist: 3,
      album: bruteForce(h, 3, 'album').total,
      track: bruteForce(h, 3, 'track').total,
    });
    expect(data.watch?.of).toBe('track');
  });

  it('stays on counting queries for a 100,000-item library', { timeout: 180_000 }, async () => {
    const { h, requests } = recordingHarness({ library: 'synthetic:100000' });
    const data = await h.data('library_get_stats', { library: '1' });
    const truth = bruteForce(h, 1, 'movie');
    expect(data.items).toBe(truth.total);
    expect(data.watch?.unwatched).toBe(truth.unwatched);
    for (const { genre, count } of answered(data.top_genres))
      expect(count).toBe(truth.genres.get(genre));
    expect(answered(data.top_genres)[0]?.count).toBe(Math.max(...truth.genres.values()));
    const [first] = answered(data.by_decade);
    expect(first?.count).toBe(truth.decades.get(first?.decade ?? -1));
    onlyCounting(requests);
  });

  it.each([
    ['demo', 1],
    ['demo', 2],
    ['synthetic:5000', 1],
  ] as const)(
    'adds no more abort listeners to the call signal than Node allows (%s, section %i, over a socket)',
    { timeout: 60_000 },
    async (library, libraryId) => {
      // Every request in flight listens on the call's signal; more than 10 made Node print a
      // MaxListenersExceededWarning on each call.
      const s = await socketHarness({ library });
      try {
        const [result, warnings] = await warningsDuring(() =>
          s.call('library_get_stats', { library: String(libraryId) }),
        );
        expect(result).toMatchObject({ ok: true });
        expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
      } finally {
        await s.close();
      }
    },
  );

  it('keeps at most 8 requests in flight while it counts 100 genres one by one', async () => {
    let inFlight = 0;
    let most = 0;
    const h: ToolHarness = toolHarness(
      { library: 'synthetic:2000' },
      {
        timeoutMs: 120_000,
        fetch: async (input, init) => {
          inFlight++;
          most = Math.max(most, inFlight);
          try {
            const request = new Request(input, init);
            const response = await h.emulator.fetch(request);
            return /\/(genre|decade)$/.test(new URL(request.url).pathname)
              ? await withoutCounts(response)
              : response;
          } finally {
            inFlight--;
          }
        },
      },
    );
    const data = await h.data('library_get_stats', { library: '1' });
    expect(answered(data.top_genres).length).toBeGreaterThan(0);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
  });

  it('names the libraries there are when the name is unknown', async () => {
    const h = toolHarness();
    expect(await h.call('library_get_stats', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('library_get_stats', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('library_get_stats when a detail is refused', () => {
  it('answers the counts with genres null when the genre list is refused', async () => {
    const h = harnessRefusing(['/library/sections/1/genre']);
    const data = await h.data('library_get_stats', { library: 'Movies' });
    expect(data).toMatchObject({ items: 17, counts: { movie: 17 }, top_genres: null });
    expect(answered(data.by_decade).length).toBeGreaterThan(0);
    expect(data.watch).toMatchObject({ of: 'movie' });
    expect(data.warnings).toEqual(['top genres unavailable: Plex refused (403)']);
  });

  it('answers with watch null when the watched-state counts are refused', async () => {
    const h = harnessRefusing((url) => url.searchParams.has('unwatched'));
    const data = await h.data('library_get_stats', { library: 'Movies' });
    expect(data).toMatchObject({ items: 17, watch: null });
    expect(data.warnings).toEqual(['watch counts unavailable: Plex refused (403)']);
  });

  it('names both parts when genres and decades are refused', async () => {
    const h = harnessRefusing(['/library/sections/1/genre', '/library/sections/1/decade'], 404);
    const data = await h.data('library_get_stats', { library: 'Movies' });
    expect(data).toMatchObject({ top_genres: null, by_decade: null });
    expect(data.warnings).toEqual([
      'top genres unavailable: not offered by this server (404)',
      'decades unavailable: not offered by this server (404)',
    ]);
  });

  it('still fails when the type counts themselves are refused', async () => {
    const h = harnessRefusing((url) => url.pathname === '/library/sections/1/all');
    expect(await h.call('library_get_stats', { library: 'Movies' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('carries no warnings when everything answered', async () => {
    const data = await toolHarness().data('library_get_stats', { library: 'Music' });
    expect(data).not.toHaveProperty('warnings');
  });
});
