import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

type Row = {
  id: string;
  title: string;
  type: string;
  year?: number;
  parent?: string;
  watched: boolean;
};

function moviesOf(h: ReturnType<typeof toolHarness>) {
  const { state } = h.emulator;
  return [...state.items.values()].filter((item) => item.sectionId === 1 && item.type === 'movie');
}

describe('library_get_contents', () => {
  it('pages through a library in title order by default', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_contents', { library: 'Movies', limit: 5 });
    expect(data).toMatchObject({
      library: 'Movies',
      total: 17,
      offset: 0,
      limit: 5,
      has_more: true,
    });
    const items = data.items as Row[];
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ type: 'movie', title: expect.any(String) });
    const last = await h.data('library_get_contents', { library: '1', offset: 15 });
    expect(last).toMatchObject({ total: 17, offset: 15, has_more: false });
    expect(last.items).toHaveLength(2);
  });

  it('sorts by year, ascending and with :desc', async () => {
    const h = toolHarness();
    const years = moviesOf(h)
      .map((m) => m.year)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    const up = await h.data('library_get_contents', { library: 'Movies', sort: 'year' });
    expect((up.items as Row[]).map((i) => i.year)).toEqual(years);
    const down = await h.data('library_get_contents', {
      library: 'Movies',
      sort: 'year:desc',
      limit: 1,
    });
    expect((down.items as Row[])[0]?.year).toBe(years.at(-1));
  });

  it('filters by genre name, director and decade as the demo data implies', async () => {
    const h = toolHarness();
    const horror = moviesOf(h)
      .filter((m) => m.tags.genre?.some((g) => g.tag === 'Horror'))
      .map((m) => m.title)
      .sort();
    const byGenre = await h.data('library_get_contents', {
      library: 'Movies',
      genre: 'horror',
      limit: 500,
    });
    expect((byGenre.items as Row[]).map((i) => i.title).sort()).toEqual(horror);
    expect(byGenre.total).toBe(horror.length);

    const keaton = await h.data('library_get_contents', {
      library: 'Movies',
      director: 'Buster Keaton',
      sort: 'year',
    });
    expect((keaton.items as Row[]).map((i) => i.title)).toEqual(
      expect.arrayContaining(['Sherlock Jr.', 'The General']),
    );

    const twenties = await h.data('library_get_contents', { library: 'Movies', decade: 1920 });
    const expected = moviesOf(h).filter((m) => (m.year ?? 0) >= 1920 && (m.year ?? 0) < 1930);
    expect(twenties.total).toBe(expected.length);
    for (const item of twenties.items as Row[]) expect(item.year).toBeGreaterThanOrEqual(1920);
  });

  it('filters unwatched against the owner watch state', async () => {
    const h = toolHarness();
    const { state } = h.emulator;
    const unwatched = moviesOf(h).filter(
      (m) => (state.watchState(state.owner.id, m.ratingKey).viewCount ?? 0) === 0,
    );
    expect(unwatched.length).toBeGreaterThan(0);
    expect(unwatched.length).toBeLessThan(17);
    const data = await h.data('library_get_contents', {
      library: 'Movies',
      unwatched: true,
      limit: 500,
    });
    expect(data.total).toBe(unwatched.length);
    for (const item of data.items as Row[]) expect(item.watched).toBe(false);
    const watched = await h.data('library_get_contents', {
      library: 'Movies',
      unwatched: false,
    });
    expect(watched.total).toBe(17 - unwatched.length);
    for (const item of watched.items as Row[]) expect(item.watched).toBe(true);
  });

  it('lists episodes of a TV library with their show as parent', async () => {
    const h = toolHarness();
    const data = await h.data('library_get_contents', {
      library: 'TV Shows',
      media_type: 'episode',
      limit: 3,
    });
    const items = data.items as Row[];
    expect(items[0]).toMatchObject({ type: 'episode', parent: expect.any(String) });
    const episodes = [...h.emulator.state.items.values()].filter(
      (item) => item.sectionId === 2 && item.type === 'episode',
    );
    expect(data.total).toBe(episodes.length);
  });

  it('refuses a media type the library does not hold', async () => {
    const h = toolHarness();
    const result = await h.call('library_get_contents', {
      library: 'Movies',
      media_type: 'episode',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('holds movie items');
  });

  it('names the genres there are when the genre is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('library_get_contents', { library: 'Movies', genre: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^No genre "Anime" in Movies\. Genres: .*Horror/);
  });

  it('rejects bad input and unknown libraries', async () => {
    const h = toolHarness();
    for (const sort of ['length', 'year:asc', 'title:desc:desc']) {
      expect(await h.call('library_get_contents', { library: 'Movies', sort })).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringContaining(
            'sort: Expected one of title, year, added_at, rating, last_viewed_at, each optionally with :desc',
          ),
        },
      });
    }
    expect(await h.call('library_get_contents', { library: 'Movies', decade: 1995 })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT' } },
    );
    expect(await h.call('library_get_contents', { library: 'Anime' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
