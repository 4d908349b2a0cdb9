import * as v from 'valibot';
import { bool, id, list, mediaContainer, num, opt, tagSchema } from './common.js';

/**
 * Plex metadata items (`Metadata` elements) as they appear in library lists, detail views,
 * children, hubs, search results and playlist items. One schema covers every type (movie, show,
 * season, episode, artist, album, track, collection, photo, clip); fields a type lacks are
 * `undefined`, tag arrays a response omits are `[]`.
 *
 * Normalised types:
 * - `ratingKey`, `parentRatingKey`, `grandparentRatingKey`, every `key` → string (`id`).
 * - `librarySectionID` → number. Library and metadata JSON send a number, sessions and history
 *   send a string (`"3"`); both arrive here as `3`.
 * - Counts, timestamps (epoch seconds), durations (ms), ratings → number, even when Plex sends a
 *   numeric string (collections' `"childCount": "3"`).
 *
 * Other schemas (sessions, history) extend it with `v.object({ ...metadataItemSchema.entries, … })`.
 */

/** One audio, video, subtitle or lyrics stream of a part (detail views only). */
const streamEntries = {
  id: num,
  /** 1 video, 2 audio, 3 subtitle, 4 lyrics. */
  streamType: num,
  default: opt(bool),
  /** Only on the currently selected audio/subtitle stream. */
  selected: opt(bool),
  forced: opt(bool),
  codec: opt(v.string()),
  /** Absent on external subtitles. */
  index: opt(num),
  bitrate: opt(num),
  language: opt(v.string()),
  languageTag: opt(v.string()),
  languageCode: opt(v.string()),
  title: opt(v.string()),
  displayTitle: opt(v.string()),
  extendedDisplayTitle: opt(v.string()),
  /** External subtitles: `/library/streams/{id}`. */
  key: opt(id),
  format: opt(v.string()),
  // video
  width: opt(num),
  height: opt(num),
  frameRate: opt(num),
  profile: opt(v.string()),
  level: opt(num),
  bitDepth: opt(num),
  chromaSubsampling: opt(v.string()),
  colorPrimaries: opt(v.string()),
  colorRange: opt(v.string()),
  colorSpace: opt(v.string()),
  colorTrc: opt(v.string()),
  scanType: opt(v.string()),
  refFrames: opt(num),
  DOVIPresent: opt(bool),
  // audio
  channels: opt(num),
  samplingRate: opt(num),
  audioChannelLayout: opt(v.string()),
  /** Loudness analysis (music); Plex sends these as numeric strings. */
  gain: opt(num),
  peak: opt(num),
  loudness: opt(num),
  lra: opt(num),
  albumGain: opt(num),
  albumPeak: opt(num),
  albumRange: opt(num),
  // subtitles
  canAutoSync: opt(bool),
  hearingImpaired: opt(bool),
};

/** The schema of `Stream` (named, so schemas built on it stay small in declarations). */
export interface StreamSchema extends v.ObjectSchema<typeof streamEntries, undefined> {}
export const streamSchema: StreamSchema = v.object(streamEntries);

/** One file of a media version. */
const partEntries = {
  id: num,
  /** `/library/parts/{id}/{ts}/file.ext`: the download/stream path. */
  key: opt(id),
  duration: opt(num),
  file: opt(v.string()),
  size: opt(num),
  container: opt(v.string()),
  videoProfile: opt(v.string()),
  audioProfile: opt(v.string()),
  indexes: opt(v.string()),
  hasThumbnail: opt(bool),
  has64bitOffsets: opt(bool),
  optimizedForStreaming: opt(bool),
  /** With `checkFiles=1`: whether the server can read the file. */
  accessible: opt(bool),
  exists: opt(bool),
  Stream: list(streamSchema),
};

/** The schema of `Part`. */
export interface PartSchema extends v.ObjectSchema<typeof partEntries, undefined> {}
export const partSchema: PartSchema = v.object(partEntries);

