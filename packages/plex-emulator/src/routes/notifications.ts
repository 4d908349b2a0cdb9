import type { RequestContext } from '../http/context.js';
import type { Route } from '../http/router.js';
import type { PlexNotification } from '../services/notifications.js';

/** How often the stream sends a `ping` event so proxies and clients keep it open. */
const PING_INTERVAL_MS = 10_000;

/** Which notification types a stream wants, from PMS's `filters` syntax. */
export function parseNotificationFilter(raw: string | null): (type: string) => boolean {
  // PMS default: everything except log events.
  if (raw === null) return (type) => type !== 'log';
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return () => true;
  const excluded = new Set(parts.filter((p) => p.startsWith('-')).map((p) => p.slice(1)));
  const included = new Set(parts.filter((p) => !p.startsWith('-')));
  if (excluded.size > 0) return (type) => !excluded.has(type);
  return (type) => included.has(type);
}

/**
 * Server-sent events for one notification. Unlike the WebSocket feed, PMS's SSE feed sends one
 * event per entry, named by the notification type, whose data is `{<Element>: {entry}}` with no
 * NotificationContainer around it.
 */
function sseEvents(notification: PlexNotification): string {
  return notification.entries
    .map(
      (entry) =>
        `event: ${notification.type}\ndata: ${JSON.stringify({ [notification.element]: entry })}\n\n`,
    )
    .join('');
}

function eventStream(ctx: RequestContext): Response {
  const wants = parseNotificationFilter(ctx.query.get('filters') ?? ctx.query.get('filter'));
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send('event: ping\ndata: {}\n\n');
      const unsubscribe = ctx.services.hub.subscribe((notification) => {
        if (wants(notification.type)) send(sseEvents(notification));
      });
      const ping = setInterval(() => send('event: ping\ndata: {}\n\n'), PING_INTERVAL_MS);
      ping.unref();
      cleanup = () => {
        unsubscribe();
        clearInterval(ping);
      };
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      // A client that gave up before the stream started would otherwise never be let go.
      if (ctx.request.signal.aborted) end();
      else ctx.request.signal.addEventListener('abort', end, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    },
  });
}

/** `/:/eventsource/notifications`: server notifications as Server-Sent Events. */
export const notificationRoutes: Route[] = [
  { method: 'GET', path: '/:/eventsource/notifications', handler: eventStream },
];
