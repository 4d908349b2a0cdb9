import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, MediaRecord, TagRef } from '../state/types.js';
import {
  addStandardSections,
  DAY,
  hash32,
  mutedColor,
  SECTION_IDS,
  shareStandardSections,
} from './demo/builders.js';
import { createRng, type Rng } from './rng.js';

/** How big a synthetic library to build, from which seed, and the clock it is built against. */
export interface SyntheticOptions {
  /** Leaf items (movies + episodes + tracks) to create; the total is exact. */
  count: number;
  seed: number;
  /** Unix seconds; `addedAt` times spread over the ten years before it. */
  now: number;
}

const YEAR = 365 * DAY;

/** Splits a comma-separated word list (kept as text so the lists stay readable). */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

const ADJECTIVES = list(`
  Silent, Crimson, Hidden, Broken, Golden, Last, Distant, Burning, Frozen, Hollow, Iron, Midnight,
  Velvet, Savage, Quiet, Electric, Wild, Lonely, Scarlet, Bitter, Secret, Shattered, Northern,
  Wandering, Restless, Pale, Endless, Forgotten, Hungry, Brave, Black, White, Blue, Emerald, Copper,
  Paper, Glass, Stone, Sudden, Fading, Dark, Bright, Southern, Lost, Final, Invisible, Reckless,
  Gentle, Cold, Sleeping`);

const NOUNS = list(`
  Harbor, Protocol, Horizon, River, Empire, Garden, Signal, Kingdom, Shadow, Mirror, Storm, Voyage,
  Frontier, Station, Orchard, Witness, Machine, Island, Letter, Promise, Desert, Circus, Engine,
  Lantern, Tide, Canyon, Winter, Summer, Highway, Cathedral, Paradox, Carnival, Fortress, Meridian,
  Outpost, Archive, Compass, Serpent, Falcon, Wolf, Orbit, Avenue, Covenant, Labyrinth, Verdict,
  Heist, Reckoning, Echo, Ember, Tower, Vessel, Monarch, Saint, Stranger, Hunter, Dancer, Pilgrim,
  Sentinel, Cipher, Requiem`);

const FIRST_NAMES = list(`
  Ava, Ben, Clara, Daniel, Elena, Felix, Grace, Hugo, Iris, Jonah, Kara, Leo, Maya, Nico, Olive,
  Paul, Quinn, Rosa, Simon, Tess, Uma, Victor, Wren, Xavier, Yara, Zane, Amara, Bruno, Celia,
  Dmitri, Esme, Farid, Greta, Hana, Ivan, Julia, Kenji, Lena, Marco, Nadia`);

const LAST_NAMES = list(`
  Abbott, Brennan, Castillo, Dalton, Ellison, Fischer, Garner, Hale, Ibarra, Jansen, Kowalski,
  Lindqvist, Moreau, Nakamura, Okafor, Petrov, Quintero, Rasmussen, Sato, Thorne, Ueda, Varga,
  Whitlock, Xu, Yilmaz, Zeller, Ashford, Bianchi, Carver, Delacroix, Eriksen, Fontaine, Grant,
  Holloway, Iversen, Jovanovic, Keane, Laurent, Mbeki, Novak`);

const MOVIE_GENRES = list(`
  Action, Adventure, Animation, Comedy, Crime, Documentary, Drama, Family, Fantasy, History, Horror,
  Music, Mystery, Romance, Science Fiction, Thriller, War, Western`);

const TV_GENRES = list(`
  Drama, Comedy, Crime, Mystery, Sci-Fi & Fantasy, Action & Adventure, Animation, Documentary,
  Reality, Family`);

const MUSIC_GENRES = list(
  'Rock, Pop, Jazz, Classical, Electronic, Hip-Hop, Folk, Blues, Country, Soul',
);

/** Content ratings, repeated to weight the common ones. */
const MOVIE_RATINGS = list('G, PG, PG, PG-13, PG-13, PG-13, R, R, NR, Not Rated');
const TV_RATINGS = list('TV-G, TV-PG, TV-PG, TV-14, TV-14, TV-MA');

