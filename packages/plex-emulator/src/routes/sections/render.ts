import { type RequestContext, requireAccount } from '../../http/context.js';
import { cutPage, type Page } from '../../http/paging.js';
import { type Fields, pagedContainer } from '../../http/responses.js';
import { itemsFor } from '../../library/index.js';
import { renderItem, sectionArt, sectionContainerFields } from '../../render/metadata.js';
import type { ItemRecord, SectionRecord } from '../../state/types.js';

/** `viewMode` PMS sends on list containers; clients ignore it but it is always there. */
export const VIEW_MODE = 65592;

export { sectionArt } from '../../render/metadata.js';

/** The container attributes of the secondary directories of a section (sub-keys, tag lists). */
export function secondaryFields(
  ctx: RequestContext,
  section: SectionRecord,
  title2?: string,
): Fields {
  const shared = sectionContainerFields(ctx.state, section.id);
  return {
    allowSync: false,
    ...sectionArt(section),
    content: 'secondary',
    identifier: shared.identifier,
    mediaTagPrefix: shared.mediaTagPrefix,
    mediaTagVersion: shared.mediaTagVersion,
    nocache: true,
    title1: section.title,
    title2,
    viewGroup: 'secondary',
    viewMode: VIEW_MODE,
  };
}

/**
 * Renders list items of one section for the caller. The container carries the section, so the
 * items leave `librarySectionID`/`Title` out, as PMS does; with `includeGuids=1` (python-plexapi
 * always sends it) the external ids ride along.
 */
export function listRenderer(ctx: RequestContext): (item: ItemRecord) => Fields {
  const accountId = requireAccount(ctx).id;
  const options = { sectionHoisted: true, guids: ctx.query.get('includeGuids') === '1' };
  return (item) => renderItem(ctx.state, item, accountId, 'list', options);
}

/** A source of ordered ratingKeys that can also be counted without ordering. */
export interface KeySource {
  /** The number of matches; called instead of `keys` for `X-Plex-Container-Size=0`. */
  count(): number;
  /** The matches in order (shared, not copied). */
  keys(): readonly string[];
}

/**
 * A paged `Metadata` container from ordered keys: only the page is resolved and rendered, and a
 * size-0 request (a count) never orders anything.
 */
export function metadataPage(
  ctx: RequestContext,
  source: KeySource,
  fields: Fields,
  render: (item: ItemRecord) => Fields = listRenderer(ctx),
): Response {
  let page: Page<ItemRecord>;
  if (ctx.page.size === 0) {
    const count = source.count();
    const total = ctx.page.limit === undefined ? count : Math.min(ctx.page.limit, count);
    page = { items: [], offset: Math.min(ctx.page.start, total), totalSize: total };
  } else {
    const keys = cutPage(source.keys(), ctx.page);
    page = { ...keys, items: itemsFor(ctx.state, keys.items) };
  }
  return pagedContainer(page, 'Metadata', render, fields);
}

/** A paged `Metadata` container from items already in order (On Deck). */
export function itemPage(
  ctx: RequestContext,
  items: readonly ItemRecord[],
  fields: Fields,
): Response {
  return pagedContainer(cutPage(items, ctx.page), 'Metadata', listRenderer(ctx), fields);
}

/** Renders an item for a list that mixes sections: the section facts ride on each item. */
export function mixedRenderer(ctx: RequestContext): (item: ItemRecord) => Fields {
  const accountId = requireAccount(ctx).id;
  const options = { guids: ctx.query.get('includeGuids') === '1' };
  return (item) => {
    const section = ctx.state.sections.get(item.sectionId);
    return {
      allowSync: true,
      librarySectionUUID: section?.uuid,
      ...renderItem(ctx.state, item, accountId, 'list', options),
    };
  };
}
