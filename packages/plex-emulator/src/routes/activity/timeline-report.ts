import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { container } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { timelineTypeOf } from '../../services/playback/sessions.js';
import { ADMIN_TERMINATED, takeTermination } from '../../services/playback/terminations.js';
import {
  applyTimelineReport,
  type ReportedState,
} from '../../services/playback/timeline-reports.js';
import type { ItemRecord } from '../../state/types.js';

const STATES = new Set<string>(['stopped', 'buffering', 'playing', 'paused']);

function reportedItem(ctx: RequestContext): ItemRecord {
  const ratingKey =
    ctx.query.get('ratingKey') ??
    /\/library\/metadata\/(\d+)/.exec(ctx.query.get('key') ?? '')?.[1];
  if (!ratingKey) throw new HttpError(400, 'timeline report without ratingKey or key');
  const item = ctx.state.items.get(ratingKey);
  if (!item || !timelineTypeOf(item)) throw new HttpError(404, `no playable item ${ratingKey}`);
  return item;
}

/**
 * `/:/timeline`: a client reports what it plays (`ratingKey`/`key`, `state`, `time`, ms). PMS
 * keeps the client's session, watch progress and scrobbles in step with these reports, and
 * answers a client whose stream the owner terminated with the termination code and text.
 */
function reportTimeline(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const clientId = ctx.clientIdentifier;
  if (!clientId) throw new HttpError(400, 'X-Plex-Client-Identifier is missing');
  const state = ctx.query.get('state') ?? '';
  if (!STATES.has(state)) throw new HttpError(400, `bad timeline state ${state}`);
  const item = reportedItem(ctx);
  const time = Math.max(0, toInt(ctx.query.get('time') ?? '0', 'time'));
  const terminated = takeTermination(ctx.state, clientId, item.ratingKey);
  if (terminated !== undefined) {
    return container({ size: 0, terminationCode: ADMIN_TERMINATED, terminationText: terminated });
  }
  const playQueueItemId = ctx.query.get('playQueueItemID');
  const { headers } = ctx.request;
  applyTimelineReport(ctx, {
    clientIdentifier: clientId,
    accountId: account.id,
    item,
    state: state as ReportedState,
    time,
    playQueueItemId: playQueueItemId ? toInt(playQueueItemId, 'playQueueItemID') : undefined,
    describeClient: () => ({
      name: headers.get('X-Plex-Device-Name') ?? headers.get('X-Plex-Product') ?? clientId,
      platform: headers.get('X-Plex-Platform') ?? 'Unknown',
    }),
  });
  return container({ size: 0 });
}

/** Playback progress reports from clients. */
export const timelineReportRoutes: Route[] = [
  { method: ['GET', 'POST'], path: '/:/timeline', handler: reportTimeline },
];
