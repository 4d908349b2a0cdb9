import { type RequestContext, requireOwner } from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { notifyItemChanged } from '../../services/events.js';
import { requireSection } from './access.js';

/**
 * `PUT /library/sections/{id}/emptyTrash`: deletes the section's trashed items for good (with
 * their seasons, episodes or tracks), announcing each deletion as a timeline entry.
 */
function emptyTrash(ctx: RequestContext): Response {
  requireOwner(ctx);
  const section = requireSection(ctx);
  const { state, services } = ctx;
  const trashed = [...section.trash];
  section.trash.clear();
  let removed = 0;
  for (const ratingKey of trashed) {
    for (const item of state.removeItem(ratingKey)) {
      notifyItemChanged(services, item, 'deleted');
      removed++;
    }
  }
  if (removed > 0) section.contentChangedAt++;
  services.log(
    'Plex Media Server.log',
    'INFO',
    `Emptied trash of section ${section.id}: ${removed} item(s) removed`,
  );
  return emptyOk();
}

/** Runs a server-wide maintenance job as an activity and answers at once, as `async=1` does. */
function maintenance(type: string, title: string) {
  return (ctx: RequestContext): Response => {
    const owner = requireOwner(ctx);
    ctx.services.activities.start({ type, title, userId: owner.id });
    ctx.services.log('Plex Media Server.log', 'INFO', `${title} started`);
    return emptyOk();
  };
}

/** Trash, database optimisation and bundle cleaning. */
export const sectionMaintenanceRoutes: Route[] = [
  { method: 'PUT', path: '/library/sections/{id}/emptyTrash', handler: emptyTrash },
  {
    method: 'PUT',
    path: '/library/optimize',
    handler: maintenance('database.optimize', 'Optimizing database'),
  },
  {
    method: 'PUT',
    path: '/library/clean/bundles',
    handler: maintenance('library.clean.bundles', 'Cleaning bundles'),
  },
];
