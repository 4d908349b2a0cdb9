import { MAX_PNG_SIDE, type PngFill } from '../../formats/png.js';
import { HttpError, type RequestContext } from '../../http/context.js';
import { pngResponse } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { ArtKind, ArtworkCandidate, ItemRecord } from '../../state/types.js';
import { PLAYLIST_IMAGE_SIDE, playlistFill } from '../playlists/composite.js';
import { callerPlaylist } from '../playlists/shared.js';
import {
  ART_SLOTS,
  candidateColor,
  findCandidate,
  selectedCandidate,
  slotState,
} from './artwork-slots.js';
import { visibleItem } from './shared.js';

/** An image size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Image path segments → the artwork slot they show (`thumb` is the poster; `composite`, which
 * collections and playlists link, shows it too).
 */
const IMAGE_ELEMENTS: Record<string, ArtKind> = {
  thumb: 'poster',
  poster: 'poster',
  composite: 'poster',
  art: 'art',
  // plex.tv's hero image is the wide background, served from the art slot.
  hero: 'art',
  clearLogo: 'logo',
  banner: 'banner',
};

const MUSIC_TYPES: ReadonlySet<ItemRecord['type']> = new Set(['artist', 'album', 'track']);

/**
 * The size the emulator's "original" image has: 2:3 posters (square covers for music, 16:9
 * stills for episodes, which PMS takes from the video), 16:9 backgrounds, wide logos and banners.
 */
export function nativeSize(item: ItemRecord, kind: ArtKind): Size {
  if (kind === 'art') return { width: 1280, height: 720 };
  if (kind === 'logo') return { width: 800, height: 310 };
  if (kind === 'banner') return { width: 1000, height: 185 };
  if (MUSIC_TYPES.has(item.type)) return { width: 600, height: 600 };
  if (item.type === 'episode') return { width: 640, height: 360 };
  return { width: 600, height: 900 };
}

/**
 * The output size of `/photo/:/transcode`, following PMS's rule: the image keeps its aspect
 * ratio and is scaled to fit inside `width`×`height` (`minSize=0`, the default) or to cover it,
 * overflowing one side (`minSize=1`); without `upscale=1` it never grows past its native size.
 * So a request with the image's own aspect ratio gets exactly the size asked for. The image is
 * shrunk (keeping its aspect ratio) until neither side exceeds {@link MAX_PNG_SIDE}.
 */
export function transcodeSize(native: Size, box: Size, minSize: boolean, upscale: boolean): Size {
  const fit = Math.min(box.width / native.width, box.height / native.height);
  const cover = Math.max(box.width / native.width, box.height / native.height);
  let scale = minSize ? cover : fit;
  if (!upscale) scale = Math.min(scale, 1);
  // The cap shrinks the whole image, so even a capped answer keeps the aspect ratio.
  scale = Math.min(scale, MAX_PNG_SIDE / native.width, MAX_PNG_SIDE / native.height);
  const side = (value: number) => Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(value * scale)));
  return { width: side(native.width), height: side(native.height) };
}

/** What an image URL of this server shows: its native size and how it is painted. */
interface ImageSource {
  size: Size;
  fill: PngFill;
}

/** An item's slot image or one of its candidates, at the slot's native size. */
function itemSource(item: ItemRecord, kind: ArtKind, candidate: ArtworkCandidate): ImageSource {
  return {
    size: nativeSize(item, kind),
    fill: { kind: 'solid', color: candidateColor(candidate) },
  };
}

/** Paints a source at its native size, or at `size` (a transcode). */
function respond(source: ImageSource, size: Size = source.size): Response {
  return pngResponse(size.width, size.height, source.fill);
}

/**
 * `GET /library/metadata/{id}/thumb/{updatedAt}` (and `/art`, `/clearLogo`, `/banner`, with or
 * without the timestamp): the selected image of the slot. Like PMS, any timestamp answers with
 * the current image; the timestamp only busts client caches.
 */
function getSlotImage(element: string) {
  return (ctx: RequestContext): Response => respond(slotSource(ctx, ctx.params.id, element));
}

