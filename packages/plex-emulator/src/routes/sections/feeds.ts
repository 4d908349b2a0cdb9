import { type RequestContext, requireAccount } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { type Fields, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { itemsFor, onDeck, parseItemType, recentlyAdded } from '../../library/index.js';
import { sectionContainerFields } from '../../render/metadata.js';
import type { ItemRecord } from '../../state/types.js';
import { requireSection, visibleSections } from './access.js';
import { itemPage, mixedRenderer, sectionArt, VIEW_MODE } from './render.js';

/** Container attributes of lists that mix sections: no section facts, `mixedParents`. */
function mixedFields(ctx: RequestContext): Fields {
  // Every section shares the server-wide identifier and media tag attributes.
  const { identifier, mediaTagPrefix, mediaTagVersion } = sectionContainerFields(
    ctx.state,
    [...ctx.state.sections.keys()][0] ?? 0,
  );
  return { allowSync: false, identifier, mediaTagPrefix, mediaTagVersion, mixedParents: true };
}

/** `GET /library/sections/{id}/onDeck`: the caller's in-progress and next-up items here. */
function sectionOnDeck(ctx: RequestContext): Response {
  const section = requireSection(ctx);
  const items = onDeck(ctx.state, [section], requireAccount(ctx).id, ctx.services.nowSeconds());
  return itemPage(ctx, items, {
    ...sectionContainerFields(ctx.state, section.id),
    ...sectionArt(section),
    nocache: true,
    title1: section.title,
    title2: 'On Deck',
    viewGroup: section.type === 'show' ? 'episode' : section.type,
    viewMode: VIEW_MODE,
    mixedParents: true,
  });
}

/** `GET /library/onDeck`: On Deck across every section the caller may see. */
function globalOnDeck(ctx: RequestContext): Response {
  const items = onDeck(
    ctx.state,
    visibleSections(ctx),
    requireAccount(ctx).id,
    ctx.services.nowSeconds(),
  );
  return pagedContainer(cutPage(items, ctx.page), 'Metadata', mixedRenderer(ctx), mixedFields(ctx));
}

/**
 * `GET /library/recentlyAdded`: newest items across the caller's sections (movies, episodes,
 * albums), optionally one `type` or one `sectionID`. Only the requested page is merged out of
 * the per-section orders.
 */
function globalRecentlyAdded(ctx: RequestContext): Response {
  const type = parseItemType(ctx.query.get('type'));
  const sectionId = ctx.query.get('sectionID');
  const sections = visibleSections(ctx).filter(
    (section) => !sectionId || String(section.id) === sectionId,
  );
  const { start, size, limit } = ctx.page;
  const wanted = size === undefined ? undefined : start + size;
  const count = limit === undefined ? wanted : Math.min(limit, wanted ?? limit);
  const feed = recentlyAdded(ctx.state, sections, requireAccount(ctx).id, {
    ...(type ? { type } : {}),
    ...(count === undefined ? {} : { count }),
  });
  const total = limit === undefined ? feed.total : Math.min(limit, feed.total);
  const offset = Math.min(start, total);
  const end = size === undefined ? total : Math.min(total, offset + size);
  const items: ItemRecord[] = itemsFor(ctx.state, feed.keys.slice(offset, end));
  return pagedContainer(
    { items, offset, totalSize: total },
    'Metadata',
    mixedRenderer(ctx),
    mixedFields(ctx),
  );
}

/** On Deck and recently added, per section and across sections. */
export const sectionFeedRoutes: Route[] = [
  { method: 'GET', path: '/library/sections/{id}/onDeck', handler: sectionOnDeck },
  { method: 'GET', path: '/library/onDeck', handler: globalOnDeck },
  { method: 'GET', path: '/library/recentlyAdded', handler: globalRecentlyAdded },
];
