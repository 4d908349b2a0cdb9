import * as v from 'valibot';
import { PlexError } from '../errors/plex-error.js';
import { redactUrl } from '../http/redact.js';
import type { Transport } from '../http/transport.js';
import {
  type KnownNotificationType,
  NOTIFICATION_SCHEMAS,
  type PlexNotification,
} from '../schemas/notifications.js';
import { sleep, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';
import { readServerSentEvents, type SseEvent } from './sse.js';

const PATH = '/:/eventsource/notifications';

/**
 * Which notification types to receive, in PMS's `filters` syntax: names to receive only those
 * (`['playing', 'timeline']`), or `-name` entries to receive all but those (`['-log']`, PMS's
 * default when no filter is given).
 */
export type NotificationFilters = readonly (KnownNotificationType | (string & {}))[];

/** Options of `notifications.stream()`. */
export interface NotificationStreamOptions extends CallOptions {
  filters?: NotificationFilters;
}

/** Options of `notifications.subscribe()`. */
export interface NotificationSubscribeOptions extends NotificationStreamOptions {
  /** First wait before reconnecting; doubles up to 30 s while the server stays away. Default 1000. */
  reconnectDelayMs?: number;
}

/** An event-stream URL that carries the token, and the same URL safe to show. */
export interface TokenUrl {
  /** Contains the token (SECRET): hand it only to the program that opens the stream. */
  url: string;
  /** The same URL with the token replaced by `REDACTED`, for logs and messages. */
  redacted: string;
}

const MAX_RECONNECT_DELAY_MS = 30_000;

/** Errors after which reconnecting cannot help: the request itself is refused. */
const FINAL_CODES = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']);

/** The `notifications` namespace of a Plex client. */
export interface NotificationsApi {
  /**
   * One connection's notifications as an async iterable, typed by kind; `ping` keep-alives are
   * skipped. Ends when the server closes the stream or the signal aborts (no error then); a
   * failed connection throws its `PlexError`. Use `subscribe()` to reconnect.
   */
  stream(options?: NotificationStreamOptions): AsyncGenerator<PlexNotification, void, undefined>;
  /**
   * Like `stream()`, but reconnects when the connection drops or the server is away for a
   * while (waiting 1 s, then doubling up to 30 s). Ends only when the signal aborts, or with
   * the error when the server refuses the request itself (401, 403, 404, 400). Notifications
   * sent while disconnected are lost: PMS does not replay them.
   */
  subscribe(
    options?: NotificationSubscribeOptions,
  ): AsyncGenerator<PlexNotification, void, undefined>;
  /**
   * The stream's URL for a program that cannot send headers (a browser `EventSource`, a proxy
   * or another process): the token must ride in the query as `X-Plex-Token` there, which is
   * the one place Plex accepts it for event streams. Show only `redacted`.
   */
  eventSourceUrl(options?: { filters?: NotificationFilters }): TokenUrl;
}

/**
 * Server notifications from `/:/eventsource/notifications` (Server-Sent Events), read with
 * streaming `fetch` through the client's transport, so the token stays in a header.
 */
export function notificationsApi(transport: Transport): NotificationsApi {
  const api = {
    /**
     * One connection's notifications as an async iterable, typed by kind; `ping` keep-alives are
     * skipped. Ends when the server closes the stream or the signal aborts (no error then); a
     * failed connection throws its `PlexError`. Use `subscribe()` to reconnect.
     */
    async *stream(
      options: NotificationStreamOptions = {},
    ): AsyncGenerator<PlexNotification, void, undefined> {
      const { signal } = options;
      let response: Response;
      try {
        response = await transport.raw({
          path: PATH,
          query: filterQuery(options.filters),
          headers: { Accept: 'text/event-stream' },
          stream: true,
          ...withSignal(options),
        });
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
      const body = response.body;
      if (!body) return;
      try {
        for await (const event of readServerSentEvents(chunksUntilAborted(body, signal))) {
          if (event.event === 'ping') continue;
          yield toNotification(event);
        }
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
    },

    /**
     * Like `stream()`, but reconnects when the connection drops or the server is away for a
     * while (waiting 1 s, then doubling up to 30 s). Ends only when the signal aborts, or with
     * the error when the server refuses the request itself (401, 403, 404, 400). Notifications
     * sent while disconnected are lost: PMS does not replay them.
     */
    async *subscribe(
      options: NotificationSubscribeOptions = {},
    ): AsyncGenerator<PlexNotification, void, undefined> {
      const { signal } = options;
      const base = options.reconnectDelayMs ?? 1000;
      let delay = base;
      while (!signal?.aborted) {
        try {
          for await (const notification of api.stream(options)) {
            delay = base;
            yield notification;
          }
        } catch (error) {
          if (error instanceof PlexError && FINAL_CODES.has(error.code)) throw error;
        }
        if (signal?.aborted) return;
        try {
          await sleep(delay, signal);
        } catch {
          return;
        }
        delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
      }
    },

    /**
     * The stream's URL for a program that cannot send headers (a browser `EventSource`, a proxy
     * or another process): the token must ride in the query as `X-Plex-Token` there, which is
     * the one place Plex accepts it for event streams. Show only `redacted`.
     */
    eventSourceUrl(options: { filters?: NotificationFilters } = {}): TokenUrl {
      const url = transport.authenticatedUrl(PATH, filterQuery(options.filters));
      return { url: url.toString(), redacted: redactUrl(url) };
    },
  };
  return api;
}

function filterQuery(filters: NotificationFilters | undefined): { filters?: string } {
  return filters === undefined ? {} : { filters: filters.join(',') };
}

/** A typed notification from one event; anything unexpected becomes `other`. */
function toNotification(event: SseEvent): PlexNotification {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return { type: 'other', event: event.event, data: event.data };
  }
  const known = (
    NOTIFICATION_SCHEMAS as Record<string, (typeof NOTIFICATION_SCHEMAS)[KnownNotificationType]>
  )[event.event];
  if (known && typeof data === 'object' && data !== null) {
    // Single object on SSE; tolerate the WebSocket feed's one-element array as well.
    let payload = (data as Record<string, unknown>)[known.element];
    if (Array.isArray(payload) && payload.length === 1) payload = payload[0];
    const parsed = v.safeParse(known.schema, payload);
    if (parsed.success) return { type: event.event, data: parsed.output } as PlexNotification;
  }
  return { type: 'other', event: event.event, data };
}

/**
 * The body's chunks until it ends or `signal` aborts. The abort cancels the body itself: a custom
 * `fetch` that does not tie its body to the request's signal must not keep a listener waiting
 * for a chunk that never comes.
 */
async function* chunksUntilAborted(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
}
