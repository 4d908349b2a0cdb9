import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { container, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { findCollections } from '../../library/collection-list.js';
import { collectionMembers } from '../../library/collection-members.js';
import { canSeeSection } from '../../library/section-access.js';
import { collectionPreferences } from '../../render/collection.js';
import {
  imagePath,
  renderItem,
  sectionArt,
  sectionContainerFields,
} from '../../render/metadata.js';
import { VIEW_MODE } from '../sections/render.js';
import { findCollection } from './shared.js';

/** `GET /library/sections/{sectionId}/collections`: the section's collections, by title, paged. */
function listCollections(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const sectionId = toInt(ctx.params.sectionId, 'section id');
  const section = state.sections.get(sectionId);
  if (!section || !canSeeSection(account, sectionId)) {
    throw new HttpError(404, `no section ${sectionId}`);
  }
  const list = findCollections(state, sectionId, {
    title: query.get('title') ?? undefined,
    sort: query.get('sort'),
  });
  return pagedContainer(
    cutPage(list, ctx.page),
    'Metadata',
    (item) => renderItem(state, item, account.id, 'list'),
    {
      ...sectionContainerFields(state, sectionId),
      ...sectionArt(section),
      content: 'secondary',
      nocache: true,
      title1: section.title,
      title2: 'All Collections',
      viewGroup: 'secondary',
      viewMode: VIEW_MODE,
    },
  );
}

/**
 * `GET /library/collections/{id}[?includePreferences=1]`: the collection in detail form, with
 * its advanced preferences when asked (python-plexapi's `reload()` and `editAdvanced()`).
 */
function getCollection(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const collection = findCollection(ctx);
  const fields = renderItem(ctx.state, collection, account.id, 'detail');
  if (ctx.query.get('includePreferences') === '1') {
    fields.Preferences = collectionPreferences(collection);
  }
  return container(
    { size: 1, ...sectionContainerFields(ctx.state, collection.sectionId), Metadata: [fields] },
    'Metadata',
  );
}

/** `GET /library/collections/{id}/children` (and `/items`): members in display order, paged. */
function listMembers(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const collection = findCollection(ctx);
  const { state } = ctx;
  const section = state.sections.get(collection.sectionId);
  return pagedContainer(
    cutPage(collectionMembers(state, collection), ctx.page),
    'Metadata',
    (item) => renderItem(state, item, account.id, 'list'),
    {
      ...sectionContainerFields(state, collection.sectionId),
      key: collection.ratingKey,
      title1: section?.title,
      title2: collection.title,
      summary: collection.summary ?? '',
      thumb: imagePath(collection, 'thumb'),
      art: imagePath(collection, 'art'),
      viewGroup: collection.subtype,
      nocache: true,
    },
  );
}

/** Reading collections. */
export const collectionReadRoutes: Route[] = [
  { method: 'GET', path: '/library/sections/{sectionId}/collections', handler: listCollections },
  { method: 'GET', path: '/library/collections/{id}', handler: getCollection },
  { method: 'GET', path: '/library/collections/{id}/children', handler: listMembers },
  { method: 'GET', path: '/library/collections/{id}/items', handler: listMembers },
];