/** `GET /library/metadata/{id}/file?url={ratingKey}`: one candidate, as the lists link it. */
function getCandidateImage(ctx: RequestContext): Response {
  const url = ctx.query.get('url');
  if (!url) throw new HttpError(400, 'url is required');
  return respond(candidateSource(ctx, ctx.params.id, url));
}

/**
 * `GET /photo/:/transcode?url=…&width=W&height=H&minSize=&upscale=`: resizes one of this
 * server's images (see {@link transcodeSize}). PMS answers JPEG unless `format=png`; the
 * emulator always paints PNG and says so in `Content-Type`. Sources outside the library (other
 * hosts, unknown paths) are 404, missing or bad sizes 400.
 */
function transcode(ctx: RequestContext): Response {
  const url = ctx.query.get('url');
  const width = readSide(ctx.query.get('width'), 'width');
  const height = readSide(ctx.query.get('height'), 'height');
  if (!url) throw new HttpError(400, 'url is required');
  const source = resolveUrl(ctx, url);
  const size = transcodeSize(
    source.size,
    { width, height },
    ctx.query.get('minSize') === '1',
    ctx.query.get('upscale') === '1',
  );
  return respond(source, size);
}

function readSide(raw: string | null, name: string): number {
  const value = Number(raw);
  if (raw === null || raw === '' || !Number.isFinite(value) || value < 1) {
    throw new HttpError(400, `${name} must be a positive number`);
  }
  return Math.min(MAX_PNG_SIDE, Math.round(value));
}

/** Finds what a transcode `url` points at: `/library/metadata/{id}/{element}[/{ts}]` or `/file`. */
function resolveUrl(ctx: RequestContext, url: string): ImageSource {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://pms.invalid');
  } catch {
    throw new HttpError(400, `bad url ${url}`);
  }
  const match = /^\/library\/metadata\/([^/]+)\/([A-Za-z]+)(?:\/\d+)?\/?$/.exec(parsed.pathname);
  if (!match?.[1] || !match[2]) throw new HttpError(404, `no image at ${parsed.pathname}`);
  if (match[2] === 'file') {
    const candidate = parsed.searchParams.get('url');
    if (!candidate) throw new HttpError(404, 'no candidate named');
    return candidateSource(ctx, match[1], candidate);
  }
  return slotSource(ctx, match[1], match[2]);
}

function slotSource(ctx: RequestContext, id: string | undefined, element: string): ImageSource {
  const kind = IMAGE_ELEMENTS[element];
  if (!kind) throw new HttpError(404, `no image element ${element}`);
  const playlist = kind === 'poster' ? callerPlaylist(ctx, id) : undefined;
  if (playlist) {
    const side = PLAYLIST_IMAGE_SIDE;
    return { size: { width: side, height: side }, fill: playlistFill(playlist) };
  }
  const item = visibleItem(ctx, id);
  const candidate = selectedCandidate(ctx.state, item, kind);
  if (!candidate) throw new HttpError(404, `item ${item.ratingKey} has no ${kind}`);
  return itemSource(item, kind, candidate);
}

function candidateSource(ctx: RequestContext, id: string | undefined, url: string): ImageSource {
  const item = visibleItem(ctx, id);
  for (const slot of ART_SLOTS) {
    const current = slotState(ctx.state, item, slot.kind);
    const candidate = current ? findCandidate(item, current, url) : undefined;
    if (candidate) return itemSource(item, slot.kind, candidate);
  }
  throw new HttpError(404, `item ${item.ratingKey} has no image ${url}`);
}

/** Item images and the photo transcoder. */
export const imageRoutes: Route[] = [
  ...Object.keys(IMAGE_ELEMENTS).flatMap((element): Route[] => [
    { method: 'GET', path: `/library/metadata/{id}/${element}`, handler: getSlotImage(element) },
    {
      method: 'GET',
      path: `/library/metadata/{id}/${element}/{ts}`,
      handler: getSlotImage(element),
    },
  ]),
  { method: 'GET', path: '/library/metadata/{id}/file', handler: getCandidateImage },
  { method: 'GET', path: '/photo/:/transcode', handler: transcode },
];