const STUDIOS = list(`
  Northlight Pictures, Harbor Street Films, Bluefield Studios, Meridian Entertainment,
  Red Lantern Films, Paperplane Pictures, Ironwood Studios, Silver Coast Media, Kestrel Films,
  Longshadow Productions, Greyhound Pictures, Atlas and Finch`);

const NETWORKS = list('CBS, NBC, ABC, FOX, HBO, BBC One, AMC, FX, Netflix');
const COUNTRIES = list(
  'United States, United Kingdom, France, Germany, Japan, Canada, Italy, Spain',
);
const LABELS = list('Harbor Records, Blue Room, Northbound, Saltwater Music, Lantern Sound');

/** Video formats and how often each shows up. */
const VIDEO_FORMATS = [
  { res: '1080', width: 1920, height: 800, kbps: 8_000, codec: 'h264', label: '1080p (H.264)' },
  { res: '1080', width: 1920, height: 800, kbps: 8_000, codec: 'h264', label: '1080p (H.264)' },
  { res: '1080', width: 1920, height: 1080, kbps: 5_000, codec: 'hevc', label: '1080p (HEVC)' },
  { res: '4k', width: 3840, height: 1600, kbps: 16_000, codec: 'hevc', label: '4K (HEVC Main 10)' },
  { res: '720', width: 1280, height: 720, kbps: 4_000, codec: 'h264', label: '720p (H.264)' },
  { res: '480', width: 720, height: 480, kbps: 1_800, codec: 'h264', label: '480p (H.264)' },
  { res: 'sd', width: 640, height: 360, kbps: 1_000, codec: 'h264', label: 'SD (H.264)' },
] as const;

const AUDIO_FORMATS = [
  { codec: 'aac', channels: 2, kbps: 192, label: 'English (AAC Stereo)' },
  { codec: 'ac3', channels: 6, kbps: 640, label: 'English (AC3 5.1)' },
  { codec: 'eac3', channels: 6, kbps: 768, label: 'English (EAC3 5.1)' },
] as const;

/** Immutable values every item may point at; only strings are shared, never arrays or objects. */
interface Pools {
  people: string[];
  directors: string[];
  writers: string[];
  characters: string[];
  summaries: string[];
}

/**
 * Builds a large, deterministic library: the same seed gives the same titles, people and
 * ratingKeys on every machine. About 60 % movies, 30 % episodes (in shows of one to three
 * seasons of about ten episodes) and 10 % tracks (in albums of about ten, by artists with one
 * to three albums); leaves add up to exactly `count`.
 */
export function seedSyntheticLibrary(state: EmulatorState, options: SyntheticOptions): void {
  const { count, seed, now } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`synthetic library size must be a non-negative integer; got ${count}`);
  }
  const rng = createRng(seed);
  addStandardSections(state, { createdAt: now - 10 * YEAR - 30 * DAY, scannedAt: now - 3600 });
  shareStandardSections(state);

  const movies = Math.round(count * 0.6);
  const episodes = Math.round(count * 0.3);
  const tracks = count - movies - episodes;
  const pools = makePools(rng);

  const movieKeys = addMovies(state, rng, pools, movies, now);
  const episodeKeys = addShows(state, rng, pools, episodes, now);
  addMusic(state, rng, tracks, now);
  addOwnerWatchState(state, rng, movieKeys, episodeKeys, now);
}

