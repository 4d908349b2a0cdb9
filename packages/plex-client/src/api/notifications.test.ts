import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlexClient } from '../client.js';
import type { PlexNotification } from '../schemas/notifications.js';
import { emulatorClient } from '../testing/emulator-client.js';

const PLEX = 'http://plex.test:32400';
/** msw reads `/:/` as a path parameter; a RegExp matches the path literally. */
const EVENTS = /^http:\/\/plex\.test:32400\/:\/eventsource\/notifications/;
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

/** Reads notifications until `count` arrived, then aborts the stream. */
async function take(
  stream: (signal: AbortSignal) => AsyncIterable<PlexNotification>,
  count: number,
  whileOpen: () => Promise<void>,
): Promise<PlexNotification[]> {
  const controller = new AbortController();
  const seen: PlexNotification[] = [];
  const reading = (async () => {
    for await (const notification of stream(controller.signal)) {
      seen.push(notification);
      if (seen.length >= count) controller.abort();
    }
  })();
  await whileOpen();
  const timer = setTimeout(() => controller.abort(), 2000);
  await reading;
  clearTimeout(timer);
  return seen;
}

/** Waits until the emulator has a stream subscriber (the request reached it). */
async function subscribed(emulator: { notifications: { subscriberCount: number } }) {
  for (let i = 0; i < 200 && emulator.notifications.subscriberCount === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('notifications.stream', () => {
  it('yields typed notifications from the event stream, skipping pings, until aborted', async () => {
    const { client, emulator, sent } = emulatorClient({ library: 'empty' });
    const seen = await take(
      (signal) => client.notifications.stream({ filters: ['preference'], signal }),
      1,
      async () => {
        await subscribed(emulator);
        await client.server.setPrefs({ FriendlyName: 'Attic' });
      },
    );
    const request = sent[0];
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/:/eventsource/notifications');
    expect(url.searchParams.get('filters')).toBe('preference');
    expect(url.searchParams.has('X-Plex-Token')).toBe(false);
    expect(request?.headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(request?.headers.get('Accept')).toBe('text/event-stream');

    expect(seen).toHaveLength(1);
    const [first] = seen;
    expect(first?.type).toBe('preference');
    if (first?.type !== 'preference') throw new Error('unreachable');
    expect(first.data).toMatchObject({ id: 'FriendlyName', value: 'Attic', type: 'text' });
    // Over a socket the server learns of the abort when the connection closes, a moment later.
    await vi.waitFor(() => expect(emulator.notifications.subscriberCount).toBe(0));
  });

  it('parses playing and timeline notifications', async () => {
    const { client, emulator } = emulatorClient();
    const [session] = await client.sessions.active();
    const seen = await take(
      (signal) => client.notifications.stream({ filters: ['playing', 'timeline'], signal }),
      2,
      async () => {
        await subscribed(emulator);
        await client.sessions.terminate(session?.Session?.id ?? '', { reason: 'maintenance' });
        const [playlist] = (await client.playlists.list()).items;
        await client.playlists.edit(playlist?.ratingKey ?? '', { title: 'Renamed' });
      },
    );
    const playing = seen.find((n) => n.type === 'playing');
    if (playing?.type !== 'playing') throw new Error('no playing notification');
    expect(playing.data).toMatchObject({
      sessionKey: session?.sessionKey,
      ratingKey: session?.ratingKey,
      state: 'stopped',
    });
    expect(typeof playing.data.viewOffset).toBe('number');
    const timeline = seen.find((n) => n.type === 'timeline');
    if (timeline?.type !== 'timeline') throw new Error('no timeline notification');
    expect(timeline.data).toMatchObject({ type: 15, state: 5, title: 'Renamed' });
  });

  it('hands unknown events and odd payloads through as `other`', async () => {
    const body = [
      'event: ping\ndata: {}\n\n',
      'event: transcodeSession.update\ndata: {"TranscodeSession":{"key":"abc"}}\n\n',
      'event: playing\ndata: {"PlaySessionStateNotification":{"sessionKey":"1"}}\n\n',
      'event: progress\ndata: not json\n\n',
      'event: reachability\ndata: {"ReachabilityNotification":[{"reachability":true}]}\n\n',
    ].join('');
    msw.use(
      http.get(EVENTS, () =>
        HttpResponse.text(body, { headers: { 'Content-Type': 'text/event-stream' } }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    const seen: PlexNotification[] = [];
    for await (const notification of client.notifications.stream()) seen.push(notification);
    expect(seen).toEqual([
      {
        type: 'other',
        event: 'transcodeSession.update',
        data: { TranscodeSession: { key: 'abc' } },
      },
      // `state` is missing: kept, but untyped.
      {
        type: 'other',
        event: 'playing',
        data: { PlaySessionStateNotification: { sessionKey: '1' } },
      },
      { type: 'other', event: 'progress', data: 'not json' },
      { type: 'reachability', data: { reachability: true } },
    ]);
  });

  it('keeps an open stream past the request timeout (it bounds only the wait for headers)', async () => {
    msw.use(
      http.get(EVENTS, () => {
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode('event: ping\ndata: {}\n\n'));
            setTimeout(() => {
              controller.enqueue(
                encoder.encode(
                  'event: progress\ndata: {"ProgressNotification":{"message":"late"}}\n\n',
                ),
              );
              controller.close();
            }, 300);
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }),
    );
    const client = createPlexClient({
      baseUrl: PLEX,
      token: 'tok-1234',
      retry: false,
      timeoutMs: 100,
    });
    const seen: PlexNotification[] = [];
    for await (const notification of client.notifications.stream()) seen.push(notification);
    expect(seen).toEqual([{ type: 'progress', data: { message: 'late' } }]);
  });

  it('ends on abort even when the fetch behind it keeps the body open', async () => {
    const encoder = new TextEncoder();
    const client = createPlexClient({
      baseUrl: PLEX,
      token: 'tok-1234',
      retry: false,
      // A fetch that ignores the request's signal and never closes the stream.
      fetch: async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(encoder.encode('event: ping\ndata: {}\n\n'));
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const seen: PlexNotification[] = [];
    for await (const notification of client.notifications.stream({ signal: controller.signal })) {
      seen.push(notification);
    }
    expect(seen).toEqual([]);
  });

  it('throws the PlexError of a refused connection', async () => {
    msw.use(http.get(EVENTS, () => new HttpResponse(null, { status: 401 })));
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    const iterator = client.notifications.stream()[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('notifications.subscribe', () => {
  it('reconnects after the stream ends and stops when aborted', async () => {
    let connections = 0;
    msw.use(
      http.get(EVENTS, () => {
        connections++;
        if (connections === 2) return new HttpResponse(null, { status: 503 });
        return HttpResponse.text(
          `event: progress\ndata: {"ProgressNotification":{"message":"connection ${connections}"}}\n\n`,
          { headers: { 'Content-Type': 'text/event-stream' } },
        );
      }),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    const controller = new AbortController();
    const messages: string[] = [];
    for await (const notification of client.notifications.subscribe({
      signal: controller.signal,
      reconnectDelayMs: 1,
    })) {
      if (notification.type === 'progress') messages.push(notification.data.message);
      if (messages.length === 2) controller.abort();
    }
    expect(messages).toEqual(['connection 1', 'connection 3']);
    expect(connections).toBe(3);
  });

  it('gives up with the error when the server refuses the request itself', async () => {
    let connections = 0;
    msw.use(
      http.get(EVENTS, () => {
        connections++;
        return new HttpResponse(null, { status: 403 });
      }),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    const iterator = client.notifications
      .subscribe({ reconnectDelayMs: 1 })
      [Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(connections).toBe(1);
  });
});

describe('notifications.eventSourceUrl', () => {
  it('puts the token in the query, for programs that cannot send headers, and offers a redacted form', () => {
    const client = createPlexClient({ baseUrl: `${PLEX}/`, token: 'secret-token-1234' });
    const { url, redacted } = client.notifications.eventSourceUrl({ filters: ['playing', '-log'] });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`${PLEX}/:/eventsource/notifications`);
    expect(parsed.searchParams.get('X-Plex-Token')).toBe('secret-token-1234');
    expect(parsed.searchParams.get('filters')).toBe('playing,-log');
    expect(redacted).not.toContain('secret-token-1234');
    expect(new URL(redacted).searchParams.get('X-Plex-Token')).toBe('REDACTED');
  });
});
