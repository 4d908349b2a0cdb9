import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { type Fields, listContainer, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { isParent, leavesUnder, orderedChildren } from '../../library/children.js';
import { canSeeSection } from '../../library/section-access.js';
import { collectionPreferences } from '../../render/collection.js';
import { imagePath, itemPageFields, renderItem } from '../../render/metadata.js';
import type { ItemRecord } from '../../state/types.js';
import { libraryFields, visibleItem } from './shared.js';

/** PMS's view modes for lists of seasons (and other parents) and of leaves. */
const VIEW_MODE = { parents: 65593, leaves: 65592 } as const;

/** What the children of each parent type are called in `viewGroup`. */
const CHILD_GROUP: Partial<Record<ItemRecord['type'], string>> = {
  show: 'season',
  season: 'episode',
  artist: 'album',
  album: 'track',
};

/**
 * `GET /library/metadata/{ids}`: detail views of a comma list of items in the order asked.
 * Unknown ids are dropped; when none is left PMS answers 404. `includePreferences=1` adds a
 * collection's `Preferences` (python-plexapi's mode and sort updates read them from the item's
 * key); `includeChapters`, `includeMarkers` and `includeExtras` add those elements. Other flags
 * real clients send (`includeGuids`, `checkFiles`, …) change nothing here: detail views always
 * carry guids and streams.
 */
function getItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const ids = [...new Set((ctx.params.ids ?? '').split(',').map((id) => id.trim()))];
  const items: ItemRecord[] = [];
  for (const id of ids) {
    const item = ctx.state.items.get(id);
    if (item && canSeeSection(account, item.sectionId)) items.push(item);
  }
  if (items.length === 0) throw new HttpError(404, `no metadata item ${ctx.params.ids ?? ''}`);
  const withPreferences = ctx.query.get('includePreferences') === '1';
  const includes = {
    chapters: ctx.query.get('includeChapters') === '1',
    markers: ctx.query.get('includeMarkers') === '1',
    extras: ctx.query.get('includeExtras') === '1',
  };
  return listContainer(
    ctx.page,
    {
      ...libraryFields(
        ctx.state,
        items.map((item) => item.sectionId),
      ),
      ...(items.length === 1 ? itemPageFields(ctx.state, items[0]!) : {}),
      Metadata: items.map((item) => {
        const fields = renderItem(ctx.state, item, account.id, 'detail', { includes });
        if (withPreferences && item.type === 'collection') {
          fields.Preferences = collectionPreferences(item);
        }
        return fields;
      }),
    },
    'Metadata',
  );
}

/**
 * `GET /library/metadata/{id}/children`: seasons, episodes, albums, tracks or collection
 * members, paged, under a container describing the parent as PMS hoists it.
 */
function getChildren(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  const children = isParent(item) ? orderedChildren(ctx.state, item) : [];
  const page = cutPage(children, ctx.page);
  const fields: Fields = {
    ...libraryFields(ctx.state, [item.sectionId]),
    ...parentFields(ctx, item),
    // A show's children list carries the show's theme music on the container.
    ...(item.type === 'show' ? { theme: imagePath(item, 'theme') } : {}),
  };
  // The "All episodes" shortcut PMS lists before the seasons of a multi-season show.
  const allEpisodes =
    item.type === 'show' &&
    children.length > 1 &&
    page.offset === 0 &&
    ctx.query.get('excludeAllLeaves') !== '1';
  if (allEpisodes) {
    const leaves = leavesUnder(ctx.state, item);
    fields.Directory = [
      {
        leafCount: leaves.length,
        thumb: imagePath(item, 'thumb'),
        viewedLeafCount: leaves.filter(
          (leaf) => ctx.state.watchState(account.id, leaf.ratingKey).viewCount > 0,
        ).length,
        key: `/library/metadata/${item.ratingKey}/allLeaves`,
        title: 'All episodes',
      },
    ];
    fields.size = page.items.length + 1;
  }
  return pagedContainer(
    page,
    'Metadata',
    (child) => renderItem(ctx.state, child, account.id),
    fields,
  );
}

/** `GET /library/metadata/{id}/allLeaves`: every episode of a show or track of an artist, paged. */
function getAllLeaves(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  const leaves = isParent(item) ? leavesUnder(ctx.state, item) : [];
  const page = cutPage(leaves, ctx.page);
  const group = item.type === 'artist' || item.type === 'album' ? 'track' : 'episode';
  return pagedContainer(page, 'Metadata', (leaf) => renderItem(ctx.state, leaf, account.id), {
    ...libraryFields(ctx.state, [item.sectionId]),
    key: item.ratingKey,
    mixedParents: true,
    nocache: true,
    parentIndex: item.index,
    parentTitle: item.title,
    parentYear: item.year,
    summary: item.summary ?? '',
    thumb: imagePath(item, 'thumb'),
    art: imagePath(item, 'art'),
    title1: ctx.state.sections.get(item.sectionId)?.title,
    title2: item.title,
    viewGroup: group,
    viewMode: VIEW_MODE.leaves,
  });
}

/** The attributes PMS puts on a `/children` container to describe the parent. */
function parentFields(ctx: RequestContext, item: ItemRecord): Fields {
  const sectionTitle = ctx.state.sections.get(item.sectionId)?.title;
  const parent = item.parentRatingKey ? ctx.state.items.get(item.parentRatingKey) : undefined;
  const common: Fields = {
    key: item.ratingKey,
    nocache: true,
    summary: item.summary ?? '',
    thumb: imagePath(item, 'thumb'),
    art: imagePath(parent ?? item, 'art'),
    viewGroup: CHILD_GROUP[item.type] ?? item.subtype ?? item.type,
    viewMode: item.type === 'show' || item.type === 'artist' ? VIEW_MODE.parents : VIEW_MODE.leaves,
  };
  if (item.type === 'season' || item.type === 'album') {
    // A season's or album's children name the show or artist as their family.
    return {
      ...common,
      parentIndex: item.index,
      parentTitle: parent?.title,
      parentYear: item.type === 'album' ? item.year : parent?.year,
      grandparentRatingKey: parent?.ratingKey,
      grandparentTitle: parent?.title,
      grandparentThumb: parent ? imagePath(parent, 'thumb') : undefined,
      grandparentContentRating: parent?.contentRating,
      grandparentStudio: parent?.studio,
      title1: parent?.title,
      title2: item.title,
    };
  }
  return {
    ...common,
    parentIndex: item.type === 'show' ? (item.index ?? 1) : item.index,
    parentTitle: item.title,
    parentYear: item.year,
    title1: sectionTitle,
    title2: item.title,
  };
}

/** Item reads: one or many items, children and leaves. */
export const itemRoutes: Route[] = [
  { method: 'GET', path: '/library/metadata/{id}/children', handler: getChildren },
  { method: 'GET', path: '/library/metadata/{id}/allLeaves', handler: getAllLeaves },
  { method: 'GET', path: '/library/metadata/{ids}', handler: getItems },
];
