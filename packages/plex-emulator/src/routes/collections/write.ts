import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
  requireQuery,
  toInt,
} from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import {
  addCollectionMembers,
  applyCollectionPrefs,
  createCollection,
  deleteCollection,
  moveCollectionMember,
  removeCollectionMember,
  setSmartContent,
} from '../../library/collection-ops.js';
import { itemsOfContent, readContentUri, smartContentUri } from '../../library/content.js';
import { itemTypeOf } from '../../library/hierarchy.js';
import { canSeeSection } from '../../library/section-access.js';
import { notifyItemChanged } from '../../services/events.js';
import type { ItemType } from '../../state/types.js';
import { collectionResponse, editableCollection } from './shared.js';

/**
 * `POST /library/collections?uri=…&type=1&title=…&smart=0&sectionId=1`. Without `uri` the
 * collection starts empty (Kometa creates blank ones); smart ones need a section filter uri.
 */
function create(ctx: RequestContext): Response {
  const account = requireOwner(ctx);
  const { state, query, services } = ctx;
  const sectionId = toInt(query.get('sectionId') ?? query.get('sectionID'), 'sectionId');
  if (!state.sections.has(sectionId) || !canSeeSection(account, sectionId)) {
    throw new HttpError(400, `no section ${sectionId}`);
  }
  const title = requireQuery(ctx, 'title');
  const typeParam = query.get('type');
  let subtype: ItemType | undefined;
  if (typeParam !== null && typeParam !== '') {
    subtype = itemTypeOf(toInt(typeParam, 'type'));
    if (!subtype || subtype === 'collection') throw new HttpError(400, `bad type ${typeParam}`);
  }
  const uri = query.get('uri');
  const smart = query.get('smart') === '1' || query.get('smart') === 'true';
  const now = services.nowSeconds();

  if (smart) {
    const path = uri ? readContentUri(state, uri) : undefined;
    if (path?.kind !== 'section') throw new HttpError(400, 'smart collections need a filter uri');
    const content = smartContentUri(state, path.sectionId, path.query, 'path');
    const filterType = itemTypeOf(Number(path.query.get('type')));
    const type = subtype ?? filterType ?? state.sections.get(sectionId)?.type;
    if (!content || !type) throw new HttpError(400, 'bad smart collection filter');
    const collection = createCollection(
      state,
      { sectionId, title, subtype: type, smartContent: content },
      now,
    );
    notifyItemChanged(services, collection, 'created');
    return collectionResponse(ctx, collection);
  }

  const members = uri ? itemsOfContent(state, readContentUri(state, uri), account.id) : [];
  const type = subtype ?? members[0]?.type;
  if (!type) throw new HttpError(400, 'collection type unknown: pass type or uri');
  const collection = createCollection(state, { sectionId, title, subtype: type, members }, now);
  notifyItemChanged(services, collection, 'created');
  return collectionResponse(ctx, collection);
}

/** `PUT …/items?uri=…`: adds members (present ones are not repeated); smart: replaces the filter. */
function addItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const collection = editableCollection(ctx);
  const { state, services } = ctx;
  const path = readContentUri(state, requireQuery(ctx, 'uri'));
  const now = services.nowSeconds();
  if (collection.smart) {
    const content =
      path.kind === 'section'
        ? smartContentUri(state, path.sectionId, path.query, 'path')
        : undefined;
    if (!content) throw new HttpError(400, 'smart collections take a filter uri');
    setSmartContent(state, collection, content, now);
  } else {
    addCollectionMembers(state, collection, itemsOfContent(state, path, account.id), now);
  }
  notifyItemChanged(services, collection, 'done');
  return collectionResponse(ctx, collection);
}

