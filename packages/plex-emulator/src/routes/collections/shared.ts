import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
} from '../../http/context.js';
import { container } from '../../http/responses.js';
import { canSeeSection } from '../../library/section-access.js';
import { renderItem, sectionContainerFields } from '../../render/metadata.js';
import type { ItemRecord } from '../../state/types.js';

/** The collection named by the `{id}` path parameter, or 404 (also for unshared sections). */
export function findCollection(ctx: RequestContext): ItemRecord {
  const account = requireAccount(ctx);
  const item = ctx.state.items.get(ctx.params.id ?? ctx.params.ids ?? '');
  if (item?.type !== 'collection' || !canSeeSection(account, item.sectionId)) {
    throw new HttpError(404, `no collection ${ctx.params.id}`);
  }
  return item;
}

/** The collection for a write: library edits are the server admin's, others get 403. */
export function editableCollection(ctx: RequestContext): ItemRecord {
  const collection = findCollection(ctx);
  requireOwner(ctx);
  return collection;
}

/** The one-collection MediaContainer PMS answers to collection writes. */
export function collectionResponse(ctx: RequestContext, collection: ItemRecord): Response {
  const account = requireAccount(ctx);
  return container(
    {
      size: 1,
      ...sectionContainerFields(ctx.state, collection.sectionId),
      Metadata: [renderItem(ctx.state, collection, account.id, 'list')],
    },
    'Metadata',
  );
}