function makePools(rng: Rng): Pools {
  const names = new Set<string>();
  // 40 × 40 possible names; 420 distinct ones make actor and director filters return subsets.
  while (names.size < 420) names.add(`${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);
  const people = [...names];
  const characters: string[] = [];
  for (let i = 0; i < 160; i++) {
    characters.push(
      rng.chance(0.2)
        ? `The ${rng.pick(NOUNS)}`
        : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    );
  }
  const summaries: string[] = [];
  for (let i = 0; i < 96; i++) {
    summaries.push(
      `A ${rng.pick(ADJECTIVES).toLowerCase()} ${rng.pick(NOUNS).toLowerCase()} draws ${rng.pick(FIRST_NAMES)} into a ${rng.pick(ADJECTIVES).toLowerCase()} search for the ${rng.pick(NOUNS).toLowerCase()}. Nothing about it is what it seems.`,
    );
  }
  return {
    people,
    directors: people.slice(0, 140),
    writers: people.slice(100, 260),
    characters,
    summaries,
  };
}

function title(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.3) return `The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  if (roll < 0.55) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  if (roll < 0.7) return `${rng.pick(NOUNS)} of the ${rng.pick(NOUNS)}`;
  if (roll < 0.85) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.int(2, 4)}`;
  return `The ${rng.pick(NOUNS)}`;
}

/** `k` distinct picks, as fresh tag objects (never shared: edits may mutate them). */
function distinctTags(rng: Rng, pool: readonly string[], k: number): TagRef[] {
  const picked: TagRef[] = [];
  while (picked.length < k) {
    const tag = rng.pick(pool);
    if (!picked.some((entry) => entry.tag === tag)) picked.push({ tag });
  }
  return picked;
}

function date(rng: Rng, year: number): string {
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function poster(ratingKey: string): ItemRecord['artwork'] {
  const key = `metadata://posters/synthetic_${ratingKey}`;
  return {
    poster: {
      selected: key,
      candidates: [{ key, provider: 'local', color: mutedColor(hash32(ratingKey)) }],
    },
  };
}

function videoMedia(
  state: EmulatorState,
  rng: Rng,
  file: string,
  durationMs: number,
  container: string,
): MediaRecord {
  const video = rng.pick(VIDEO_FORMATS);
  const audio = rng.pick(AUDIO_FORMATS);
  const bitrate = video.kbps + audio.kbps;
  return {
    id: state.nextId('media'),
    duration: durationMs,
    bitrate,
    container,
    videoCodec: video.codec,
    audioCodec: audio.codec,
    audioChannels: audio.channels,
    width: video.width,
    height: video.height,
    videoResolution: video.res,
    videoFrameRate: '24p',
    parts: [
      {
        id: state.nextId('part'),
        file,
        size: Math.round(bitrate * 125 * (durationMs / 1000)),
        duration: durationMs,
        container,
        streams: [
          {
            id: state.nextId('stream'),
            streamType: 1,
            codec: video.codec,
            index: 0,
            displayTitle: video.label,
            width: video.width,
            height: video.height,
            bitrate: video.kbps,
            default: true,
          },
          {
            id: state.nextId('stream'),
            streamType: 2,
            codec: audio.codec,
            index: 1,
            displayTitle: audio.label,
            language: 'English',
            languageCode: 'eng',
            channels: audio.channels,
            selected: true,
            default: true,
          },
        ],
      },
    ],
  };
}

function addMovies(
  state: EmulatorState,
  rng: Rng,
  pools: Pools,
  total: number,
  now: number,
): string[] {
  const keys: string[] = [];
  for (let i = 0; i < total; i++) {
    const name = title(rng);
    const year = rng.int(1920, 2025);
    const durationMs = rng.int(78, 175) * 60_000 + rng.int(0, 59) * 1000;
    const addedAt = now - rng.int(0, 10 * YEAR);
    const cast: TagRef[] = [];
    const castSize = rng.int(3, 5);
    for (let c = 0; c < castSize; c++) {
      cast.push({ tag: rng.pick(pools.people), role: rng.pick(pools.characters) });
    }
    const container = rng.chance(0.8) ? 'mkv' : 'mp4';
    const item = state.addItem({
      type: 'movie',
      sectionId: SECTION_IDS.movies,
      title: name,
      year,
      originallyAvailableAt: date(rng, year),
      duration: durationMs,
      studio: rng.pick(STUDIOS),
      contentRating: rng.pick(MOVIE_RATINGS),
      summary: rng.pick(pools.summaries),
      audienceRating: rng.int(20, 95) / 10,
      ...(rng.chance(0.7) ? { rating: rng.int(10, 100) / 10 } : {}),
      addedAt,
      updatedAt: addedAt,
      tags: {
        genre: distinctTags(rng, MOVIE_GENRES, rng.int(1, 3)),
        director: distinctTags(rng, pools.directors, rng.chance(0.1) ? 2 : 1),
        writer: distinctTags(rng, pools.writers, rng.int(1, 2)),
        role: cast,
        country: [{ tag: rng.pick(COUNTRIES) }],
      },
    });
    const folder = `${name} (${year})`;
    item.media = [
      videoMedia(
        state,
        rng,
        `/data/media/movies/${folder}/${folder}.${container}`,
        durationMs,
        container,
      ),
    ];
    item.artwork = poster(item.ratingKey);
    keys.push(item.ratingKey);
  }
  return keys;
}

