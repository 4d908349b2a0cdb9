import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { PlexBadRequestError } from '../errors/bad-request-error.js';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { type MetadataItem, metadataItemSchema } from '../schemas/metadata.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { itemByTitle, lastRequest } from '../testing/lookups.js';
import { editQueryString } from './metadata.js';

const OWNER = 1;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('metadata.get', () => {
  it('reads a detail view: tags, guids, media, parts and streams', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    const item = await client.metadata.get(night.ratingKey);

    const url = new URL(lastRequest(sent).url);
    expect(url.pathname).toBe(`/library/metadata/${night.ratingKey}`);
    expect(url.searchParams.get('includeGuids')).toBe('1');
    expect(url.searchParams.get('includeMarkers')).toBe('1');

    expect(item).toMatchObject({
      ratingKey: night.ratingKey,
      type: 'movie',
      title: 'Night of the Living Dead',
      year: 1968,
      studio: 'Image Ten',
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
    });
    expect(item.Director.map((tag) => tag.tag)).toEqual(['George A. Romero']);
    expect(item.Director[0]?.id).toBe(emulator.state.tagId('director', 'George A. Romero'));
    expect(item.Role[0]).toMatchObject({ tag: 'Duane Jones', role: 'Ben' });
    expect(item.Genre.map((tag) => tag.tag)).toEqual(['Horror', 'Thriller']);
    expect(item.Guid.map((guid) => guid.id)).toContain('imdb://tt0063350');
    expect(item.Producer.map((tag) => tag.tag)).toEqual(['Karl Hardman', 'Russell Streiner']);
    expect(item.Producer[0]?.filter).toBe(`producer=${item.Producer[0]?.id}`);

    expect(item.Media).toHaveLength(night.media.length);
    const [uhd] = item.Media;
    expect(uhd).toMatchObject({ videoResolution: '4k', videoCodec: 'hevc', container: 'mkv' });
    const part = uhd!.Part[0]!;
    expect(part.file).toBe(night.media[0]!.parts[0]!.file);
    expect(typeof part.size).toBe('number');
    const video = part.Stream.find((stream) => stream.streamType === 1);
    const audio = part.Stream.find((stream) => stream.streamType === 2);
    const subtitle = part.Stream.find((stream) => stream.streamType === 3);
    expect(video).toMatchObject({ codec: 'hevc', width: 2960, height: 2160, frameRate: 23.976 });
    expect(audio).toMatchObject({ codec: 'flac', selected: true, channels: 1 });
    expect(subtitle?.languageCode).toBe('eng');
  });

  it('reads several items in the order asked, and nothing for an empty list', async () => {
    const { client, emulator, sent } = emulatorClient();
    const a = itemByTitle(emulator, 'His Girl Friday').ratingKey;
    const b = itemByTitle(emulator, 'Night of the Living Dead').ratingKey;
    const items = await client.metadata.get([a, b]);
    expect(items.map((item) => item.ratingKey)).toEqual([a, b]);
    expect(new URL(lastRequest(sent).url).pathname).toBe(`/library/metadata/${a},${b}`);

    const before = sent.length;
    expect(await client.metadata.get([])).toEqual([]);
    expect(sent).toHaveLength(before);
  });

  it('answers NOT_FOUND for an unknown ratingKey', async () => {
    const { client } = emulatorClient();
    const error = await client.metadata.get('987654321').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexNotFoundError);
    expect((error as PlexNotFoundError).code).toBe('NOT_FOUND');
    await expect(client.metadata.children('987654321')).rejects.toBeInstanceOf(PlexNotFoundError);
  });
});

