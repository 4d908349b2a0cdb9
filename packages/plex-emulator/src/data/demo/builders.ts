import type { EmulatorState } from '../../state/store.js';
import type {
  ArtKind,
  ArtworkCandidate,
  ItemRecord,
  MediaRecord,
  SectionRecord,
  StreamRecord,
  TagKind,
  TagRef,
} from '../../state/types.js';

/** The demo library's clock: 2025-11-20T00:00:00Z. Every demo timestamp is relative to it. */
export const DEMO_EPOCH = 1763596800;

/** Seconds in a day. */
export const DAY = 86_400;

/** A Unix time `days` before the demo epoch, at `hour` (UTC) of that day. */
export function daysBefore(days: number, hour = 0): number {
  return DEMO_EPOCH - days * DAY + Math.round(hour * 3600);
}

/** Minutes and seconds to milliseconds (`mmss(25, 48)` is 25:48). */
export function mmss(minutes: number, seconds = 0): number {
  return (minutes * 60 + seconds) * 1000;
}

/** The three sections every library (demo or synthetic) has. */
export const SECTION_IDS = { movies: 1, tv: 2, music: 3 } as const;

/** Adds the Movies, TV Shows and Music sections, created at `createdAt`. */
export function addStandardSections(
  state: EmulatorState,
  times: { createdAt: number; scannedAt: number },
): void {
  const common = {
    language: 'en-US',
    createdAt: times.createdAt,
    updatedAt: times.scannedAt,
    scannedAt: times.scannedAt,
    contentChangedAt: times.scannedAt,
    hidden: 0,
    refreshing: false,
  } as const;
  const sections: SectionRecord[] = [
    {
      ...common,
      id: SECTION_IDS.movies,
      uuid: '3f6c1a2e-8b4d-4c7a-9e15-2d7b0c9a4f61',
      type: 'movie',
      title: 'Movies',
      agent: 'tv.plex.agents.movie',
      scanner: 'Plex Movie',
      locations: [{ id: 1, path: '/data/media/movies' }],
      prefs: {
        enableCinemaTrailers: '1',
        enableBIFGeneration: '1',
        includeInGlobal: '1',
        collectionMode: '0',
        originalTitles: '0',
        useLocalAssets: '1',
        useExternalExtras: '1',
      },
      trash: new Set(),
    },
    {
      ...common,
      id: SECTION_IDS.tv,
      uuid: '8a2d5e7f-1c3b-4f9e-a6d0-7b4c2e1f9d38',
      type: 'show',
      title: 'TV Shows',
      agent: 'tv.plex.agents.series',
      scanner: 'Plex TV Series',
      locations: [{ id: 2, path: '/data/media/tv' }],
      prefs: {
        episodeSort: '-1',
        flattenSeasons: '-1',
        showOrdering: 'aired',
        enableBIFGeneration: '1',
        includeInGlobal: '1',
        useLocalAssets: '1',
      },
      trash: new Set(),
    },
    {
      ...common,
      id: SECTION_IDS.music,
      uuid: 'c94e0b3a-5d2f-4e81-b7a9-61f3d8c05e24',
      type: 'artist',
      title: 'Music',
      agent: 'tv.plex.agents.music',
      scanner: 'Plex Music',
      locations: [{ id: 3, path: '/data/media/music' }],
      prefs: {
        respectTags: '1',
        augmentWithProviderContent: '1',
        includeInGlobal: '1',
        useLocalAssets: '1',
      },
      trash: new Set(),
    },
  ];
  for (const section of sections) state.sections.set(section.id, section);
}

/**
 * Which sections the owner shares with whom. Shares name sections, so they belong with the
 * library that creates them: home user Alex sees everything, the two friends see part of it.
 */
export function shareStandardSections(state: EmulatorState): void {
  const shares: Record<number, number[]> = { 2: [1, 2, 3], 3: [1, 2], 4: [1, 3] };
  for (const [accountId, sectionIds] of Object.entries(shares)) {
    const account = state.accounts.get(Number(accountId));
    if (account) account.sharedSectionIds = sectionIds;
  }
}