/** One media version of an item (a movie may have a 4K and a 1080p version). */
const mediaEntries = {
  id: num,
  duration: opt(num),
  bitrate: opt(num),
  width: opt(num),
  height: opt(num),
  aspectRatio: opt(num),
  audioChannels: opt(num),
  audioCodec: opt(v.string()),
  audioProfile: opt(v.string()),
  videoCodec: opt(v.string()),
  /** `"1080"`, `"720"`, `"4k"`, `"sd"`: a string even when numeric. */
  videoResolution: opt(id),
  videoFrameRate: opt(v.string()),
  videoProfile: opt(v.string()),
  container: opt(v.string()),
  optimizedForStreaming: opt(bool),
  has64bitOffsets: opt(bool),
  hasVoiceActivity: opt(bool),
  /** Sessions: the version being played. */
  selected: opt(bool),
  // photos
  aperture: opt(v.string()),
  exposure: opt(v.string()),
  iso: opt(num),
  lens: opt(v.string()),
  make: opt(v.string()),
  model: opt(v.string()),
  Part: list(partSchema),
};

/** The schema of `Media`. */
export interface MediaSchema extends v.ObjectSchema<typeof mediaEntries, undefined> {}
export const mediaSchema: MediaSchema = v.object(mediaEntries);

/** An external id (`imdb://tt0063350`, `tmdb://10331`, `tvdb://…`); with `includeGuids=1`. */
export const guidSchema = v.object({ id: v.string() });

/** An image of an item (`coverPoster`, `background`, `snapshot`, `clearLogo`). */
export const imageSchema = v.object({
  type: v.string(),
  url: v.string(),
  alt: opt(v.string()),
});

/** A locked field: edits by agents and refreshes leave it alone (`title`, `thumb`, `genre`, …). */
export const fieldLockSchema = v.object({
  name: v.string(),
  locked: v.optional(bool, true),
});

/** A rating from an external source (detail views). */
export const ratingSchema = v.object({
  image: opt(v.string()),
  value: num,
  type: opt(v.string()),
});

/** A chapter (detail views with `includeChapters=1`). */
export const chapterSchema = v.object({
  id: opt(num),
  index: opt(num),
  tag: opt(v.string()),
  startTimeOffset: num,
  endTimeOffset: num,
  thumb: opt(v.string()),
});

/** An intro/credits/commercial marker (detail views with `includeMarkers=1`). */
export const markerSchema = v.object({
  id: opt(num),
  type: v.string(),
  startTimeOffset: num,
  endTimeOffset: num,
  final: opt(bool),
});

/** A folder an item (a show, an artist) lives in. */
export const itemLocationSchema = v.object({ id: opt(num), path: v.string() });

/** The dominant colours Plex computes for blurred backgrounds (PMS ≥ 1.32). */
export const ultraBlurColorsSchema = v.object({
  topLeft: opt(v.string()),
  topRight: opt(v.string()),
  bottomRight: opt(v.string()),
  bottomLeft: opt(v.string()),
});

