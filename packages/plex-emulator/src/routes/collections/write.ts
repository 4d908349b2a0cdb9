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
import { addUriToCollection, createCollectionFrom } from '../../library/collection-content.js';
import {
  applyCollectionPrefs,
  deleteCollection,
  moveCollectionMember,
  removeCollectionMember,
} from '../../library/collection-ops.js';
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
  const smart = query.get('smart') === '1' || query.get('smart') === 'true';
  const collection = createCollectionFrom(
    state,
    { sectionId, title, subtype, uri: query.get('uri'), smart, accountId: account.id },
    services.nowSeconds(),
  );
  notifyItemChanged(services, collection, 'created');
  return collectionResponse(ctx, collection);
}

/** `PUT …/items?uri=…`: adds members (present ones are not repeated); smart: replaces the filter. */
function addItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const collection = editableCollection(ctx);
  const { state, services } = ctx;
  addUriToCollection(
    state,
    collection,
    requireQuery(ctx, 'uri'),
    account.id,
    services.nowSeconds(),
  );
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
