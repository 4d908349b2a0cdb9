/**
 * The emulator's internal model. Records here are what the emulator remembers; the JSON that
 * real Plex sends is produced from them by the renderers in `src/render/`, never stored as-is.
 */

/** Plex metadata type names the emulator stores. */
export const ITEM_TYPES = [
  'movie',
  'show',
  'season',
  'episode',
  'artist',
  'album',
  'track',
  'collection',
  'photo',
] as const;

/** One of {@link ITEM_TYPES}. */
export type ItemType = (typeof ITEM_TYPES)[number];

/** Library section types, as Plex names them. */
export type SectionType = 'movie' | 'show' | 'artist' | 'photo';

/** Plex's numeric metadata types (API docs, "List of Metadata Types"). */
export const TYPE_NUMBER = {
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
  playlistfolder: 16,
  collection: 18,
} as const;

/** Tag kinds Plex attaches to items; the key is the JSON element name without its capital. */
export type TagKind =
  | 'genre'
  | 'director'
  | 'writer'
  | 'producer'
  | 'role'
  | 'country'
  | 'label'
  | 'collection'
  | 'style'
  | 'mood';

/** One tag on an item. `role` is the character name for cast members. */
export interface TagRef {
  tag: string;
  role?: string;
  thumb?: string;
}

/** A stream inside a media part (video, audio or subtitle). */
export interface StreamRecord {
  id: number;
  streamType: 1 | 2 | 3;
  codec: string;
  index?: number;
  language?: string;
  languageCode?: string;
  displayTitle: string;
  selected?: boolean;
  default?: boolean;
  /** Video */
  bitrate?: number;
  width?: number;
  height?: number;
  frameRate?: number;
  profile?: string;
  /** Audio */
  channels?: number;
  samplingRate?: number;
  audioChannelLayout?: string;
  /** Subtitles */
  forced?: boolean;
  key?: string;
  /** Video: the stream carries CEA-608 closed captions. */
  closedCaptions?: boolean;
  /** Subtitles: the captions are read out of the video stream, not a track of their own. */
  embeddedInVideo?: boolean;
}

/** A file backing a media version. */
export interface PartRecord {
  id: number;
  file: string;
  size: number;
  duration: number;
  container: string;
  videoProfile?: string;
  streams: StreamRecord[];
}

/** One version of an item (Plex's `Media` element). */
export interface MediaRecord {
  id: number;
  duration: number;
  bitrate: number;
  container: string;
  videoCodec?: string;
  audioCodec: string;
  audioChannels: number;
  width?: number;
  height?: number;
  aspectRatio?: number;
  videoResolution?: string;
  videoFrameRate?: string;
  videoProfile?: string;
  parts: PartRecord[];
}

/** Which artwork slot an image belongs to. */
export type ArtKind = 'poster' | 'art' | 'logo' | 'banner' | 'theme';

/** One artwork candidate for an item (Plex's `/posters`, `/arts` entries). */
export interface ArtworkCandidate {
  /** Stable key used to select it (`/library/metadata/{id}/file?url=…` style in real Plex). */
  key: string;
  /** `local`, `upload`, `url` or an agent id such as `com.plexapp.agents.themoviedb`. */
  provider: string;
  /** Colour used when the emulator renders this artwork as an image. */
  color: string;
}

/** A library item: movie, show, season, episode, artist, album, track, collection or photo. */
export interface ItemRecord {
  ratingKey: string;
  type: ItemType;
  sectionId: number;
  title: string;
  titleSort?: string;
  originalTitle?: string;
  summary?: string;
  tagline?: string;
  studio?: string;
  contentRating?: string;
  year?: number;
  /** YYYY-MM-DD */
  originallyAvailableAt?: string;
  /** Milliseconds. */
  duration?: number;
  rating?: number;
  audienceRating?: number;
  index?: number;
  parentRatingKey?: string;
  grandparentRatingKey?: string;
  /** Unix seconds. */
  addedAt: number;
  updatedAt: number;
  tags: Partial<Record<TagKind, TagRef[]>>;
  /** External ids such as `imdb://tt0032138`, `tmdb://630`, `tvdb://…`. */
  guids: string[];
  /** Plex's own guid, e.g. `plex://movie/5d776…`. */
  guid: string;
  media: MediaRecord[];
  /** Field names whose edits are locked against agent refreshes (`title`, `genre`, …). */
  locked: Set<string>;
  /** Artwork candidates and the selected key per slot. */
  artwork: Partial<Record<ArtKind, { selected: string; candidates: ArtworkCandidate[] }>>;
  /** Children in display order (seasons of a show, episodes of a season, members of a collection). */
  childKeys: string[];
  /**
   * Collections only (python-plexapi's modes): `-1` library default, `0` hide the collection,
   * `1` hide its items, `2` show the collection and its items.
   */
  collectionMode?: string;
  /** Collections only: `0` release date, `1` alphabetical, `2` custom. */
  collectionSort?: string;
  /** Collections only: smart collections are filter-driven. */
  smart?: boolean;
  /** Collections only: the type number of the members. */
  subtype?: ItemType;
  /**
   * The parent's index as PMS reports it on the item: a track's disc number within its album, an
   * episode's season number. Renderers fall back to the parent's `index` when it is absent.
   */
  parentIndex?: number;
  /**
   * A few extra fields Plex sends: photos' and tracks' own attributes, and a smart collection's
   * filter (`content`, a `/library/sections/{id}/all?…` path).
   */
  extra?: Record<string, string | number | boolean>;
}