/** `DELETE …/items/{itemId}`: removes one member and its tag; 400 when it is not a member. */
function removeItem(ctx: RequestContext): Response {
  const collection = editableCollection(ctx);
  if (collection.smart) throw new HttpError(400, 'smart collections have no manual members');
  const itemId = ctx.params.itemId ?? '';
  if (!removeCollectionMember(ctx.state, collection, itemId, ctx.services.nowSeconds())) {
    throw new HttpError(400, `item ${itemId} is not in collection ${collection.ratingKey}`);
  }
  notifyItemChanged(ctx.services, collection, 'done');
  return collectionResponse(ctx, collection);
}

/** `PUT …/items/{itemId}/move?after=…`: reorders for the custom sort (collectionSort=2). */
function moveItem(ctx: RequestContext): Response {
  const collection = editableCollection(ctx);
  if (collection.smart) throw new HttpError(400, 'smart collections have no manual order');
  const itemId = ctx.params.itemId ?? '';
  const after = ctx.query.get('after') || undefined;
  const result = moveCollectionMember(
    ctx.state,
    collection,
    itemId,
    after,
    ctx.services.nowSeconds(),
  );
  if (result !== 'ok') throw new HttpError(400, `cannot move ${itemId} after ${after}`);
  notifyItemChanged(ctx.services, collection, 'done');
  return collectionResponse(ctx, collection);
}

/**
 * `DELETE /library/collections/{id}`: deletes it and untags its members. Exported so that the
 * metadata routes can hand `DELETE /library/metadata/{id}` on a collection to it.
 */
export function handleCollectionDelete(ctx: RequestContext): Response {
  const collection = editableCollection(ctx);
  if (ctx.params.sectionId !== undefined && Number(ctx.params.sectionId) !== collection.sectionId) {
    throw new HttpError(404, `collection ${collection.ratingKey} is not in that section`);
  }
  deleteCollection(ctx.state, collection.ratingKey, ctx.services.nowSeconds());
  notifyItemChanged(ctx.services, collection, 'deleted');
  return emptyOk();
}

/**
 * `PUT /library/collections/{id}/prefs?collectionMode=…&collectionSort=…`. Exported so that the
 * metadata routes can hand `PUT /library/metadata/{id}/prefs` on a collection (python-plexapi's
 * `editAdvanced`) to it.
 */
export function handleCollectionPrefs(ctx: RequestContext): Response {
  const collection = editableCollection(ctx);
  if (applyCollectionPrefs(ctx.state, collection, ctx.query, ctx.services.nowSeconds())) {
    notifyItemChanged(ctx.services, collection, 'done');
  }
  return emptyOk();
}

/**
 * Writing collections. Each member route is also served under `/library/metadata/{id}/…`,
 * because python-plexapi builds these paths from the collection's `key` (`/library/metadata/{id}`).
 */
export const collectionWriteRoutes: Route[] = [
  { method: 'POST', path: '/library/collections', handler: create },
  { method: 'PUT', path: '/library/collections/{id}/items', handler: addItems },
  { method: 'PUT', path: '/library/metadata/{id}/items', handler: addItems },
  // The official spec documents PUT for removal; python-plexapi sends DELETE.
  {
    method: ['DELETE', 'PUT'],
    path: '/library/collections/{id}/items/{itemId}',
    handler: removeItem,
  },
  { method: 'DELETE', path: '/library/metadata/{id}/items/{itemId}', handler: removeItem },
  // Maintainerr's form.
  { method: 'DELETE', path: '/library/collections/{id}/children/{itemId}', handler: removeItem },
  { method: 'PUT', path: '/library/collections/{id}/items/{itemId}/move', handler: moveItem },
  { method: 'PUT', path: '/library/metadata/{id}/items/{itemId}/move', handler: moveItem },
  { method: 'DELETE', path: '/library/collections/{id}', handler: handleCollectionDelete },
  {
    method: 'DELETE',
    path: '/library/sections/{sectionId}/collection/{id}',
    handler: handleCollectionDelete,
  },
  { method: 'PUT', path: '/library/collections/{id}/prefs', handler: handleCollectionPrefs },
];
