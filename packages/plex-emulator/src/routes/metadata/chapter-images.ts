import { hash32 } from '../../data/demo/builders.js';
import type { Rgb } from '../../formats/png.js';
import { HttpError, type RequestContext, toInt } from '../../http/context.js';
import { pngResponse } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { chaptersOf } from '../../render/playback-marks.js';
import type { ItemRecord } from '../../state/types.js';
import { visibleItem } from './shared.js';

/** PMS grabs chapter frames at 320 pixels wide, in the picture's 16:9 box. */
const FRAME = { width: 320, height: 180 } as const;

/** The item whose first media version has this id (chapter images hang off the media item). */
function itemWithMedia(ctx: RequestContext, mediaId: number): ItemRecord | undefined {
  for (const item of ctx.state.items.values()) {
    if (item.media[0]?.id === mediaId) return item;
  }
  return undefined;
}

/**
 * `GET /library/media/{id}/chapterImages/{n}`: the frame PMS grabbed for chapter `n`, the URL
 * every `Chapter` element's `thumb` names. No file to grab from here: a dark gradient derived
 * from the media id and chapter, the same on every request.
 */
function chapterImage(ctx: RequestContext): Response {
  const mediaId = toInt(ctx.params.id, 'media id');
  const index = toInt(ctx.params.index, 'chapter index');
  const owner = itemWithMedia(ctx, mediaId);
  // Sections not shared with the caller hide their media as they hide their items.
  const item = owner ? visibleItem(ctx, owner.ratingKey) : undefined;
  if (!item || !chaptersOf(item)?.some((chapter) => chapter.index === index)) {
    throw new HttpError(404, `no chapter ${index} on media ${mediaId}`);
  }
  const tone = (salt: string): Rgb => {
    const h = hash32(`${mediaId}:${index}:${salt}`);
    return [16 + (h & 0x3f), 16 + ((h >>> 8) & 0x3f), 16 + ((h >>> 16) & 0x3f)];
  };
  return pngResponse(FRAME.width, FRAME.height, {
    kind: 'gradient',
    from: tone('from'),
    to: tone('to'),
    direction: 'vertical',
  });
}

/** Chapter frames. */
export const chapterImageRoutes: Route[] = [
  { method: 'GET', path: '/library/media/{id}/chapterImages/{index}', handler: chapterImage },
];