/** A folder a section scans. */
export interface LocationRecord {
  id: number;
  path: string;
}

/** A library section. */
export interface SectionRecord {
  id: number;
  uuid: string;
  type: SectionType;
  title: string;
  agent: string;
  scanner: string;
  language: string;
  locations: LocationRecord[];
  createdAt: number;
  updatedAt: number;
  scannedAt: number;
  contentChangedAt: number;
  hidden: 0 | 1;
  /** Section preferences (`/library/sections/{id}/prefs`), name → value. */
  prefs: Record<string, string>;
  /** True while a scan or refresh activity runs. */
  refreshing: boolean;
  /** Items that were deleted from disk but are still in the library until trash is emptied. */
  trash: Set<string>;
}

/** Per-account watch state for one item. */
export interface WatchState {
  viewCount: number;
  lastViewedAt?: number;
  /** Resume position in ms. */
  viewOffset?: number;
  /** 0–10, as Plex's `userRating`. */
  userRating?: number;
  lastRatedAt?: number;
  /** Tracks: how often the listener skipped it before it ended (Plex's `skipCount`). */
  skipCount?: number;
}

/** A server account (`/accounts`) and, through `plexTv`, the plex.tv user behind it. */
export interface AccountRecord {
  /** Server-local account id; the owner is 1. */
  id: number;
  /** plex.tv user id. */
  plexId: number;
  uuid: string;
  username: string;
  title: string;
  email: string;
  thumb: string;
  /** `owner`, `home` (managed or home user) or `friend` (shared server). */
  kind: 'owner' | 'home' | 'friend';
  /** Token valid against this server for this account. */
  serverToken: string;
  /** Token valid against plex.tv for this account (the owner's is the configured token). */
  plexTvToken: string;
  restricted: boolean;
  /** Section ids shared with a friend or home user; the owner sees all. */
  sharedSectionIds: number[];
  joinedAt: number;
  subscription: boolean;
}

/** A device that has talked to the server (`/devices`). */
export interface DeviceRecord {
  id: number;
  name: string;
  platform: string;
  clientIdentifier: string;
  createdAt: number;
}

/** A timeline as a player reports it (`/player/timeline/poll`). */
export interface TimelineRecord {
  type: 'video' | 'music' | 'photo';
  state: 'stopped' | 'playing' | 'paused' | 'buffering';
  ratingKey?: string;
  /** ms */
  time: number;
  duration?: number;
  playQueueId?: number;
  playQueueItemId?: number;
  volume: number;
  muted: boolean;
  audioStreamId?: number;
  subtitleStreamId?: number;
  videoStreamId?: number;
  repeat: 0 | 1 | 2;
  shuffle: boolean;
  /**
   * Playing timelines: the clock reading (ms) when `time` was last brought up to date, so the
   * position can move on by the time that passed. Absent means "from the next look".
   */
  updatedAtMs?: number;
}

/** An emulated player (`/clients`). */
export interface PlayerRecord {
  machineIdentifier: string;
  name: string;
  product: string;
  platform: string;
  platformVersion: string;
  device: string;
  model: string;
  vendor: string;
  version: string;
  address: string;
  port: number;
  deviceClass: string;
  protocolVersion: string;
  protocolCapabilities: string[];
  /** Which account uses this player when it plays something. */
  accountId: number;
  local: boolean;
  /** Last navigation command received, for tests (`moveUp`, `select`, …). */
  lastNavigation?: string;
  /** Highest commandID received, per controlling client identifier. */
  commandIds: Record<string, number>;
  timelines: Record<'video' | 'music' | 'photo', TimelineRecord>;
}

