import { afterAll, describe, expect, it } from 'vitest';
import { type CallResult, call, testEmulator } from '../../testing/harness.js';
import { itemByTitle } from './test-support.js';

const emulator = testEmulator();
afterAll(() => emulator.close());

const FLAGS = 'includeChapters=1&includeMarkers=1&includeExtras=1';

/** One item's page: its `Metadata` element (Plex JSON, indexed freely as in the other tests). */
async function detail(ratingKey: string, query = ''): Promise<CallResult['json']> {
  const res = await call(emulator, `/library/metadata/${ratingKey}${query}`);
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Metadata[0];
}

interface TimeSpan {
  startTimeOffset: number;
  endTimeOffset: number;
}

describe('chapters, markers and extras on an item page', () => {
  it('come only when the request asks for them, as PMS adds them', async () => {
    const movie = itemByTitle(emulator, 'Night of the Living Dead');
    const plain = await detail(movie.ratingKey);
    expect(plain.Chapter).toBeUndefined();
    expect(plain.Marker).toBeUndefined();
    expect(plain.Extras).toBeUndefined();
    // The chapter table is a fact of the file: its source shows on every view.
    expect(plain.chapterSource).toBe('media');
    const full = await detail(movie.ratingKey, `?${FLAGS}`);
    expect(full.Extras).toEqual({ size: 0 });
    expect(full.Chapter.length).toBeGreaterThan(2);
  });

  it('chapters tile the film from 0 to its duration, numbered from 1', async () => {
    const movie = itemByTitle(emulator, 'Charade');
    const { Chapter: chapters, duration } = await detail(movie.ratingKey, `?${FLAGS}`);
    expect(chapters[0]).toMatchObject({ index: 1, startTimeOffset: 0 });
    expect(chapters.at(-1).endTimeOffset).toBe(duration);
    chapters.slice(1).forEach((chapter: TimeSpan & { index: number }, n: number) => {
      expect(chapter.index).toBe(n + 2);
      expect(chapter.startTimeOffset).toBe(chapters[n].endTimeOffset);
    });
    const mediaId = movie.media[0]!.id;
    expect(chapters[0]).toMatchObject({
      id: mediaId * 100 + 1,
      filter: `thumb=${mediaId * 100 + 1}`,
      thumb: `/library/media/${mediaId}/chapterImages/1`,
    });
    // The frame the chapter names is served, and only for chapters that exist.
    const frame = await call(emulator, chapters[0].thumb);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-type')).toBe('image/png');
    const past = await call(
      emulator,
      `/library/media/${mediaId}/chapterImages/${chapters.length + 1}`,
    );
    expect(past.status).toBe(404);
  });

  it('an episode has an intro near its start and final credits that run to its end', async () => {
    const episode = itemByTitle(emulator, 'The Clampetts Strike Oil', 'episode');
    const { Marker: markers, duration } = await detail(episode.ratingKey, `?${FLAGS}`);
    const [intro, credits] = markers as (TimeSpan & Record<string, unknown>)[];
    expect(intro).toMatchObject({ type: 'intro', Attributes: { version: 5 } });
    expect(intro!.startTimeOffset).toBeLessThan(90_000);
    expect(intro!.endTimeOffset).toBeGreaterThan(intro!.startTimeOffset);
    expect(credits).toMatchObject({ type: 'credits', final: true, endTimeOffset: duration });
    expect(intro!.final).toBeUndefined();
    // Derived, not random: the same answer on the next request.
    expect((await detail(episode.ratingKey, `?${FLAGS}`)).Marker).toEqual(markers);
  });

  it('a film has credits only', async () => {
    const movie = itemByTitle(emulator, 'Metropolis');
    const { Marker: markers } = await detail(movie.ratingKey, '?includeMarkers=1');
    expect(markers.map((marker: { type: string }) => marker.type)).toEqual(['credits']);
  });
});

describe('item facts derived from the library', () => {
  it('films list their producers with plex.tv keys and headshots', async () => {
    const movie = itemByTitle(emulator, 'Night of the Living Dead');
    const { Producer: producers } = await detail(movie.ratingKey);
    expect(producers.map((tag: { tag: string }) => tag.tag)).toEqual([
      'Karl Hardman',
      'Russell Streiner',
    ]);
    expect(producers[0]).toMatchObject({
      filter: `producer=${producers[0].id}`,
      tagKey: expect.stringMatching(/^[0-9a-f]{24}$/),
      thumb: expect.stringMatching(/^https:\/\/metadata-static\.plex\.tv\/people\//),
    });
    // The producer filter the tag names finds the film again.
    const found = await call(emulator, `/library/sections/1/all?${producers[0].filter}`);
    expect(found.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'Night of the Living Dead',
    ]);
  });

  it('an episode counts across seasons and carries its show hero image', async () => {
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const seasonTwo = emulator.state.items.get(show.childKeys[1]!)!;
    const firstOfSeasonTwo = seasonTwo.childKeys[0]!;
    const seasonOneSize = emulator.state.items.get(show.childKeys[0]!)!.childKeys.length;
    const episode = await detail(firstOfSeasonTwo);
    expect(episode.absoluteIndex).toBe(seasonOneSize + 1);
    expect(episode.grandparentHero).toBe(
      `/library/metadata/${show.ratingKey}/hero/${show.updatedAt}`,
    );
    const hero = await call(emulator, episode.grandparentHero);
    expect(hero.status).toBe(200);
    expect(hero.headers.get('content-type')).toMatch(/^image\//);
  });

  it('music carries loudness per track and the same album figures on every track', async () => {
    const album = itemByTitle(emulator, 'Open Goldberg Variations', 'album');
    const streams = await Promise.all(
      album.childKeys.slice(0, 2).map(async (key) => {
        const track = await detail(key);
        expect(track.musicAnalysisVersion).toBe('1');
        expect(track.ratingCount).toBeGreaterThan(0);
        return track.Media[0].Part[0].Stream[0];
      }),
    );
    for (const stream of streams) {
      expect(stream.gain).toMatch(/^-?\d+\.\d\d$/);
      expect(Number(stream.peak)).toBeLessThanOrEqual(1);
    }
    expect(streams[0].albumGain).toBe(streams[1].albumGain);
    expect(streams[0].albumPeak).toBe(streams[1].albumPeak);
  });

  it('broadcast episodes carry closed captions inside the video stream', async () => {
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const episodeKey = emulator.state.items.get(show.childKeys[0]!)!.childKeys[0]!;
    const streams = (await detail(episodeKey)).Media[0].Part[0].Stream;
    expect(streams.find((s: { streamType: number }) => s.streamType === 1).closedCaptions).toBe(
      true,
    );
    expect(streams.find((s: { codec: string }) => s.codec === 'eia_608')).toMatchObject({
      streamType: 3,
      embeddedInVideo: '1',
      format: 'eia_608',
    });
  });
});