function addShows(
  state: EmulatorState,
  rng: Rng,
  pools: Pools,
  total: number,
  now: number,
): string[] {
  const keys: string[] = [];
  let remaining = total;
  while (remaining > 0) {
    const showTitle = title(rng);
    const year = rng.int(1950, 2024);
    const contentRating = rng.pick(TV_RATINGS);
    const episodeMinutes = rng.chance(0.5) ? rng.int(21, 30) : rng.int(42, 60);
    const showAdded = now - rng.int(30 * DAY, 10 * YEAR);
    const cast: TagRef[] = [];
    for (let c = rng.int(3, 5); c > 0; c--) {
      cast.push({ tag: rng.pick(pools.people), role: rng.pick(pools.characters) });
    }
    const show = state.addItem({
      type: 'show',
      sectionId: SECTION_IDS.tv,
      title: showTitle,
      year,
      originallyAvailableAt: date(rng, year),
      studio: rng.pick(NETWORKS),
      contentRating,
      summary: rng.pick(pools.summaries),
      audienceRating: rng.int(40, 95) / 10,
      addedAt: showAdded,
      updatedAt: showAdded,
      tags: { genre: distinctTags(rng, TV_GENRES, rng.int(1, 2)), role: cast },
    });
    show.artwork = poster(show.ratingKey);

    const seasons = rng.int(1, 3);
    for (let s = 1; s <= seasons && remaining > 0; s++) {
      const seasonAdded = Math.min(now, showAdded + (s - 1) * 90 * DAY);
      const season = state.addItem({
        type: 'season',
        sectionId: SECTION_IDS.tv,
        title: `Season ${s}`,
        index: s,
        parentRatingKey: show.ratingKey,
        addedAt: seasonAdded,
        updatedAt: seasonAdded,
      });
      season.artwork = poster(season.ratingKey);
      const size = Math.min(remaining, rng.int(8, 12));
      for (let e = 1; e <= size; e++) {
        const aired = Math.min(2025, year + s - 1);
        const durationMs = (episodeMinutes * 60 + rng.int(0, 59)) * 1000;
        const code = `S${String(s).padStart(2, '0')}E${String(e).padStart(2, '0')}`;
        const container = 'mkv';
        const episode = state.addItem({
          type: 'episode',
          sectionId: SECTION_IDS.tv,
          title: title(rng),
          index: e,
          parentIndex: s,
          parentRatingKey: season.ratingKey,
          grandparentRatingKey: show.ratingKey,
          year: aired,
          originallyAvailableAt: date(rng, aired),
          duration: durationMs,
          contentRating,
          summary: rng.pick(pools.summaries),
          addedAt: seasonAdded,
          updatedAt: seasonAdded,
          tags: {
            director: distinctTags(rng, pools.directors, 1),
            writer: distinctTags(rng, pools.writers, 1),
          },
        });
        episode.media = [
          videoMedia(
            state,
            rng,
            `/data/media/tv/${showTitle}/Season ${String(s).padStart(2, '0')}/${showTitle} - ${code}.${container}`,
            durationMs,
            container,
          ),
        ];
        keys.push(episode.ratingKey);
      }
      remaining -= size;
    }
  }
  return keys;
}