describe('metadata children and leaves', () => {
  it('walks show → seasons → episodes with paging headers', async () => {
    const { client, emulator, sent } = emulatorClient();
    const show = [...emulator.state.items.values()].find(
      (item) => item.type === 'show' && item.childKeys.length > 1,
    )!;
    const seasons = await client.metadata.children(show.ratingKey);
    expect(new URL(lastRequest(sent).url).pathname).toBe(
      `/library/metadata/${show.ratingKey}/children`,
    );
    expect(lastRequest(sent).headers.get('X-Plex-Container-Start')).toBe('0');
    expect(seasons.items.map((season) => season.type)).toEqual(show.childKeys.map(() => 'season'));
    expect(seasons.items[0]?.parentRatingKey).toBe(show.ratingKey);
    expect(seasons.items.every((season) => season.leafCount !== undefined)).toBe(true);

    const season = seasons.items[0]!;
    const episodes = await client.metadata.children(season.ratingKey, { limit: 2 });
    expect(lastRequest(sent).headers.get('X-Plex-Container-Size')).toBe('2');
    expect(episodes.items).toHaveLength(Math.min(2, season.leafCount ?? 0));
    expect(episodes.totalSize).toBe(season.leafCount);
    expect(episodes.items[0]).toMatchObject({
      type: 'episode',
      parentRatingKey: season.ratingKey,
      grandparentRatingKey: show.ratingKey,
      grandparentTitle: show.title,
    });

    const leaves = await client.metadata.allLeaves(show.ratingKey, { limit: 500 });
    expect(leaves.totalSize).toBe(emulator.state.leavesOf(show).length);
    expect(leaves.items.every((leaf) => leaf.type === 'episode')).toBe(true);
  });
});

describe('metadata similar and related', () => {
  it('asks for offset+limit similar items and reads related hubs', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    const similar = await client.metadata.similar(night.ratingKey, { offset: 1, limit: 2 });
    const request = lastRequest(sent);
    expect(new URL(request.url).searchParams.get('count')).toBe('3');
    expect(request.headers.get('X-Plex-Container-Start')).toBe('1');
    expect(request.headers.get('X-Plex-Container-Size')).toBe('2');
    expect(similar.items.length).toBeLessThanOrEqual(2);
    expect(similar.items.some((item) => item.ratingKey === night.ratingKey)).toBe(false);

    const hubs = await client.metadata.related(night.ratingKey, { count: 2 });
    expect(new URL(lastRequest(sent).url).searchParams.get('count')).toBe('2');
    const more = hubs.find((hub) => hub.hubIdentifier === 'movie.similar');
    expect(more?.title).toBe('More Like This');
    expect(more?.items.length).toBeGreaterThan(0);
    expect(more!.items.length).toBeLessThanOrEqual(2);
    expect(more?.items[0]?.type).toBe('movie');
  });
});

describe('metadata.edit wire syntax', () => {
  const movie = (tags: Partial<Record<'Genre' | 'Label', string[]>> = {}): MetadataItem =>
    v.parse(metadataItemSchema, {
      ratingKey: '1049',
      key: '/library/metadata/1049',
      type: 'movie',
      title: 'Zoolander',
      librarySectionID: 1,
      Genre: (tags.Genre ?? []).map((tag) => ({ tag })),
      Label: (tags.Label ?? []).map((tag) => ({ tag })),
    });

  it('writes the three python-plexapi examples byte for byte', () => {
    expect(editQueryString('1049', 1, { fields: { title: 'New Title' } }, movie())).toBe(
      'id=1049&title.locked=1&title.value=New%20Title&type=1',
    );
    expect(
      editQueryString(
        '1049',
        1,
        { addTags: { genre: ['Sci-Fi & Fantasy'] } },
        movie({ Genre: ['Comedy'] }),
      ),
    ).toBe(
      'genre.locked=1&genre[0].tag.tag=Comedy&genre[1].tag.tag=Sci-Fi%20%26%20Fantasy&id=1049&type=1',
    );
    expect(
      editQueryString(
        '1049',
        1,
        { removeTags: { genre: ['Action', 'Sci-Fi & Fantasy'] } },
        movie({ Genre: ['Action', 'Sci-Fi & Fantasy'] }),
      ),
    ).toBe('genre.locked=1&genre[].tag.tag-=Action%2CSci-Fi%2520%2526%2520Fantasy&id=1049&type=1');
  });

  it('unlocks with lock: false, clears with null, escapes like Python quote', () => {
    expect(
      editQueryString(
        '7',
        2,
        { fields: { summary: null, tagline: "It's (really) *here*!" }, lock: false },
        undefined,
      ),
    ).toBe(
      'id=7&summary.locked=0&summary.value=&tagline.locked=0&tagline.value=It%27s%20%28really%29%20%2Ahere%2A%21&type=2',
    );
    expect(
      editQueryString('7', 1, { lockFields: ['thumb'], unlockFields: ['art'] }, undefined),
    ).toBe('art.locked=0&id=7&thumb.locked=1&type=1');
    expect(editQueryString('7', 1, {}, undefined)).toBe('');
  });
});

