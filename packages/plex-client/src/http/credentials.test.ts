import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient, type PlexClient } from '../client.js';
import type { PlexError } from '../errors/plex-error.js';
import type { PlexClientOptions } from '../options.js';
import { failure } from '../testing/failure.js';

/** A reverse proxy with HTTP Basic auth in front of Plex, as PLEX_URL often names one. */
const HOST = 'http://plex.proxy:32400';
const WITH_CREDENTIALS = 'http://user:secretpass@plex.proxy:32400';
const BASIC = `Basic ${Buffer.from('user:secretpass').toString('base64')}`;

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

/** What reached the server: URL and Authorization header of each request. */
type Seen = { url: string; authorization: string | null }[];

/** The emulator behind msw at `HOST`, recording what each request carried. */
function proxiedPlex(options: Partial<PlexClientOptions> = {}) {
  const emulator = createPlexEmulator();
  const seen: Seen = [];
  msw.use(
    http.all(`${HOST}/*`, ({ request }) => {
      seen.push({ url: request.url, authorization: request.headers.get('authorization') });
      return emulator.fetch(request);
    }),
  );
  const client = createPlexClient({
    baseUrl: WITH_CREDENTIALS,
    token: emulator.token,
    retry: false,
    ...options,
  });
  return { emulator, client, seen };
}

/** A loopback URL whose port refuses connections (it was free a moment ago). */
async function refusingPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The poster path of the demo library's first movie, read through `client`. */
async function firstMovieThumb(emulator: PlexEmulator, client: PlexClient): Promise<string> {
  const key = emulator.state.keysOf(1, 'movie')[0];
  const thumb = key === undefined ? undefined : (await client.metadata.get(key)).thumb;
  if (!thumb) throw new Error('the demo library has no movie with a poster');
  return thumb;
}

/** Fails the test if the password or the user name part shows in any way the error prints. */
function expectNoCredentials(error: PlexError) {
  const renderings = {
    message: error.message,
    url: error.url,
    stack: error.stack ?? '',
    inspect: inspect(error, { depth: 8, showHidden: true }),
    JSON: JSON.stringify(error),
  };
  for (const [how, text] of Object.entries(renderings)) {
    expect(text.includes('secretpass'), `${error.code}: ${how} has the password`).toBe(false);
    expect(text.includes('user:'), `${error.code}: ${how} has the user name`).toBe(false);
    expect(text.includes(BASIC.slice(6)), `${error.code}: ${how} has the header`).toBe(false);
  }
}

describe('credentials in the base URL', () => {
  it('go only in an Authorization: Basic header, on the direct path and through ky', async () => {
    const { emulator, client, seen } = proxiedPlex();
    expect(client.baseUrl).toBe(HOST);
    const thumb = await firstMovieThumb(emulator, client); // node:http
    await client.metadata.fetchImage(thumb, { width: 10 }); // ky
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.authorization).toBe(BASIC);
      expect(request.url.startsWith(`${HOST}/`)).toBe(true);
    }
  });

  it('reach a custom fetch as the header, never in the URL it is given', async () => {
    const emulator = createPlexEmulator();
    const seen: Seen = [];
    const client = createPlexClient({
      baseUrl: WITH_CREDENTIALS,
      token: emulator.token,
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push({ url: request.url, authorization: request.headers.get('authorization') });
        return emulator.fetch(request);
      },
    });
    await client.server.identity();
    expect(seen).toEqual([{ url: `${HOST}/identity`, authorization: BASIC }]);
  });

  it('are decoded from their percent-encoded form for the header', async () => {
    const { client, seen } = proxiedPlex({
      baseUrl: 'http://me:p%40ss%3Aw%C3%B6rd@plex.proxy:32400',
    });
    await client.server.identity();
    expect(seen[0]?.authorization).toBe(
      `Basic ${Buffer.from('me:p@ss:wörd', 'utf8').toString('base64')}`,
    );
  });

  it('go only to the URL they were given with, not to the one failed over to', async () => {
    const port = await refusingPort();
    const seen: Seen = [];
    const emulator = createPlexEmulator();
    msw.use(
      http.get(`http://127.0.0.1:${port}/*`, () => passthrough()),
      http.get(`${HOST}/*`, ({ request }) => {
        seen.push({ url: request.url, authorization: request.headers.get('authorization') });
        return emulator.fetch(request);
      }),
    );
    const client = createPlexClient({
      baseUrls: [`http://user:secretpass@127.0.0.1:${port}`, HOST],
      token: emulator.token,
      retry: false,
    });
    await client.server.identity();
    expect(seen).toEqual([{ url: `${HOST}/identity`, authorization: null }]);
  });

  describe('never show in an error', () => {
    it('UNAUTHORIZED on the direct path', async () => {
      const { client } = proxiedPlex({ token: 'not-the-token-4711' });
      const error = await failure(client.libraries.list());
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.url).toBe(`${HOST}/library/sections`);
      expectNoCredentials(error);
    });

    it('UNAUTHORIZED through ky', async () => {
      const { emulator, client } = proxiedPlex();
      const thumb = await firstMovieThumb(emulator, client);
      const error = await failure(
        client.withToken('not-the-token-4711').metadata.fetchImage(thumb),
      );
      expect(error.code).toBe('UNAUTHORIZED');
      expectNoCredentials(error);
    });

    it('UNREACHABLE: a refused connection', async () => {
      const port = await refusingPort();
      msw.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
      const client = createPlexClient({
        baseUrl: `http://user:secretpass@127.0.0.1:${port}`,
        token: 'tok-5678',
        retry: false,
      });
      const error = await failure(client.libraries.list());
      expect(error.code).toBe('UNREACHABLE');
      expect(error.url).toBe(`http://127.0.0.1:${port}/library/sections`);
      expectNoCredentials(error);
    });

    it('TIMEOUT', async () => {
      const { emulator, client } = proxiedPlex({ timeoutMs: 30 });
      emulator.faults.set({ latencyMs: 500 });
      const error = await failure(client.server.identity());
      expect(error.code).toBe('TIMEOUT');
      expectNoCredentials(error);
    });

    it('INVALID_RESPONSE: a proxy page echoing the credentials', async () => {
      msw.use(
        http.get(`${HOST}/identity`, () =>
          HttpResponse.json({ MediaContainer: `you are user:secretpass via ${WITH_CREDENTIALS}` }),
        ),
      );
      const client = createPlexClient({ baseUrl: WITH_CREDENTIALS, token: 'tok-5678' });
      const error = await failure(client.server.identity());
      expect(error.code).toBe('INVALID_RESPONSE');
      expectNoCredentials(error);
    });
  });

  it('are not quoted when the URL is refused', () => {
    for (const baseUrl of [
      'ftp://user:secretpass@plex.proxy',
      'http://user:secretpass@plex.proxy:99999',
    ]) {
      let message = '';
      try {
        createPlexClient({ baseUrl, token: 'tok-5678' });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/is not a valid URL|must use http or https/);
      expect(message).not.toContain('secretpass');
      expect(message).not.toContain('user:');
    }
  });
});