function addMusic(state: EmulatorState, rng: Rng, total: number, now: number): void {
  let remaining = total;
  while (remaining > 0) {
    const artistName = rng.chance(0.5)
      ? `The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`
      : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const genre = rng.pick(MUSIC_GENRES);
    const artistAdded = now - rng.int(0, 10 * YEAR);
    const artist = state.addItem({
      type: 'artist',
      sectionId: SECTION_IDS.music,
      title: artistName,
      addedAt: artistAdded,
      updatedAt: artistAdded,
      tags: { genre: [{ tag: genre }], country: [{ tag: rng.pick(COUNTRIES) }] },
    });
    artist.artwork = poster(artist.ratingKey);

    const albums = rng.int(1, 3);
    for (let a = 0; a < albums && remaining > 0; a++) {
      const albumTitle = title(rng);
      const year = rng.int(1955, 2025);
      const albumAdded = Math.min(now, artistAdded + a * 30 * DAY);
      const album = state.addItem({
        type: 'album',
        sectionId: SECTION_IDS.music,
        title: albumTitle,
        year,
        originallyAvailableAt: date(rng, year),
        studio: rng.pick(LABELS),
        parentRatingKey: artist.ratingKey,
        addedAt: albumAdded,
        updatedAt: albumAdded,
        tags: { genre: [{ tag: genre }] },
      });
      album.artwork = poster(album.ratingKey);
      const flac = rng.chance(0.5);
      const codec = flac ? 'flac' : 'mp3';
      const kbps = flac ? 900 : 320;
      const size = Math.min(remaining, rng.int(8, 12));
      for (let t = 1; t <= size; t++) {
        const trackTitle = title(rng);
        const durationMs = rng.int(120, 420) * 1000;
        const track = state.addItem({
          type: 'track',
          sectionId: SECTION_IDS.music,
          title: trackTitle,
          index: t,
          parentIndex: 1,
          parentRatingKey: album.ratingKey,
          grandparentRatingKey: artist.ratingKey,
          duration: durationMs,
          addedAt: albumAdded,
          updatedAt: albumAdded,
        });
        track.media = [
          {
            id: state.nextId('media'),
            duration: durationMs,
            bitrate: kbps,
            container: codec,
            audioCodec: codec,
            audioChannels: 2,
            parts: [
              {
                id: state.nextId('part'),
                file: `/data/media/music/${artistName}/${albumTitle} (${year})/${String(t).padStart(2, '0')} - ${trackTitle}.${codec}`,
                size: Math.round(kbps * 125 * (durationMs / 1000)),
                duration: durationMs,
                container: codec,
                streams: [
                  {
                    id: state.nextId('stream'),
                    streamType: 2,
                    codec,
                    index: 0,
                    displayTitle: flac ? 'FLAC (Stereo)' : 'MP3 (Stereo)',
                    channels: 2,
                    selected: true,
                  },
                ],
              },
            ],
          },
        ];
      }
      remaining -= size;
    }
  }
}

/** A handful of plays for the owner, so On Deck and Continue Watching are not empty. */
function addOwnerWatchState(
  state: EmulatorState,
  rng: Rng,
  movieKeys: readonly string[],
  episodeKeys: readonly string[],
  now: number,
): void {
  const owner = 1;
  for (let i = 0; i < Math.min(12, movieKeys.length); i++) {
    const key = movieKeys[rng.int(0, movieKeys.length - 1)];
    if (key)
      state.setWatchState(owner, key, { viewCount: 1, lastViewedAt: now - rng.int(DAY, 60 * DAY) });
  }
  const partial = movieKeys[rng.int(0, Math.max(0, movieKeys.length - 1))];
  if (partial) {
    const duration = state.items.get(partial)?.duration ?? 0;
    state.setWatchState(owner, partial, {
      viewCount: 0,
      viewOffset: Math.floor(duration / 3),
      lastViewedAt: now - 2 * 3600,
    });
  }
  // The first show's opening episodes: three watched, the fourth half-way.
  episodeKeys.slice(0, 4).forEach((key, i) => {
    const lastViewedAt = now - (10 - i) * DAY;
    if (i < 3) state.setWatchState(owner, key, { viewCount: 1, lastViewedAt });
    else {
      const duration = state.items.get(key)?.duration ?? 0;
      state.setWatchState(owner, key, {
        viewCount: 0,
        viewOffset: Math.floor(duration / 2),
        lastViewedAt,
      });
    }
  });
}
