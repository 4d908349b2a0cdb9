import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { container, emptyOk, type Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { ActivityRecord } from '../../state/types.js';
import { settleButlerFlags } from './butler.js';

/** An `Activity` element; `Context` only when the activity carries one, as PMS sends it. */
export function renderActivity(activity: ActivityRecord): Fields {
  return {
    uuid: activity.uuid,
    type: activity.type,
    cancellable: activity.cancellable,
    userID: activity.userId,
    title: activity.title,
    subtitle: activity.subtitle,
    progress: activity.progress,
    Context: Object.keys(activity.context).length > 0 ? { ...activity.context } : undefined,
  };
}

/** Admins see every activity; other users only their own (official API). */
function listActivities(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const visible = [...ctx.state.activities.values()].filter(
    (activity) => account.kind === 'owner' || activity.userId === account.id,
  );
  return container({ Activity: visible.map(renderActivity) }, 'Activity');
}

function cancelActivity(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const activity = ctx.state.activities.get(ctx.params.uuid ?? '');
  if (!activity) throw new HttpError(404, `no activity ${ctx.params.uuid}`);
  if (account.kind !== 'owner' && activity.userId !== account.id) {
    throw new HttpError(403, 'only admins cancel other users’ activities');
  }
  if (!activity.cancellable)
    throw new HttpError(400, `activity ${activity.uuid} is not cancellable`);
  ctx.services.activities.cancel(activity.uuid);
  settleButlerFlags(ctx.state);
  return emptyOk();
}

/** `GET /activities` and `DELETE /activities/{uuid}`. */
export const activitiesRoutes: Route[] = [
  { method: 'GET', path: '/activities', handler: listActivities },
  { method: 'DELETE', path: '/activities/{uuid}', handler: cancelActivity },
];
