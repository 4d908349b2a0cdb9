import { hash32 } from '../data/demo/builders.js';
import type { Fields } from '../http/responses.js';
import type { ItemRecord, StreamRecord } from '../state/types.js';

/**
 * What PMS's media analysis reports about a stream beyond its codec: colour and HDR for video,
 * loudness for music, language tags and flags for subtitles. Derived from the stream's facts
 * and id, so every request answers the same.
 */
export function streamDetails(stream: StreamRecord, item?: ItemRecord): Fields {
  if (stream.streamType === 1) return videoDetails(stream);
  const languageTag =
    stream.languageCode === undefined ? undefined : LANGUAGE_TAGS[stream.languageCode];
  if (stream.streamType === 2) {
    return {
      languageTag,
      streamIdentifier: (stream.index ?? 0) + 1,
      headerCompression: false,
      ...(item?.type === 'track' ? loudness(stream, item) : {}),
    };
  }
  return {
    languageTag,
    format: stream.codec,
    hearingImpaired: stream.codec === 'eia_608',
    dub: false,
    canAutoSync: stream.key !== undefined,
    // Closed captions ride inside the video stream (PMS sends "1" as a string here).
    embeddedInVideo: stream.embeddedInVideo ? '1' : undefined,
    // The track name a muxer gives forced subtitles; players show it beside the language.
    title: stream.forced ? 'Forced' : undefined,
  };
}

/**
 * Video: a 10-bit HEVC 4K stream is HDR10 with a Dolby Vision profile 8.1 layer (what 4K remuxes
 * carry); anything else is SDR BT.709.
 */
function videoDetails(stream: StreamRecord): Fields {
  const hdr = stream.codec === 'hevc' && (stream.height ?? 0) >= 2160;
  const coded = (n: number | undefined) => (n === undefined ? undefined : Math.ceil(n / 16) * 16);
  return {
    bitDepth: hdr ? 10 : 8,
    chromaLocation: hdr ? 'topleft' : 'left',
    chromaSubsampling: '4:2:0',
    closedCaptions: stream.closedCaptions,
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

/**
 * The loudness analysis PMS runs on music (ReplayGain-style): track and album gain in dB, peaks
 * as a linear fraction, loudness in LUFS and loudness range in LU, all sent as strings with two
 * decimals. The album figures are the album's, so every track of it repeats them.
 */
function loudness(stream: StreamRecord, track: ItemRecord): Fields {
  const pick = (seed: string, min: number, hundredths: number) =>
    (min + (hash32(seed) % hundredths) / 100).toFixed(2);
  const album = `album:${track.parentRatingKey ?? track.ratingKey}`;
  return {
    gain: pick(`${stream.id}:gain`, -4, 1000),
    albumGain: pick(`${album}:gain`, -3, 800),
    peak: pick(`${stream.id}:peak`, 0.5, 49),
    albumPeak: pick(`${album}:peak`, 0.8, 19),
    loudness: pick(`${stream.id}:loudness`, -28, 1200),
    albumRange: pick(`${album}:range`, 4, 800),
    lra: pick(`${stream.id}:lra`, 3, 900),
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
