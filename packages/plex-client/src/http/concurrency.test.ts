import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import type { PlexClientOptions } from '../options.js';
import { failure } from '../testing/failure.js';

const PLEX = 'http://plex.test:32400';
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

/** How many requests the emulator is answering at a moment, and the most it ever was. */
interface InFlight {
  now: number;
  max: number;
  /** `METHOD pathname` of each request, in the order the emulator received them. */
  seen: string[];
}

/** Answers `request` with the emulator, counting it as in flight until the answer is ready. */
async function counted(emulator: PlexEmulator, count: InFlight, request: Request) {
  count.now++;
  count.max = Math.max(count.max, count.now);
  count.seen.push(`${request.method} ${new URL(request.url).pathname}`);
  try {
    return await emulator.fetch(request);
  } finally {
    count.now--;
  }
}

/**
 * The emulator, answering slowly, behind msw: with no `fetch` option bodiless requests take the
 * client's node:http path and the rest go through ky, and msw sees both.
 */
function slowPlex(latencyMs: number, options: Partial<PlexClientOptions> = {}) {
  const emulator = createPlexEmulator();
  emulator.faults.set({ latencyMs });
  const count: InFlight = { now: 0, max: 0, seen: [] };
  msw.use(http.all(`${PLEX}/*`, ({ request }) => counted(emulator, count, request)));
  const client = createPlexClient({
    baseUrl: PLEX,
    token: emulator.token,
    retry: false,
    ...options,
  });
  return { emulator, client, count };
}

/** A key of the demo library's first movie. */
function movieKey(emulator: PlexEmulator): string {
  const key = emulator.state.keysOf(1, 'movie')[0];
  if (key === undefined) throw new Error('the demo library has no movies');
  return key;
}

describe('maxConcurrentRequests', () => {
  it('keeps 100 concurrent calls, direct and through ky, to 5 at Plex at once, and answers all', async () => {
    const { emulator, client, count } = slowPlex(15, { maxConcurrentRequests: 5 });
    const thumb = (await client.metadata.get(movieKey(emulator))).thumb;
    expect(thumb).toBeTruthy();
    count.max = 0;
    // Reads go over node:http; image downloads (raw answers) over ky: one cap covers both.
    const calls = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? client.libraries.list().then((sections) => sections.length)
        : client.metadata.fetchImage(thumb ?? '', { width: 50 }).then((image) => image.data.length),
    );
    const answers = await Promise.all(calls);
    expect(answers.every((n) => n > 0)).toBe(true);
    expect(count.max).toBe(5);
    expect(count.now).toBe(0);
  });

  it('caps a client with a custom fetch the same way', async () => {
    const emulator = createPlexEmulator();
    emulator.faults.set({ latencyMs: 10 });
    const count: InFlight = { now: 0, max: 0, seen: [] };
    const client = createPlexClient({
      baseUrl: PLEX,
      token: emulator.token,
      maxConcurrentRequests: 3,
      fetch: (input, init) => counted(emulator, count, new Request(input, init)),
    });
    const answers = await Promise.all(Array.from({ length: 100 }, () => client.server.identity()));
    expect(answers).toHaveLength(100);
    expect(count.max).toBe(3);
  });

  it('defaults to 16', async () => {
    const { client, count } = slowPlex(20);
    await Promise.all(Array.from({ length: 60 }, () => client.server.identity()));
    expect(count.max).toBe(16);
  });

  it('sends waiting requests in the order they were made', async () => {
    const { emulator, client, count } = slowPlex(5, { maxConcurrentRequests: 1 });
    const keys = emulator.state.keysOf(1, 'movie').slice(0, 6);
    expect(keys).toHaveLength(6);
    await Promise.all(keys.map((key) => client.metadata.get(key)));
    expect(count.seen).toEqual(keys.map((key) => `GET /library/metadata/${key}`));
  });

  it('drops an aborted waiting request from the line at once, with the abort reason', async () => {
    const { client, count } = slowPlex(200, { maxConcurrentRequests: 1 });
    const first = client.server.identity();
    const controller = new AbortController();
    const queued = failure(client.libraries.list({ signal: controller.signal }));
    const behind = client.server.info();
    const started = performance.now();
    controller.abort(new Error('caller gave up'));
    const error = await queued;
    // Rejected while the first request still held the only slot, without reaching Plex.
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.message).toBe('caller gave up');
    expect(error.code).toBeUndefined();
    await Promise.all([first, behind]);
    expect(count.seen).toEqual(['GET /identity', 'GET /']);
    expect(count.max).toBe(1);
  });

  it('rejects a request whose signal is already aborted without queueing it', async () => {
    const { client, count } = slowPlex(50, { maxConcurrentRequests: 1 });
    const first = client.server.identity();
    const reason = new DOMException('stop', 'AbortError');
    const error = await failure(client.libraries.list({ signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    await first;
    // The slot of the aborted one was never taken, so it was never given back twice.
    await Promise.all([client.server.identity(), client.server.identity()]);
    expect(count.max).toBe(1);
  });

  it('shares one cap between a client and the clients withToken() derives from it', async () => {
    const { emulator, client, count } = slowPlex(10, { maxConcurrentRequests: 2 });
    const friend = [...emulator.state.accounts.values()].find((one) => one.kind === 'friend');
    const asFriend = client.withToken(friend?.serverToken ?? '');
    const asOwnerAgain = client.withToken(emulator.token);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        [client, asFriend, asOwnerAgain][i % 3]?.server.identity(),
      ),
    );
    expect(count.seen).toHaveLength(30);
    expect(count.max).toBe(2);
  });

  it('gives separately created clients separate caps', async () => {
    const { emulator, client, count } = slowPlex(10, { maxConcurrentRequests: 2 });
    const other = createPlexClient({
      baseUrl: PLEX,
      token: emulator.token,
      maxConcurrentRequests: 2,
    });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? client : other).server.identity()),
    );
    expect(count.max).toBe(4);
  });

  it('lets a notification stream, which stays open as long as it is read, past the cap', async () => {
    const { emulator, client } = slowPlex(0, { maxConcurrentRequests: 1 });
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    msw.use(
      http.get(`${PLEX}/identity`, async ({ request }) => {
        await gate;
        return emulator.fetch(request);
      }),
    );
    const holding = client.server.identity(); // holds the only slot until the gate opens
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _ of client.notifications.stream({ signal: controller.signal })) {
        // Reading keeps the stream open; the notifications themselves do not matter here.
      }
    })();
    for (let i = 0; i < 200 && emulator.notifications.subscriberCount === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(emulator.notifications.subscriberCount).toBe(1);
    open();
    await holding;
    // The open stream holds no slot: calls still go through while it is read.
    expect(await client.libraries.list()).toHaveLength(3);
    controller.abort();
    await reading;
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses maxConcurrentRequests %s with a clear message',
    (value) => {
      expect(() =>
        createPlexClient({ baseUrl: PLEX, token: 'tok-1', maxConcurrentRequests: value }),
      ).toThrow(`maxConcurrentRequests must be a whole number of at least 1; got ${value}`);
    },
  );
});