/** Cast tags from `[actor, character]` pairs. */
export function castList(cast: readonly (readonly [string, string])[]): TagRef[] {
  return cast.map(([tag, role]) => ({ tag, role }));
}

/** Builds an item's tag map, leaving out kinds with no tags (PMS omits empty arrays). */
export function tagMap(
  kinds: Partial<Record<TagKind, readonly string[] | TagRef[]>>,
): ItemRecord['tags'] {
  const tags: ItemRecord['tags'] = {};
  for (const [kind, list] of Object.entries(kinds) as [TagKind, readonly string[] | TagRef[]][]) {
    if (list.length === 0) continue;
    tags[kind] = list.map((entry) => (typeof entry === 'string' ? { tag: entry } : { ...entry }));
  }
  return tags;
}

/** FNV-1a, for stable artwork keys and colours that do not depend on insertion order. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A muted colour (dark, low saturation, like most posters' dominant tone) from a hash. */
export function mutedColor(h: number): string {
  const hue = h % 360;
  const saturation = 0.25 + ((h >>> 9) % 30) / 100;
  const lightness = 0.22 + ((h >>> 17) % 25) / 100;
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - c / 2;
  const sectors: [number, number, number][] = [
    [c, x, 0],
    [x, c, 0],
    [0, c, x],
    [0, x, c],
    [x, 0, c],
    [c, 0, x],
  ];
  const [r, g, b] = sectors[Math.floor(hue / 60)] ?? [c, x, 0];
  const hex = (v: number) =>
    Math.round((v + m) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** The `metadata://` folder PMS uses for each artwork slot. */
const ART_FOLDERS: Record<ArtKind, string> = {
  poster: 'posters',
  art: 'art',
  logo: 'clearLogos',
  banner: 'banners',
  theme: 'themes',
};

/**
 * Artwork candidates for one item. Keys follow PMS's own scheme for agent-provided images,
 * `metadata://posters/{provider}_{hash}`; the first candidate of each slot is selected.
 */
export function artworkFor(
  ratingKey: string,
  slots: Partial<Record<ArtKind, readonly string[]>>,
): ItemRecord['artwork'] {
  const artwork: ItemRecord['artwork'] = {};
  for (const [kind, providers] of Object.entries(slots) as [ArtKind, readonly string[]][]) {
    const candidates: ArtworkCandidate[] = providers.map((provider, n) => {
      const h = hash32(`${ratingKey}:${kind}:${n}`);
      const suffix = (h.toString(16) + hash32(provider, h).toString(16)).padStart(16, '0');
      return {
        key: `metadata://${ART_FOLDERS[kind]}/${provider}_${suffix}`,
        provider,
        color: mutedColor(h),
      };
    });
    const first = candidates[0];
    if (first) artwork[kind] = { selected: first.key, candidates };
  }
  return artwork;
}

/** Agents that supply artwork in the demo. */
export const TMDB = 'com.plexapp.agents.themoviedb';
export const TVDB = 'com.plexapp.agents.thetvdb';
export const LASTFM = 'com.plexapp.agents.lastfm';
export const LOCAL = 'local';

/** Video resolutions the demo's files come in. */
export type Resolution = '4k' | '1080' | '720' | '480' | 'sd';

/** One video file of an item, as its builder describes it. */
export interface VideoVersion {
  res: Resolution;
  /** Default h264. */
  codec?: 'h264' | 'hevc';
  /** Default mkv. */
  container?: 'mkv' | 'mp4';
  /** Default aac. */
  audio?: 'aac' | 'ac3' | 'flac';
  /** Default 2. */
  channels?: 1 | 2 | 6;
  /** ISO 639-2 code of the soundtrack, or `null` for a music-only score. Default `eng`. */
  audioLanguage?: string | null;
  /** Embedded subtitle languages (ISO 639-2). */
  subtitles?: readonly string[];
  /** Sidecar `.srt` subtitle languages, served by their own stream key. */
  sidecarSubtitles?: readonly string[];
  /** Embedded forced subtitle languages (foreign dialogue or intertitles only). */
  forcedSubtitles?: readonly string[];
  /** The video carries CEA-608 closed captions (broadcast and DVD sources). */
  closedCaptions?: boolean;
  /** Multi-version file name suffix, e.g. ` - 1080p`. */
  suffix?: string;
}

const LANGUAGES: Record<string, string> = {
  eng: 'English',
  fra: 'French',
  spa: 'Spanish',
  deu: 'German',
};

const FRAME: Record<Resolution, { width: number; height: number; label: string }> = {
  '4k': { width: 3840, height: 2160, label: '4K' },
  '1080': { width: 1920, height: 1080, label: '1080p' },
  '720': { width: 1280, height: 720, label: '720p' },
  '480': { width: 720, height: 480, label: '480p' },
  sd: { width: 640, height: 360, label: 'SD' },
};

/** Video kbps by resolution for h264; HEVC needs about 60 % of that. */
const VIDEO_KBPS: Record<Resolution, number> = {
  '4k': 24_000,
  '1080': 8_000,
  '720': 4_000,
  '480': 1_800,
  sd: 1_000,
};

const AUDIO_KBPS: Record<'aac' | 'ac3' | 'flac' | 'mp3', Record<number, number>> = {
  aac: { 1: 96, 2: 192, 6: 384 },
  ac3: { 1: 192, 2: 224, 6: 640 },
  flac: { 1: 480, 2: 880, 6: 2400 },
  mp3: { 1: 128, 2: 320, 6: 320 },
};

const CHANNEL_NAMES: Record<number, { title: string; layout: string }> = {
  1: { title: 'Mono', layout: 'mono' },
  2: { title: 'Stereo', layout: 'stereo' },
  6: { title: '5.1', layout: '5.1(side)' },
};

const CODEC_LABEL: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC',
  aac: 'AAC',
  ac3: 'AC3',
  flac: 'FLAC',
  mp3: 'MP3',
};

/** Width and height of a frame with the film's aspect ratio at a resolution. */
function frameSize(res: Resolution, aspect: number): { width: number; height: number } {
  const frame = FRAME[res];
  const even = (n: number) => Math.round(n / 2) * 2;
  if (res === '480') return { width: 720, height: aspect > 1.5 ? 400 : 480 };
  return aspect >= frame.width / frame.height
    ? { width: frame.width, height: even(frame.width / aspect) }
    : { width: even(frame.height * aspect), height: frame.height };
}

/** File size in bytes of a stream at `kbps` lasting `durationMs`. */
export function fileSize(kbps: number, durationMs: number): number {
  return Math.round(((kbps * 1000) / 8) * (durationMs / 1000));
}

function audioStream(
  state: EmulatorState,
  codec: 'aac' | 'ac3' | 'flac' | 'mp3',
  channels: number,
  language: string | null,
  index: number,
  music = false,
): StreamRecord {
  const name = language ? (LANGUAGES[language] ?? language) : 'Unknown';
  const layout = CHANNEL_NAMES[channels] ?? { title: `${channels}ch`, layout: `${channels}ch` };
  const description = `${CODEC_LABEL[codec]} ${layout.title}`;
  return {
    id: state.nextId('stream'),
    streamType: 2,
    codec,
    index,
    ...(language ? { language: name, languageCode: language } : {}),
    // PMS titles music streams by codec alone ("FLAC (Stereo)"), video soundtracks by language.
    displayTitle: music ? `${CODEC_LABEL[codec]} (${layout.title})` : `${name} (${description})`,
    selected: true,
    default: true,
    channels,
    samplingRate: codec === 'flac' || codec === 'mp3' ? 44100 : 48000,
    audioChannelLayout: layout.layout,
    bitrate: AUDIO_KBPS[codec][channels] ?? 192,
  };
}

/** A video item's media version, with consistent bitrate, size and streams. */
export function videoMedia(
  state: EmulatorState,
  file: string,
  durationMs: number,
  aspect: number,
  version: VideoVersion,
): MediaRecord {
  const codec = version.codec ?? 'h264';
  const container = version.container ?? 'mkv';
  const audio = version.audio ?? 'aac';
  const channels = version.channels ?? 2;
  const { width, height } = frameSize(version.res, aspect);
  const videoKbps = Math.round(VIDEO_KBPS[version.res] * (codec === 'hevc' ? 0.6 : 1));
  const audioKbps = AUDIO_KBPS[audio][channels] ?? 192;
  const profile = codec === 'hevc' ? 'main 10' : 'high';
  const mediaId = state.nextId('media');
  const partId = state.nextId('part');
  const streams: StreamRecord[] = [
    {
      id: state.nextId('stream'),
      streamType: 1,
      codec,
      index: 0,
      displayTitle: `${FRAME[version.res].label} (${CODEC_LABEL[codec]}${codec === 'hevc' ? ' Main 10' : ''})`,
      default: true,
      bitrate: videoKbps,
      width,
      height,
      frameRate: 23.976,
      profile,
      ...(version.closedCaptions ? { closedCaptions: true } : {}),
    },
    audioStream(
      state,
      audio,
      channels,
      version.audioLanguage === undefined ? 'eng' : version.audioLanguage,
      1,
    ),
  ];
  let index = 2;
  for (const language of version.subtitles ?? []) {
    streams.push({
      id: state.nextId('stream'),
      streamType: 3,
      codec: container === 'mp4' ? 'mov_text' : 'srt',
      index: index++,
      language: LANGUAGES[language] ?? language,
      languageCode: language,
      displayTitle: `${LANGUAGES[language] ?? language} (${container === 'mp4' ? 'MOV_TEXT' : 'SRT'})`,
    });
  }
  for (const language of version.forcedSubtitles ?? []) {
    const name = LANGUAGES[language] ?? language;
    streams.push({
      id: state.nextId('stream'),
      streamType: 3,
      codec: container === 'mp4' ? 'mov_text' : 'srt',
      index: index++,
      language: name,
      languageCode: language,
      forced: true,
      displayTitle: `${name} Forced (${container === 'mp4' ? 'MOV_TEXT' : 'SRT'})`,
    });
  }
  if (version.closedCaptions) {
    // PMS lists the captions inside the video stream as a subtitle stream of their own.
    streams.push({
      id: state.nextId('stream'),
      streamType: 3,
      codec: 'eia_608',
      index: 0,
      language: 'English',
      languageCode: 'eng',
      embeddedInVideo: true,
      displayTitle: 'English (EIA_608 CC)',
    });
  }
  for (const language of version.sidecarSubtitles ?? []) {
    const id = state.nextId('stream');
    streams.push({
      id,
      streamType: 3,
      codec: 'srt',
      language: LANGUAGES[language] ?? language,
      languageCode: language,
      displayTitle: `${LANGUAGES[language] ?? language} (SRT External)`,
      key: `/library/streams/${id}`,
    });
  }
  return {
    id: mediaId,
    duration: durationMs,
    bitrate: videoKbps + audioKbps,
    container,
    videoCodec: codec,
    audioCodec: audio,
    audioChannels: channels,
    width,
    height,
    aspectRatio: Math.round(aspect * 100) / 100,
    videoResolution: version.res,
    videoFrameRate: '24p',
    videoProfile: profile,
    parts: [
      {
        id: partId,
        file,
        size: fileSize(videoKbps + audioKbps, durationMs),
        duration: durationMs,
        container,
        videoProfile: profile,
        streams,
      },
    ],
  };
}

/** An audio-only media version (a track). */
export function audioMedia(
  state: EmulatorState,
  file: string,
  durationMs: number,
  codec: 'flac' | 'mp3',
): MediaRecord {
  const kbps = AUDIO_KBPS[codec][2] ?? 320;
  const mediaId = state.nextId('media');
  const partId = state.nextId('part');
  return {
    id: mediaId,
    duration: durationMs,
    bitrate: kbps,
    container: codec,
    audioCodec: codec,
    audioChannels: 2,
    parts: [
      {
        id: partId,
        file,
        size: fileSize(kbps, durationMs),
        duration: durationMs,
        container: codec,
        streams: [audioStream(state, codec, 2, null, 0, true)],
      },
    ],
  };
}

/** Characters Plex's file naming replaces in folder and file names. */
export function safeName(title: string): string {
  return title.replace(/[:/\\?*"<>|]/g, '');
}
