import { hash32 } from '../data/demo/builders.js';
import type { Fields } from '../http/responses.js';
import type { ItemRecord } from '../state/types.js';

/**
 * Chapters and markers: what PMS reads from a video file's chapter table and finds by its intro
 * and credits detection. The emulator has no files to read, so both are derived from the item's
 * duration and ratingKey: the same on every request and every run.
 */

/** About how long a chapter runs. */
const CHAPTER_MINUTES = 10;

/** Videos whose file carries a chapter table (PMS then sends `chapterSource: 'media'`). */
export function hasChapters(item: ItemRecord): boolean {
  return (
    (item.type === 'movie' || item.type === 'episode') &&
    item.media.length > 0 &&
    (item.duration ?? 0) >= 2 * CHAPTER_MINUTES * 60_000
  );
}

/**
 * One chapter every ten minutes or so, on whole seconds, numbered from 1 as PMS does; chapter
 * images live under the media item (`/library/media/{id}/chapterImages/{n}`).
 */
export function chaptersOf(item: ItemRecord): Fields[] | undefined {
  const media = item.media[0];
  const duration = item.duration ?? 0;
  if (!hasChapters(item) || media === undefined) return undefined;
  const count = Math.min(12, Math.round(duration / (CHAPTER_MINUTES * 60_000)));
  const bounds = Array.from({ length: count + 1 }, (_, n) =>
    n === count ? duration : Math.round((duration * n) / count / 1000) * 1000,
  );
  return bounds.slice(0, -1).map((start, n) => ({
    id: media.id * 100 + n + 1,
    filter: `thumb=${media.id * 100 + n + 1}`,
    index: n + 1,
    startTimeOffset: start,
    endTimeOffset: bounds[n + 1],
    thumb: `/library/media/${media.id}/chapterImages/${n + 1}`,
  }));
}

/** The version of PMS's intro and credits detection that found a marker. */
const DETECTION_VERSION = 5;

/**
 * Intro and credits markers: episodes get an intro in their first minutes and closing credits;
 * films only credits. The credits marker that runs to the end is `final`, which players use to
 * offer the next episode.
 */
export function markersOf(item: ItemRecord): Fields[] | undefined {
  if (item.type !== 'movie' && item.type !== 'episode') return undefined;
  const duration = item.duration ?? 0;
  if (item.media.length === 0 || duration < 5 * 60_000) return undefined;
  const base = Number(item.ratingKey) * 10;
  const seconds = (salt: string, min: number, span: number) =>
    (min + (hash32(`${item.ratingKey}:${salt}`) % span)) * 1000;
  const marker = (n: number, type: string, start: number, end: number, final?: boolean) => ({
    id: base + n,
    type,
    startTimeOffset: start,
    endTimeOffset: end,
    ...(final ? { final: true } : {}),
    Attributes: { id: base + n, version: DETECTION_VERSION },
  });
  const creditsLength = seconds('credits', item.type === 'movie' ? 90 : 30, 60);
  const credits = marker(2, 'credits', duration - creditsLength, duration, true);
  if (item.type === 'movie') return [credits];
  const introStart = seconds('intro-start', 0, 90);
  return [marker(1, 'intro', introStart, introStart + seconds('intro', 30, 30)), credits];
}