describe('metadata.edit against the emulator', () => {
  it('sends add+remove+lock in one PUT and the item reads back changed', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    const rk = night.ratingKey;

    await client.metadata.edit(rk, {
      fields: { title: 'Night of the Living Dead (Restored)' },
      addTags: { genre: ['Sci-Fi & Fantasy', 'horror'] },
      removeTags: { label: ['4K Restoration'] },
    });

    // One GET for the existing tags, then the PUT.
    const put = lastRequest(sent);
    expect(sent.map((request) => request.method)).toEqual(['GET', 'PUT']);
    expect(put.url).toBe(
      `http://plex.test:32400/library/sections/1/all?genre.locked=1&genre[0].tag.tag=Horror&genre[1].tag.tag=Thriller&genre[2].tag.tag=Sci-Fi%20%26%20Fantasy&id=${rk}&label.locked=1&label[].tag.tag-=4K%2520Restoration&title.locked=1&title.value=Night%20of%20the%20Living%20Dead%20%28Restored%29&type=1`,
    );

    const after = await client.metadata.get(rk);
    expect(after.title).toBe('Night of the Living Dead (Restored)');
    expect(after.Genre.map((tag) => tag.tag)).toEqual(['Horror', 'Thriller', 'Sci-Fi & Fantasy']);
    expect(after.Label.map((tag) => tag.tag)).toEqual(['Halloween']);
    expect(after.Field).toEqual(
      expect.arrayContaining([
        { name: 'title', locked: true },
        { name: 'genre', locked: true },
        { name: 'label', locked: true },
      ]),
    );
  });

  it('skips the read when section and type are given and nothing is added', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    await client.metadata.edit(night.ratingKey, {
      sectionId: 1,
      type: 'movie',
      fields: { year: 1969, originallyAvailableAt: '1969-01-01' },
      removeTags: { genre: ['Thriller'] },
    });
    expect(sent).toHaveLength(1);
    expect(lastRequest(sent).method).toBe('PUT');
    expect(night.year).toBe(1969);
    expect(night.originallyAvailableAt).toBe('1969-01-01');
    expect((night.tags.genre ?? []).map((tag) => tag.tag)).toEqual(['Horror']);
    expect(night.locked.has('year')).toBe(true);
  });

  it('adds a cast member and re-sends the cast with their characters', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = itemByTitle(emulator, 'Night of the Living Dead').ratingKey;
    await client.metadata.edit(rk, { addTags: { actor: ['Bill Hinzman'] } });
    const query = new URL(lastRequest(sent).url).search;
    expect(query).toContain(
      'actor.locked=1&actor[0].tag.tag=Duane%20Jones&actor[0].tagging.text=Ben&',
    );
    expect(query).toContain('actor[6].tag.tag=Bill%20Hinzman&id=');

    const after = await client.metadata.get(rk);
    expect(after.Role.map((role) => role.tag)).toEqual([
      'Duane Jones',
      "Judith O'Dea",
      'Karl Hardman',
      'Marilyn Eastman',
      'Keith Wayne',
      'Judith Ridley',
      'Bill Hinzman',
    ]);
    expect(after.Role[0]?.role).toBe('Ben');
  });

  it('edits episodes in their own section with their own type number', async () => {
    const { client, emulator, sent } = emulatorClient();
    const episode = [...emulator.state.items.values()].find((item) => item.type === 'episode')!;
    await client.metadata.edit(episode.ratingKey, { fields: { summary: 'New summary' } });
    const url = new URL(lastRequest(sent).url);
    expect(url.pathname).toBe(`/library/sections/${episode.sectionId}/all`);
    expect(url.searchParams.get('type')).toBe('4');
    expect(episode.summary).toBe('New summary');
  });
});

