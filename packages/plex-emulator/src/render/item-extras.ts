import { hash32 } from '../data/demo/builders.js';
import type { Fields } from '../http/responses.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { chaptersOf, hasChapters, markersOf } from './playback-marks.js';

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

/** What a detail request asked PMS to add (`includeChapters=1`, `includeMarkers=1`, …). */
export interface DetailIncludes {
  chapters?: boolean;
  markers?: boolean;
  extras?: boolean;
}

/**
 * Fields every view carries that follow from an item's place and files: hero images, chapter
 * source, skip hints for single-season shows, music analysis and popularity.
 */
export function derivedFields(
  item: ItemRecord,
  parent: ItemRecord | undefined,
  grandparent: ItemRecord | undefined,
): Fields {
  return {
    hero: HERO_TYPES.has(item.type) ? heroPath(item) : undefined,
    parentHero: item.type === 'season' && parent ? heroPath(parent) : undefined,
    grandparentHero: item.type === 'episode' && grandparent ? heroPath(grandparent) : undefined,
    chapterSource: hasChapters(item) ? 'media' : undefined,
    // A show with one season opens straight on its episodes (PMS's "hide seasons").
    skipChildren: item.type === 'show' && item.childKeys.length === 1 ? true : undefined,
    skipParent: item.type === 'episode' && grandparent?.childKeys.length === 1 ? true : undefined,
    // Sonic analysis has run on the music (version 1), and plex.tv counts a track's listeners.
    musicAnalysisVersion: item.type === 'track' || item.type === 'album' ? '1' : undefined,
    ratingCount:
      item.type === 'track' ? 500 + (hash32(`${item.title}:listeners`) % 250_000) : undefined,
  };
}

/** Types plex.tv has hero art for (the wide banner its apps show above an item). */
const HERO_TYPES: ReadonlySet<ItemType> = new Set(['movie', 'show']);

function heroPath(item: ItemRecord): string {
  return `/library/metadata/${item.ratingKey}/hero/${item.updatedAt}`;
}

/**
 * Detail-only fields: the critic and audience badges, up to three similar titles, the item's
 * own `id`, and chapters, markers and extras when the request asked for them.
 */
export function detailExtras(
  state: EmulatorState,
  item: ItemRecord,
  includes: DetailIncludes = {},
): Fields {
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
  return {
    // An item's own page repeats its ratingKey as a string `id` (older clients key on it).
    id: item.ratingKey,
    absoluteIndex: item.type === 'episode' ? absoluteIndex(state, item) : undefined,
    Rating: rating.length > 0 ? rating : undefined,
    Similar: similarTags(state, item),
    Chapter: includes.chapters ? chaptersOf(item) : undefined,
    Marker: includes.markers ? markersOf(item) : undefined,
    // The demo has no trailers or featurettes: PMS then answers an empty `Extras` element.
    Extras: includes.extras && item.type !== 'collection' ? { size: 0 } : undefined,
  };
}

/** An episode's number counted across the show's seasons, as shows in absolute order use it. */
function absoluteIndex(state: EmulatorState, episode: ItemRecord): number | undefined {
  const show = episode.grandparentRatingKey
    ? state.items.get(episode.grandparentRatingKey)
    : undefined;
  if (!show) return undefined;
  const position = state.leavesOf(show).indexOf(episode);
  return position < 0 ? undefined : position + 1;
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