/** The fields of a metadata item; spread it to extend the schema (`sessions`, `history`). */
export const metadataItemEntries = {
  ratingKey: id,
  /** The item itself (`/library/metadata/1`) for leaves, its children for parents (`…/children`). */
  key: id,
  guid: opt(v.string()),
  /** `movie`, `show`, `season`, `episode`, `artist`, `album`, `track`, `collection`, `photo`, `clip`, … */
  type: v.string(),
  /** Collections: the type of their members. */
  subtype: opt(v.string()),
  title: v.string(),
  titleSort: opt(v.string()),
  originalTitle: opt(v.string()),
  editionTitle: opt(v.string()),
  slug: opt(v.string()),
  summary: opt(v.string()),
  tagline: opt(v.string()),
  studio: opt(v.string()),
  contentRating: opt(v.string()),
  year: opt(num),
  /** `YYYY-MM-DD`. */
  originallyAvailableAt: opt(v.string()),
  /** Episode number, season number, track number; 1 on shows. */
  index: opt(num),
  /** Season number on episodes, disc number on tracks; the show's index (1) on seasons. */
  parentIndex: opt(num),
  /** Milliseconds. */
  duration: opt(num),
  rating: opt(num),
  ratingImage: opt(v.string()),
  audienceRating: opt(num),
  audienceRatingImage: opt(v.string()),
  /** The signed-in user's rating, 0–10. */
  userRating: opt(num),
  lastRatedAt: opt(num),
  ratingCount: opt(num),
  /** Absent when never played. */
  viewCount: opt(num),
  skipCount: opt(num),
  lastViewedAt: opt(num),
  /** Milliseconds into the item where playback stopped; absent unless in progress. */
  viewOffset: opt(num),
  addedAt: opt(num),
  updatedAt: opt(num),
  thumb: opt(v.string()),
  art: opt(v.string()),
  banner: opt(v.string()),
  theme: opt(v.string()),
  composite: opt(v.string()),
  chapterSource: opt(v.string()),
  primaryExtraKey: opt(v.string()),
  allowSync: opt(bool),

  /** Number everywhere (sessions' and history's `"3"` included). */
  librarySectionID: opt(num),
  librarySectionTitle: opt(v.string()),
  librarySectionKey: opt(v.string()),
  librarySectionUUID: opt(v.string()),

  parentRatingKey: opt(id),
  parentKey: opt(id),
  parentGuid: opt(v.string()),
  parentTitle: opt(v.string()),
  parentThumb: opt(v.string()),
  parentArt: opt(v.string()),
  parentTheme: opt(v.string()),
  parentYear: opt(num),
  parentStudio: opt(v.string()),
  parentSlug: opt(v.string()),

  grandparentRatingKey: opt(id),
  grandparentKey: opt(id),
  grandparentGuid: opt(v.string()),
  grandparentTitle: opt(v.string()),
  grandparentThumb: opt(v.string()),
  grandparentArt: opt(v.string()),
  grandparentTheme: opt(v.string()),
  grandparentSlug: opt(v.string()),

  /** Shows, seasons, artists, albums: playable descendants and how many were watched. */
  leafCount: opt(num),
  viewedLeafCount: opt(num),
  /** Shows: seasons; artists: albums; collections: members. */
  childCount: opt(num),
  /** A single-season show whose season is hidden; clients list `/grandchildren`. */
  skipChildren: opt(bool),
  showOrdering: opt(v.string()),
  flattenSeasons: opt(id),
  musicAnalysisVersion: opt(id),
  loudnessAnalysisVersion: opt(id),

  // collections
  smart: opt(bool),
  /** Smart collections: the filter URI. */
  content: opt(v.string()),
  collectionMode: opt(num),
  collectionSort: opt(num),
  minYear: opt(num),
  maxYear: opt(num),

  // photos
  createdAtAccuracy: opt(v.string()),
  createdAtTZOffset: opt(num),

  /** Playlist items (non-smart playlists): the id used to move or remove this entry. */
  playlistItemID: opt(num),

  // search results
  /** Why a search hub matched (`section`, `originalTitle`, a hub identifier). */
  reason: opt(v.string()),
  reasonTitle: opt(v.string()),
  reasonID: opt(num),

  Media: list(mediaSchema),
  Genre: list(tagSchema),
  Director: list(tagSchema),
  Writer: list(tagSchema),
  Producer: list(tagSchema),
  /** Actors: `tag` is the person, `role` the character. */
  Role: list(tagSchema),
  Country: list(tagSchema),
  Label: list(tagSchema),
  Collection: list(tagSchema),
  Style: list(tagSchema),
  Mood: list(tagSchema),
  Similar: list(tagSchema),
  Guid: list(guidSchema),
  Image: list(imageSchema),
  /** The lock list: fields that refreshes and agents must not overwrite. */
  Field: list(fieldLockSchema),
  Rating: list(ratingSchema),
  Chapter: list(chapterSchema),
  Marker: list(markerSchema),
  Location: list(itemLocationSchema),
  UltraBlurColors: opt(ultraBlurColorsSchema),
};