describe('metadata watched state and ratings', () => {
  it('marks watched and unwatched with PUT scrobble/unscrobble', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = [...emulator.state.items.values()].find(
      (item) =>
        item.type === 'movie' && emulator.state.watchState(OWNER, item.ratingKey).viewCount === 0,
    )!.ratingKey;

    await client.metadata.markWatched(rk);
    const request = lastRequest(sent);
    expect(request.method).toBe('PUT');
    const url = new URL(request.url);
    expect(url.pathname).toBe('/:/scrobble');
    expect(url.searchParams.get('key')).toBe(rk);
    expect(url.searchParams.get('identifier')).toBe('com.plexapp.plugins.library');
    expect((await client.metadata.get(rk)).viewCount).toBe(1);

    await client.metadata.markWatched(rk);
    expect((await client.metadata.get(rk)).viewCount).toBe(2);

    await client.metadata.markUnwatched(rk);
    expect(new URL(lastRequest(sent).url).pathname).toBe('/:/unscrobble');
    const after = await client.metadata.get(rk);
    expect(after.viewCount).toBeUndefined();
    expect(after.lastViewedAt).toBeUndefined();
  });

  it('rates 0–10, clears with null (rating=-1) and refuses out-of-range values unsent', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = itemByTitle(emulator, 'His Girl Friday').ratingKey;
    await client.metadata.rate(rk, 7.5);
    expect(lastRequest(sent).method).toBe('PUT');
    expect(new URL(lastRequest(sent).url).searchParams.get('rating')).toBe('7.5');
    expect((await client.metadata.get(rk)).userRating).toBe(7.5);

    await client.metadata.rate(rk, null);
    expect(new URL(lastRequest(sent).url).searchParams.get('rating')).toBe('-1');
    expect((await client.metadata.get(rk)).userRating).toBeUndefined();

    const before = sent.length;
    await expect(client.metadata.rate(rk, 11)).rejects.toBeInstanceOf(RangeError);
    expect(sent).toHaveLength(before);
  });

  it('sets and clears a resume point', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = itemByTitle(emulator, 'His Girl Friday').ratingKey;
    await client.metadata.setProgress(rk, 60_000);
    const url = new URL(lastRequest(sent).url);
    expect(url.pathname).toBe('/:/progress');
    expect(url.searchParams.get('time')).toBe('60000');
    expect(url.searchParams.get('state')).toBe('stopped');
    expect((await client.metadata.get(rk)).viewOffset).toBe(60_000);
    await client.metadata.setProgress(rk, 0);
    expect((await client.metadata.get(rk)).viewOffset).toBeUndefined();
  });
});

describe('metadata.delete', () => {
  it('deletes an item when the server allows it; later reads are NOT_FOUND', async () => {
    const { client, emulator, sent } = emulatorClient({ allowMediaDeletion: true });
    const rk = itemByTitle(emulator, 'His Girl Friday').ratingKey;
    await client.metadata.delete(rk);
    expect(lastRequest(sent).method).toBe('DELETE');
    expect(new URL(lastRequest(sent).url).pathname).toBe(`/library/metadata/${rk}`);
    await expect(client.metadata.get(rk)).rejects.toBeInstanceOf(PlexNotFoundError);
  });

  it('fails with BAD_REQUEST when the server forbids deletion, and the item stays', async () => {
    const { client, emulator } = emulatorClient({ allowMediaDeletion: false });
    const rk = itemByTitle(emulator, 'His Girl Friday').ratingKey;
    await expect(client.metadata.delete(rk)).rejects.toBeInstanceOf(PlexBadRequestError);
    expect(emulator.state.items.has(rk)).toBe(true);
  });
});

