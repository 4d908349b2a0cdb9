import { hash32 } from '../data/demo/builders.js';
import type { Fields } from '../http/responses.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType, StreamRecord } from '../state/types.js';

/**
 * Fields real PMS derives from an item's facts (its title, scores, files) rather than stores as
 * edits: slugs, UltraBlur colours, rating badges, similar titles, stream colour details. Derived
 * from stable hashes, so the demo answers the same on every run.
 */

/** Types plex.tv gives a slug (its discover URLs): top-level items, not seasons or tracks. */
export const SLUG_TYPES: ReadonlySet<ItemType> = new Set(['movie', 'show', 'artist']);

/** plex.tv's slug for a title: lower case, ASCII, words joined by `-`. */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A 24-hex plex.tv key (the shape of `tagKey` and `plex://` ids), stable for a name. */
export function plexKey(name: string): string {
  return [0, 1, 2]
    .map((n) =>
      hash32(name, n + 1)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
}

/** plex.tv's headshot URL for a person. */
export function headshot(name: string): string {
  return `https://metadata-static.plex.tv/people/${plexKey(`person:${name}`)}.jpg`;
}

/** The four corner colours Plex's UltraBlur backgrounds use (hex without `#`, as PMS sends). */
export function ultraBlurColors(item: ItemRecord): Fields | undefined {
  if (item.type === 'collection') return undefined;
  const corner = (n: number) => {
    const h = hash32(`${item.ratingKey}:ultrablur:${n}`);
    // Dark, low-saturation tones, like the blurred poster corners PMS computes.
    return [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff]
      .map((v) =>
        Math.round(16 + (v / 255) * 80)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
  };
  return {
    topLeft: corner(0),
    topRight: corner(1),
    bottomRight: corner(2),
    bottomLeft: corner(3),
  };
}

/** Detail-only arrays: the critic and audience badges, and up to three similar titles. */
export function detailExtras(state: EmulatorState, item: ItemRecord): Fields {
  const rating: Fields[] = [];
  if (item.rating !== undefined) {
    rating.push({
      image: 'rottentomatoes://image.rating.ripe',
      value: item.rating,
      type: 'critic',
    });
  }
  if (item.audienceRating !== undefined) {
    rating.push({
      image: 'rottentomatoes://image.rating.upright',
      value: item.audienceRating,
      type: 'audience',
    });
  }
  return { Rating: rating.length > 0 ? rating : undefined, Similar: similarTags(state, item) };
}

/** Titles of the same type sharing a genre, as the agent's "similar" tags (filter by id). */
function similarTags(state: EmulatorState, item: ItemRecord): Fields[] | undefined {
  if (item.type !== 'movie' && item.type !== 'show') return undefined;
  const genres = new Set((item.tags.genre ?? []).map((tag) => tag.tag));
  const similar: Fields[] = [];
  for (const other of state.items.values()) {
    if (similar.length === 3) break;
    if (other === item || other.type !== item.type) continue;
    if (!(other.tags.genre ?? []).some((tag) => genres.has(tag.tag))) continue;
    const id = state.tagId('similar', other.title);
    similar.push({ id, filter: `similar=${id}`, tag: other.title });
  }
  return similar.length > 0 ? similar : undefined;
}

/**
 * Colour, HDR and coding details of a stream. Video: a 10-bit HEVC stream is HDR10 with a
 * Dolby Vision profile 8.1 layer (what 4K remuxes carry); anything else is SDR BT.709. Audio
 * and subtitles get their language tag and flags.
 */
export function streamDetails(stream: StreamRecord): Fields {
  if (stream.streamType === 1) {
    const hdr = stream.codec === 'hevc' && (stream.height ?? 0) >= 2160;
    const coded = (n: number | undefined) => (n === undefined ? undefined : Math.ceil(n / 16) * 16);
    return {
      bitDepth: hdr ? 10 : 8,
      chromaLocation: hdr ? 'topleft' : 'left',
      chromaSubsampling: '4:2:0',
      codedWidth: coded(stream.width),
      codedHeight: coded(stream.height),
      colorPrimaries: hdr ? 'bt2020' : 'bt709',
      colorRange: 'tv',
      colorSpace: hdr ? 'bt2020nc' : 'bt709',
      colorTrc: hdr ? 'smpte2084' : 'bt709',
      hasScalingMatrix: false,
      level: stream.codec === 'hevc' ? 153 : 41,
      refFrames: stream.codec === 'hevc' ? 1 : 4,
      scanType: 'progressive',
      streamIdentifier: (stream.index ?? 0) + 1,
      original: true,
      ...(hdr
        ? {
            DOVIBLCompatID: 1,
            DOVIBLPresent: true,
            DOVIELPresent: false,
            DOVILevel: 6,
            DOVIPresent: true,
            DOVIProfile: 8,
            DOVIRPUPresent: true,
            DOVIVersion: '1.0',
          }
        : {}),
    };
  }
  const languageTag =
    stream.languageCode === undefined ? undefined : LANGUAGE_TAGS[stream.languageCode];
  if (stream.streamType === 2) {
    return { languageTag, streamIdentifier: (stream.index ?? 0) + 1, headerCompression: false };
  }
  return {
    languageTag,
    format: stream.key === undefined ? 'pgs' : 'srt',
    hearingImpaired: false,
    dub: false,
    canAutoSync: stream.key !== undefined,
    embeddedInVideo: undefined,
    title: stream.forced ? 'Forced' : undefined,
    closedCaptions: undefined,
  };
}

/** BCP 47 tags for the ISO 639-2 codes the demo uses. */
const LANGUAGE_TAGS: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  spa: 'es',
  ita: 'it',
  jpn: 'ja',
  rus: 'ru',
  swe: 'sv',
};
