import { HttpError, type RequestContext, requireOwner } from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { notifyItemChanged } from '../../services/events.js';
import type { EmulatorState } from '../../state/store.js';
import { handleCollectionDelete } from '../collections.js';
import { visibleItem } from './shared.js';

/** Whether the server's `allowMediaDeletion` preference is on (prefs may hold it as text). */
export function mediaDeletionAllowed(state: EmulatorState): boolean {
  const value = state.prefs.find((pref) => pref.id === 'allowMediaDeletion')?.value;
  return value === true || value === 1 || value === '1' || value === 'true';
}

/**
 * `DELETE /library/metadata/{id}`: removes the item, everything under it and its files. PMS
 * refuses with its HTML 400 page while "Allow media deletion" is off. Collections hold no
 * files, so deleting one (python-plexapi's `collection.delete()`) is always allowed and is
 * handed to the collection routes, which also untag the members.
 */
function deleteItem(ctx: RequestContext): Response {
  requireOwner(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  if (item.type === 'collection') return handleCollectionDelete(ctx);
  if (!mediaDeletionAllowed(ctx.state)) {
    throw new HttpError(400, 'media deletion is not allowed on this server');
  }
  const removed = ctx.state.removeItem(item.ratingKey);
  for (const gone of removed) notifyItemChanged(ctx.services, gone, 'deleted');
  ctx.services.log(
    'Plex Media Server.log',
    'INFO',
    `Library: deleted metadata item ${item.ratingKey} (${item.title}) and ${removed.length - 1} below it`,
  );
  return emptyOk();
}

/** Item deletion. */
export const deleteRoutes: Route[] = [
  { method: 'DELETE', path: '/library/metadata/{id}', handler: deleteItem },
];
