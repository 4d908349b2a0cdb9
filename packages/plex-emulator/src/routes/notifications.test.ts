import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { testEmulator } from '../testing/harness.js';
import { parseNotificationFilter } from './notifications.js';

/** Reads server-sent events from a response body until `count` non-ping events arrived. */
async function readEvents(response: Response, count: number) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      if (event !== 'ping') events.push({ event, data });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

function subscribe(emulator: PlexEmulator, query = '', signal?: AbortSignal) {
  return emulator.fetch(
    new Request(`http://plex.test/:/eventsource/notifications${query}`, {
      headers: { 'X-Plex-Token': emulator.token },
      ...(signal ? { signal } : {}),
    }),
  );
}

describe('/:/eventsource/notifications', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('streams one SSE event per entry, named by type, with the bare element as data', async () => {
    emulator = testEmulator({ library: 'empty' });
    const response = await subscribe(emulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = readEvents(response, 2);
    emulator.notifications.publish({
      type: 'timeline',
      element: 'TimelineEntry',
      entries: [
        { itemID: '1001', state: 5 },
        { itemID: '1002', state: 9 },
      ],
    });
    expect(await events).toEqual([
      { event: 'timeline', data: { TimelineEntry: { itemID: '1001', state: 5 } } },
      { event: 'timeline', data: { TimelineEntry: { itemID: '1002', state: 9 } } },
    ]);
  });

  it('applies the filters parameter', async () => {
    emulator = testEmulator({ library: 'empty' });
    const response = await subscribe(emulator, '?filters=activity');
    const events = readEvents(response, 1);
    emulator.notifications.publish({ type: 'timeline', element: 'TimelineEntry', entries: [{}] });
    emulator.notifications.publish({
      type: 'activity',
      element: 'ActivityNotification',
      entries: [{ event: 'started' }],
    });
    expect((await events).map((e) => e.event)).toEqual(['activity']);
  });

  it('requires a token', async () => {
    emulator = testEmulator({ library: 'empty' });
    const response = await emulator.fetch(
      new Request('http://plex.test/:/eventsource/notifications'),
    );
    expect(response.status).toBe(401);
  });

  it('unsubscribes when the client goes away', async () => {
    emulator = testEmulator({ library: 'empty' });
    const aborter = new AbortController();
    await subscribe(emulator, '', aborter.signal);
    expect(emulator.notifications.subscriberCount).toBe(1);
    aborter.abort();
    expect(emulator.notifications.subscriberCount).toBe(0);
  });

  it('streams over a real socket', async () => {
    emulator = testEmulator({ library: 'empty' });
    const server = await emulator.listen({ port: 0 });
    const response = await fetch(`${server.url}/:/eventsource/notifications`, {
      headers: { 'X-Plex-Token': emulator.token },
    });
    const events = readEvents(response, 1);
    // Wait until the stream is subscribed before publishing.
    while (emulator.notifications.subscriberCount === 0) await new Promise((r) => setTimeout(r, 5));
    emulator.notifications.publish({
      type: 'status',
      element: 'StatusNotification',
      entries: [{}],
    });
    expect((await events)[0]?.event).toBe('status');
  });
});

describe('parseNotificationFilter', () => {
  it('follows PMS filter syntax', () => {
    const byDefault = parseNotificationFilter(null);
    expect([byDefault('log'), byDefault('playing')]).toEqual([false, true]);
    expect(parseNotificationFilter('')('log')).toBe(true);
    const only = parseNotificationFilter('playing,timeline');
    expect([only('playing'), only('timeline'), only('activity')]).toEqual([true, true, false]);
    const except = parseNotificationFilter('-log,-activity');
    expect([except('log'), except('activity'), except('playing')]).toEqual([false, false, true]);
  });
});