/** The fields of a metadata item, as a type: extend it with `Extend<MetadataItemEntries, …>`. */
export type MetadataItemEntries = typeof metadataItemEntries;

/** The schema of `MetadataItem` (named, so schemas built on it stay small in declarations). */
export interface MetadataItemSchema extends v.ObjectSchema<MetadataItemEntries, undefined> {}

/** A metadata item of any type (movie, show, season, episode, artist, album, track, …). */
export const metadataItemSchema: MetadataItemSchema = v.object(metadataItemEntries);

/**
 * A list of items (`/all`, `/children`, `/allLeaves`, `/similar`, `/library/metadata/{ids}`,
 * recently added, On Deck) with the section facts Plex hoists onto single-section lists.
 */
export const metadataContainerSchema = mediaContainer({
  librarySectionID: opt(num),
  librarySectionTitle: opt(v.string()),
  librarySectionUUID: opt(v.string()),
  Metadata: list(metadataItemSchema),
});

/** One image an item could show (`GET /library/metadata/{id}/posters`, `/arts`, …). */
export const artworkSchema = v.object({
  /** Where the image is: a PMS path (`/library/metadata/1/file?url=…`) or an http(s) URL. */
  key: v.string(),
  /** The opaque id to select it by: `upload://…`, `metadata://…`, `media://…` or a URL. */
  ratingKey: id,
  selected: v.optional(bool, false),
  /** A small version of the image (a PMS path or an http(s) URL). */
  thumb: opt(v.string()),
  /** The agent that supplied it (`tv.plex.agents.movie`, `local`); absent for uploads. */
  provider: opt(v.string()),
});

/** `GET /library/metadata/{id}/posters` (and `/arts`, `/clearLogos`, `/banners`). */
export const artworkContainerSchema = mediaContainer({ Metadata: list(artworkSchema) });

/** Plex's numbers for metadata types, as `type=` takes them. */
export const METADATA_TYPES = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  trailer: 5,
  person: 7,
  artist: 8,
  album: 9,
  track: 10,
  clip: 12,
  photo: 13,
  photoalbum: 14,
  playlist: 15,
  playlistFolder: 16,
  collection: 18,
} as const;

/** A metadata type by name (`movie`, `episode`, `track`, …). */
export type MetadataTypeName = keyof typeof METADATA_TYPES;

/** The `type=` number for a type name (numbers pass through); throws for an unknown name. */
export function metadataTypeNumber(type: MetadataTypeName | number): number {
  if (typeof type === 'number') return type;
  const number = (METADATA_TYPES as Record<string, number>)[type];
  if (number === undefined) {
    throw new TypeError(
      `unknown metadata type "${type}"; expected one of ${Object.keys(METADATA_TYPES).join(', ')}`,
    );
  }
  return number;
}

/** A metadata item of any type; fields a type lacks are `undefined`, omitted tag arrays `[]`. */
export interface MetadataItem extends v.InferOutput<MetadataItemSchema> {}
/** One media version of an item. */
export interface Media extends v.InferOutput<MediaSchema> {}
/** One file of a media version. */
export interface Part extends v.InferOutput<PartSchema> {}
/** One stream of a part (`streamType` 1 video, 2 audio, 3 subtitle, 4 lyrics). */
export interface Stream extends v.InferOutput<StreamSchema> {}
/** An external id of an item. */
export type Guid = v.InferOutput<typeof guidSchema>;
/** An image of an item. */
export type ItemImage = v.InferOutput<typeof imageSchema>;
/** A field lock on an item. */
export type FieldLock = v.InferOutput<typeof fieldLockSchema>;
/** A marker (intro, credits) on an item. */
export type Marker = v.InferOutput<typeof markerSchema>;
/** A chapter of an item. */
export type Chapter = v.InferOutput<typeof chapterSchema>;
/** An image candidate of an item (poster, background, logo, banner). */
export type Artwork = v.InferOutput<typeof artworkSchema>;
/** A Plex tag on an item (`Genre`, `Director`, `Role`, …). */
export type { Tag } from './common.js';
