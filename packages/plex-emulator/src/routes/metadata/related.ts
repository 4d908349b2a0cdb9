import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { listContainer, omitEmpty, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { orderedChildren } from '../../library/children.js';
import { itemPageFields, renderItem } from '../../render/metadata.js';
import type { EmulatorState } from '../../state/store.js';
import { type ItemRecord, type TagKind, TYPE_NUMBER } from '../../state/types.js';
import { libraryFields, visibleItem } from './shared.js';

/** PMS's default for `/similar` (`count` may ask for fewer). */
const SIMILAR_DEFAULT = 200;

/** Items per related hub when the client sends no `count`. */
const HUB_DEFAULT = 20;

/** The title PMS gives the "similar" hub. */
const SIMILAR_TITLE = 'More Like This';

/**
 * Items of the same type in the same section that share at least one genre with `item`, best
 * overlap first, then the better audience (or critics') rating, then title.
 */
export function similarItems(state: EmulatorState, item: ItemRecord): ItemRecord[] {
  const genres = new Set((item.tags.genre ?? []).map((tag) => tag.tag.toLowerCase()));
  if (genres.size === 0) return [];
  const scored: { other: ItemRecord; overlap: number }[] = [];
  for (const key of state.keysOf(item.sectionId, item.type)) {
    if (key === item.ratingKey) continue;
    const other = state.items.get(key);
    if (!other) continue;
    const overlap = (other.tags.genre ?? []).filter((tag) =>
      genres.has(tag.tag.toLowerCase()),
    ).length;
    if (overlap > 0) scored.push({ other, overlap });
  }
  const score = (entry: ItemRecord) => entry.audienceRating ?? entry.rating ?? 0;
  scored.sort(
    (a, b) =>
      b.overlap - a.overlap ||
      score(b.other) - score(a.other) ||
      a.other.title.localeCompare(b.other.title),
  );
  return scored.map((entry) => entry.other);
}

/** `GET /library/metadata/{id}/similar?count=N`: similar items, paged like any list. */
function getSimilar(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  const count = readCount(ctx, SIMILAR_DEFAULT);
  const page = cutPage(similarItems(ctx.state, item).slice(0, count), ctx.page);
  return pagedContainer(page, 'Metadata', (other) => renderItem(ctx.state, other, account.id), {
    ...libraryFields(ctx.state, [item.sectionId]),
    ...itemPageFields(ctx.state, item),
  });
}

/** `GET /library/metadata/{id}/related` and `/hubs/metadata/{id}/related`: related-item hubs. */
function getRelated(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  const count = readCount(ctx, HUB_DEFAULT);
  const hubs = relatedHubs(ctx.state, item).map((spec) => {
    const shown = spec.items.slice(0, count);
    return omitEmpty({
      hubKey: `/library/metadata/${shown.map((other) => other.ratingKey).join(',')}`,
      key: spec.key,
      title: spec.title,
      type: item.type,
      hubIdentifier: spec.identifier,
      context: `hub.${spec.context}`,
      size: shown.length,
      totalSize: spec.items.length,
      more: spec.items.length > shown.length,
      style: 'shelf',
      Metadata: shown.map((other) => renderItem(ctx.state, other, account.id)),
    });
  });
  return listContainer(
    ctx.page,
    { ...libraryFields(ctx.state, [item.sectionId]), Hub: hubs },
    'Hub',
  );
}

/** The hubs endpoint answers 400, not 404, for an unknown or hidden item ([O]). */
function getHubsRelated(ctx: RequestContext): Response {
  try {
    return getRelated(ctx);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw new HttpError(400, error.message);
    throw error;
  }
}

/** A related hub before it is cut to `count` items. */
export interface HubSpec {
  identifier: string;
  context: string;
  title: string;
  key: string;
  items: ItemRecord[];
}

/**
 * The hubs PMS shows under an item: similar items, more by its first director and its lead
 * actor, and the other members of each collection it belongs to. Empty hubs are left out.
 */
export function relatedHubs(state: EmulatorState, item: ItemRecord): HubSpec[] {
  const hubs: HubSpec[] = [
    {
      identifier: `${item.type}.similar`,
      context: `${item.type}.similar`,
      title: SIMILAR_TITLE,
      key: `/library/metadata/${item.ratingKey}/similar`,
      items: similarItems(state, item),
    },
  ];
  const people: [TagKind, string, string][] = [
    ['director', 'director', 'More Directed by'],
    ['role', 'actor', 'More Starring'],
  ];
  for (const [kind, filter, title] of people) {
    const name = item.tags[kind]?.[0]?.tag;
    if (name === undefined) continue;
    hubs.push({
      identifier: `${item.type}.by.actor.or.director`,
      context: `${item.type}.by.actor.or.director`,
      title: `${title} ${name}`,
      key: `/library/sections/${item.sectionId}/all?type=${TYPE_NUMBER[item.type]}&${filter}=${state.tagId(kind, name)}`,
      items: sharingTag(state, item, kind, name),
    });
  }
  for (const key of state.keysOf(item.sectionId, 'collection')) {
    const collection = state.items.get(key);
    if (!collection?.childKeys.includes(item.ratingKey)) continue;
    hubs.push({
      identifier: `${item.type}.collection.${collection.ratingKey}`,
      context: `${item.type}.collection`,
      title: `More in ${collection.title}`,
      key: `/library/collections/${collection.ratingKey}/children`,
      items: orderedChildren(state, collection).filter((other) => other !== item),
    });
  }
  return hubs.filter((hub) => hub.items.length > 0);
}

/** Other items of the same type and section carrying a tag, newest first. */
function sharingTag(
  state: EmulatorState,
  item: ItemRecord,
  kind: TagKind,
  name: string,
): ItemRecord[] {
  const wanted = name.toLowerCase();
  const found: ItemRecord[] = [];
  for (const key of state.keysOf(item.sectionId, item.type)) {
    const other = state.items.get(key);
    if (!other || other === item) continue;
    if (other.tags[kind]?.some((tag) => tag.tag.toLowerCase() === wanted)) found.push(other);
  }
  return found.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

function readCount(ctx: RequestContext, fallback: number): number {
  const raw = ctx.query.get('count');
  if (raw === null || raw === '') return fallback;
  const count = toInt(raw, 'count');
  if (count < 0) throw new HttpError(400, 'count must not be negative');
  return count;
}

/** Related and similar items. */
export const relatedRoutes: Route[] = [
  { method: 'GET', path: '/library/metadata/{id}/similar', handler: getSimilar },
  { method: 'GET', path: '/library/metadata/{id}/related', handler: getRelated },
  { method: 'GET', path: '/hubs/metadata/{id}/related', handler: getHubsRelated },
];