/** A transcode job attached to a session. */
export interface TranscodeRecord {
  key: string;
  videoDecision: 'transcode' | 'copy' | 'directplay';
  audioDecision: 'transcode' | 'copy' | 'directplay';
  subtitleDecision?: 'transcode' | 'copy' | 'burn';
  sourceVideoCodec?: string;
  sourceAudioCodec: string;
  videoCodec?: string;
  audioCodec: string;
  audioChannels: number;
  container: string;
  protocol: string;
  progress: number;
  speed: number;
  throttled: boolean;
  transcodeHwRequested: boolean;
  /** Why Plex transcodes, as its TranscodeSession reports (e.g. bitrate limit). */
  reasons: string[];
}

/** An active playback session (`/status/sessions`). */
export interface SessionRecord {
  sessionKey: string;
  /** The Session element's id (used by `/status/sessions/terminate?sessionId=`). */
  id: string;
  ratingKey: string;
  accountId: number;
  playerId: string;
  state: 'playing' | 'paused' | 'buffering';
  viewOffset: number;
  bandwidth: number;
  location: 'lan' | 'wan';
  startedAt: number;
  transcode?: TranscodeRecord;
  /** Set once the play passed the watched mark and was scrobbled; PMS scrobbles once a session. */
  scrobbled?: boolean;
}

/**
 * A session the owner terminated, kept for its client until that client next reports a timeline:
 * PMS then answers with `terminationCode`/`terminationText` so the client can say why it stopped.
 */
export interface PendingTermination {
  ratingKey: string;
  text: string;
}

/** One play in the history (`/status/sessions/history/all`). */
export interface HistoryRecord {
  historyKey: number;
  ratingKey: string;
  accountId: number;
  deviceId: number;
  viewedAt: number;
}

/** A playlist. Playlists are metadata items in Plex, numbered from the same ratingKey space. */
export interface PlaylistRecord {
  ratingKey: string;
  guid: string;
  title: string;
  summary: string;
  playlistType: 'video' | 'audio' | 'photo';
  smart: boolean;
  /** Smart playlists: the filter, as `library://{uuid}/directory/{encoded section query}`. */
  content?: string;
  titleSort?: string;
  accountId: number;
  addedAt: number;
  updatedAt: number;
  lastViewedAt?: number;
  viewCount?: number;
  /** Uploaded or selected poster, if any. */
  thumbColor?: string;
  entries: { playlistItemId: number; ratingKey: string }[];
}

/** A play queue (`/playQueues`). */
export interface PlayQueueRecord {
  id: number;
  /** The account that created the queue. */
  accountId: number;
  type: 'video' | 'audio' | 'photo';
  sourceUri: string;
  shuffled: boolean;
  version: number;
  selectedItemId: number;
  selectedOffset: number;
  items: { playQueueItemId: number; ratingKey: string }[];
  /** Queue item id of the last item added after creation, where "Up Next" items begin. */
  lastAddedItemId?: number;
}

/** A butler (scheduled maintenance) task. */
export interface ButlerTaskRecord {
  name: string;
  title: string;
  description: string;
  interval: number;
  enabled: boolean;
  scheduleRandomized: boolean;
  running: boolean;
}

/** A running server activity (scan, refresh, butler task). */
export interface ActivityRecord {
  uuid: string;
  type: string;
  title: string;
  subtitle: string;
  progress: number;
  cancellable: boolean;
  userId: number;
  context: Record<string, string>;
}

/** A plex.tv sign-in PIN. */
export interface PinRecord {
  id: number;
  code: string;
  clientIdentifier: string;
  product: string;
  strong: boolean;
  createdAt: number;
  expiresAt: number;
  /** Set once a user links the PIN. */
  authToken: string | null;
}

/** A server preference (`/:/prefs`). */
export interface SettingRecord {
  id: string;
  label: string;
  summary: string;
  type: 'bool' | 'int' | 'text' | 'double';
  default: string | number | boolean;
  value: string | number | boolean;
  hidden: boolean;
  advanced: boolean;
  group: string;
  enumValues?: string;
}

/** One line of an emulated log file. */
export interface LogLine {
  at: number;
  level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

/** Names of the log files the emulator keeps, as PMS names them. */
export type LogFile =
  | 'Plex Media Server.log'
  | 'Plex Media Scanner.log'
  | 'Plex Transcoder Statistics.log'
  | 'Plex Update Service.log';

/** Facts about the server itself. */
export interface ServerInfo {
  friendlyName: string;
  machineIdentifier: string;
  version: string;
  platform: string;
  platformVersion: string;
  myPlexUsername: string;
  myPlexSigninState: string;
  transcoderActiveVideoSessions: number;
  updateAvailable: { version: string; addedAt: number } | null;
  /** Unix seconds of the last update check asked through the API or the AutomaticUpdates task. */
  updateCheckedAt?: number;
  /** Release state set by check/apply (`downloaded`, `tonight`, …), for the version it was set for. */
  updateRelease?: { version: string; state: string };
}
