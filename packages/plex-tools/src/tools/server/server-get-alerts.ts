import type { PlexNotification } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { boundedArray } from '../../shared/bounded-array.js';

/** Alerts kept per call; later ones are counted in `omitted`. */
const MAX_ALERTS = 200;

const alert = v.object({
  type: v.string(),
  received_at: v.string(),
  summary: v.optional(v.string()),
  data: v.unknown(),
});

type Alert = v.InferOutput<typeof alert>;

/** A one-line reading of the notifications people ask about most. */
function summaryOf(notification: PlexNotification): string | undefined {
  switch (notification.type) {
    case 'activity': {
      const { event, Activity } = notification.data;
      const progress = Activity.progress === undefined ? '' : ` (${Activity.progress}%)`;
      return `${Activity.title || Activity.type} ${event}${progress}`;
    }
    case 'timeline': {
      const { title, itemID, metadataState, state } = notification.data;
      const what = title ?? (itemID === undefined ? 'item' : `item ${itemID}`);
      return `${what}: ${metadataState ?? `state ${state ?? '?'}`}`;
    }
    case 'playing': {
      const { sessionKey, state, ratingKey } = notification.data;
      return `session ${sessionKey} ${state}${ratingKey === undefined ? '' : ` item ${ratingKey}`}`;
    }
    case 'status':
      return notification.data.title ?? notification.data.description;
    case 'progress':
      return notification.data.message;
    case 'preference':
      return `${notification.data.id} = ${String(notification.data.value)}`;
    default:
      return undefined;
  }
}

function toAlert(notification: PlexNotification): Alert {
  return {
    type: notification.type === 'other' ? notification.event : notification.type,
    received_at: new Date().toISOString(),
    summary: summaryOf(notification),
    data: notification.data,
  };
}

/** Listens to the server's notifications for the window, reporting progress each second. */
async function listen(
  ctx: ToolContext,
  seconds: number,
  filters: string[] | undefined,
): Promise<{
  alerts: Alert[];
  received: number;
  counts: Record<string, number>;
  stopped: 'timeout' | 'cancelled' | 'closed';
}> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (ctx.signal.aborted) stop();
  ctx.signal.addEventListener('abort', stop, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, seconds * 1000);
  const alerts: Alert[] = [];
  const counts: Record<string, number> = {};
  let received = 0;
  let elapsed = 0;
  const ticker = setInterval(() => {
    elapsed = Math.min(elapsed + 1, seconds);
    ctx.progress({
      progress: elapsed,
      total: seconds,
      message: `Listening: ${received} notification${received === 1 ? '' : 's'} so far`,
    });
  }, 1000);
  try {
    const stream = ctx.plex.notifications.stream({
      ...(filters ? { filters } : {}),
      signal: controller.signal,
    });
    for await (const notification of stream) {
      received++;
      const one = toAlert(notification);
      counts[one.type] = (counts[one.type] ?? 0) + 1;
      if (alerts.length < MAX_ALERTS) alerts.push(one);
    }
  } finally {
    clearTimeout(timer);
    clearInterval(ticker);
    ctx.signal.removeEventListener('abort', stop);
    stop();
  }
  const stopped = ctx.signal.aborted ? 'cancelled' : timedOut ? 'timeout' : 'closed';
  return { alerts, received, counts, stopped };
}

/** server_get_alerts: the notifications the server sends during a short window. */
export const serverGetAlerts = defineTool({
  name: 'server_get_alerts',
  module: 'server',
  access: 'read',
  title: 'Get server alerts',
  description: 'Live server notifications (scans, playback) for a few seconds.',
  input: v.object({
    timeout_seconds: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(60),
        v.description('Seconds to listen'),
      ),
      5,
    ),
    types: v.optional(
      v.pipe(
        boundedArray(v.pipe(v.string(), v.trim(), v.nonEmpty())),
        v.minLength(1),
        v.description('Only these, e.g. activity, timeline'),
      ),
    ),
  }),
  output: v.object({
    alerts: v.array(alert),
    total: v.number(),
    omitted: v.number(),
    counts: v.record(v.string(), v.number()),
    listened_seconds: v.number(),
    stopped: v.picklist(['timeout', 'cancelled', 'closed']),
  }),
  async run(ctx, input) {
    const started = Date.now();
    const { alerts, received, counts, stopped } = await listen(
      ctx,
      input.timeout_seconds,
      input.types,
    );
    return {
      alerts,
      total: received,
      omitted: received - alerts.length,
      counts,
      listened_seconds: Math.round((Date.now() - started) / 100) / 10,
      stopped,
    };
  },
});