describe('metadata artwork', () => {
  it('lists posters, selects another one and the thumb lock appears', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = itemByTitle(emulator, 'Night of the Living Dead').ratingKey;
    const posters = await client.metadata.posters(rk);
    expect(new URL(lastRequest(sent).url).pathname).toBe(`/library/metadata/${rk}/posters`);
    expect(posters.filter((poster) => poster.selected)).toHaveLength(1);
    const other = posters.find((poster) => !poster.selected)!;

    await client.metadata.selectPoster(rk, other.ratingKey);
    const put = lastRequest(sent);
    expect(put.method).toBe('PUT');
    expect(new URL(put.url).pathname).toBe(`/library/metadata/${rk}/poster`);
    expect(new URL(put.url).searchParams.get('url')).toBe(other.ratingKey);

    const after = await client.metadata.posters(rk);
    expect(after.find((poster) => poster.selected)?.ratingKey).toBe(other.ratingKey);
    expect((await client.metadata.get(rk)).Field).toContainEqual({ name: 'thumb', locked: true });
  });

  it('uploads a background by URL and a poster as raw bytes; each becomes selected', async () => {
    const { client, emulator, sent } = emulatorClient();
    const rk = itemByTitle(emulator, 'His Girl Friday').ratingKey;

    await client.metadata.uploadArt(rk, { url: 'https://images.example/bg.jpg' });
    const byUrl = lastRequest(sent);
    expect(byUrl.method).toBe('POST');
    expect(new URL(byUrl.url).pathname).toBe(`/library/metadata/${rk}/arts`);
    expect(new URL(byUrl.url).searchParams.get('url')).toBe('https://images.example/bg.jpg');
    const arts = await client.metadata.arts(rk);
    expect(arts.find((art) => art.selected)?.ratingKey).toMatch(/^upload:\/\//);

    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    await client.metadata.uploadPoster(rk, { data: bytes, contentType: 'image/png' });
    const byBody = lastRequest(sent);
    expect(byBody.headers.get('Content-Type')).toBe('image/png');
    expect(new URL(byBody.url).search).toBe('');
    expect(new Uint8Array(await byBody.arrayBuffer())).toEqual(bytes);
    const posters = await client.metadata.posters(rk);
    expect(posters.find((poster) => poster.selected)?.ratingKey).toMatch(/^upload:\/\/posters\//);
  });
});

describe('metadata images', () => {
  it('builds a transcode URL with the token, and a redacted one', async () => {
    const { client, emulator, baseUrl } = emulatorClient();
    const thumb = '/library/metadata/1000/thumb/1708377300';
    const url = new URL(client.metadata.imageUrl(thumb, { width: 200, height: 300 }));
    expect(url.origin + url.pathname).toBe(`${baseUrl}/photo/:/transcode`);
    expect(url.searchParams.get('url')).toBe(thumb);
    expect(url.searchParams.get('width')).toBe('200');
    expect(url.searchParams.get('X-Plex-Token')).toBe(emulator.token);

    const redacted = client.metadata.imageUrlRedacted(thumb, { width: 200, height: 300 });
    expect(redacted).not.toContain(emulator.token);
    expect(new URL(redacted).searchParams.get('X-Plex-Token')).toBe('REDACTED');
  });

  it('downloads a resized image with the token in the header only', async () => {
    const { client, emulator, sent } = emulatorClient();
    const item = await client.metadata.get(
      itemByTitle(emulator, 'Night of the Living Dead').ratingKey,
    );
    const image = await client.metadata.fetchImage(item.thumb!, { width: 200, height: 300 });

    const request = lastRequest(sent);
    expect(request.url).not.toContain(emulator.token);
    expect(request.headers.get('X-Plex-Token')).toBe(emulator.token);
    const url = new URL(request.url);
    expect(url.pathname).toBe('/photo/:/transcode');
    expect(url.searchParams.get('url')).toBe(item.thumb);
    expect(url.searchParams.get('minSize')).toBe('0');
    expect(url.searchParams.get('upscale')).toBe('0');

    expect(image.contentType).toBe('image/png');
    expect([...image.data.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngSize(image.data)).toEqual({ width: 200, height: 300 });

    // One side given: the other is unbounded, so the width alone decides.
    const narrow = await client.metadata.fetchImage(item.art!, { width: 320 });
    expect(pngSize(narrow.data).width).toBe(320);
    await expect(client.metadata.fetchImage(item.thumb!, { width: 0 })).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});

describe('metadata schema against odd but real responses (msw)', () => {
  const PLEX = 'http://odd.plex.test:32400';
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('accepts numeric ratingKeys, string numbers, omitted arrays and unknown fields', async () => {
    server.use(
      http.get(`${PLEX}/library/metadata/:ids`, () =>
        HttpResponse.json({
          MediaContainer: {
            size: '2',
            librarySectionID: '6',
            librarySectionTitle: 'Audiobooks',
            brandNewContainerField: { nested: true },
            Metadata: [
              {
                ratingKey: 15982,
                key: '/library/metadata/15982/children',
                parentRatingKey: 15984,
                type: 'album',
                title: 'The Cosmic Computer',
                index: '1',
                leafCount: '1',
                viewedLeafCount: 1,
                userRating: '8.5',
                skipChildren: 1,
                someFutureField: ['x'],
                Field: [{ locked: true, name: 'title' }],
                UltraBlurColors: { topLeft: '11333b' },
              },
              {
                ratingKey: '15983',
                key: '/library/metadata/15983',
                type: 'track',
                title: "Stymie's Theme",
                librarySectionID: 6,
                Media: [
                  {
                    id: '621630',
                    optimizedForStreaming: 1,
                    Part: [
                      {
                        id: 653835,
                        hasThumbnail: '1',
                        Stream: [{ id: 1, streamType: '2', gain: '-3.23', selected: true }],
                      },
                    ],
                  },
                ],
                Genre: [{ tag: 'Hip-Hop', id: '12345', unknownTagField: 1 }],
              },
            ],
          },
        }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'odd-token', retry: false });
    const [album, track] = await client.metadata.get([15982, 15983]);

    expect(album).toMatchObject({
      ratingKey: '15982',
      parentRatingKey: '15984',
      index: 1,
      leafCount: 1,
      userRating: 8.5,
      skipChildren: true,
      librarySectionID: 6,
      librarySectionTitle: 'Audiobooks',
    });
    expect(album?.Media).toEqual([]);
    expect(album?.Genre).toEqual([]);
    expect(album?.Guid).toEqual([]);
    expect(album?.Field).toEqual([{ locked: true, name: 'title' }]);
    expect(album).not.toHaveProperty('someFutureField');

    const stream = track?.Media[0]?.Part[0]?.Stream[0];
    expect(track?.Media[0]?.id).toBe(621630);
    expect(track?.Media[0]?.optimizedForStreaming).toBe(true);
    expect(track?.Media[0]?.Part[0]?.hasThumbnail).toBe(true);
    expect(stream).toEqual({ id: 1, streamType: 2, gain: -3.23, selected: true });
    expect(track?.Genre).toEqual([{ tag: 'Hip-Hop', id: 12345 }]);
  });

  it('names the field path when an item is malformed', async () => {
    server.use(
      http.get(`${PLEX}/library/metadata/:ids`, () =>
        HttpResponse.json({
          MediaContainer: { size: 1, Metadata: [{ ratingKey: '1', key: '/x', type: 'movie' }] },
        }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'odd-token', retry: false });
    const error = await client.metadata.get('1').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      path: 'MediaContainer.Metadata.0.title',
    });
  });
});
