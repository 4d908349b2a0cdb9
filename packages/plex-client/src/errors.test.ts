import { inspect } from 'node:util';
import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from './client.js';
import { PlexBadRequestError } from './errors/bad-request-error.js';
import { PlexForbiddenError } from './errors/forbidden-error.js';
import { PlexHttpError } from './errors/http-error.js';
import { PlexInvalidResponseError } from './errors/invalid-response-error.js';
import { PlexNotFoundError } from './errors/not-found-error.js';
import { PlexError, type PlexErrorCode } from './errors/plex-error.js';
import { PlexRateLimitedError } from './errors/rate-limited-error.js';
import { PlexTimeoutError } from './errors/timeout-error.js';
import { PlexUnauthorizedError } from './errors/unauthorized-error.js';
import { PlexUnreachableError } from './errors/unreachable-error.js';
import type { Query } from './http/query.js';
import type { PlexClientOptions } from './options.js';
import { emulatorClient } from './testing/emulator-client.js';
import { engineHandlers } from './testing/engine.js';
import { failure } from './testing/failure.js';

/**
 * Every error code, produced through the public client by the condition that should produce it,
 * and the token absent from every way an error can be printed or serialised.
 */

const OWNER_TOKEN = 'owner-Secret-Token-7f3a19c2';
const WRONG_TOKEN = 'wrong-Secret-Token-5b8e44d1';
/** The emulator mounted in msw answers this origin. */
const MSW_PLEX = 'http://plex.msw';

const msw = setupServer(...engineHandlers());
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

/** Emulators and sockets a test started, closed after it. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const FAST_RETRY = { limit: 2, baseDelayMs: 1, maxDelayMs: 5 };

/** An emulator-backed client (fetch wired straight to the emulator) with the owner token. */
function owner(clientOptions: Partial<PlexClientOptions> = {}) {
  return emulatorClient({ token: OWNER_TOKEN }, { retry: FAST_RETRY, ...clientOptions });
}

/** An emulator served on a real socket, and a client of it. */
async function overSocket(clientOptions: Partial<PlexClientOptions> = {}) {
  const emulator = createPlexEmulator({ token: OWNER_TOKEN });
  const listening = await emulator.listen({ port: 0 });
  cleanups.push(() => emulator.close());
  msw.use(http.all(`${listening.url}/*`, () => passthrough()));
  const client = createPlexClient({
    baseUrl: listening.url,
    plexTvUrl: listening.plexTvUrl,
    token: OWNER_TOKEN,
    retry: FAST_RETRY,
    ...clientOptions,
  });
  return { emulator, client, url: listening.url };
}

/** The emulator mounted in msw at `MSW_PLEX`, `handlers` before it. */
function inMsw(emulator: PlexEmulator, ...handlers: Parameters<typeof msw.use>) {
  msw.use(
    ...handlers,
    http.all(`${MSW_PLEX}/*`, ({ request }) => emulator.fetch(request)),
  );
  return createPlexClient({
    baseUrl: MSW_PLEX,
    plexTvUrl: `${MSW_PLEX}${emulator.plexTvPath}`,
    token: emulator.token,
    retry: FAST_RETRY,
  });
}

/** The item whose ratingKey a test needs: the demo library's first movie. */
function firstMovieKey(emulator: PlexEmulator): string {
  const key = emulator.state.keysOf(1, 'movie')[0];
  if (key === undefined) throw new Error('the demo library has no movies');
  return key;
}

interface ErrorCase {
  code: PlexErrorCode;
  /** What produces it. */
  condition: string;
  type: abstract new (...args: never[]) => PlexError;
  status: number | undefined;
  method: 'GET' | 'PUT';
  /**
   * Makes the failing call; `token` is the token the client was created with. With
   * `tokenInQuery` the caller also puts that token in the request's query, as careless callers do.
   */
  fail(tokenInQuery: boolean): Promise<{ error: PlexError; token: string; requests: number }>;
}

/**
 * The query a caller adds: the token under each name Plex reads it from and under a name that
 * means nothing to Plex, or nothing.
 */
function callerQuery(token: string, tokenInQuery: boolean): Query {
  return tokenInQuery ? { 'X-Plex-Token': token, token, note: token } : {};
}

const CASES: ErrorCase[] = [
  {
    code: 'UNAUTHORIZED',
    condition: 'a token the server does not know',
    type: PlexUnauthorizedError,
    status: 401,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, sent } = owner({ token: WRONG_TOKEN });
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(WRONG_TOKEN, tokenInQuery) } }),
      );
      return { error, token: WRONG_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'FORBIDDEN',
    condition: "a friend's token on an owner-only route",
    type: PlexForbiddenError,
    status: 403,
    method: 'PUT',
    async fail(tokenInQuery) {
      const { emulator } = owner();
      const friend = [...emulator.state.accounts.values()].find((one) => one.kind === 'friend');
      const token = friend?.serverToken ?? '';
      expect(token).not.toBe('');
      const { client, sent } = emulatorClient({ token: OWNER_TOKEN }, { token, retry: FAST_RETRY });
      const error = await failure(
        client.server.setPrefs({ FriendlyName: 'Mine now', ...callerQuery(token, tokenInQuery) }),
      );
      return { error, token, requests: sent.length };
    },
  },
  {
    code: 'NOT_FOUND',
    condition: 'a section that does not exist',
    type: PlexNotFoundError,
    status: 404,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, sent } = owner();
      const error = await failure(
        client.libraries.items(999, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'BAD_REQUEST',
    condition: 'a filter on a field the section does not have',
    type: PlexBadRequestError,
    status: 400,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, sent } = owner();
      const error = await failure(
        client.libraries.items(1, {
          filters: { raw: { 'noSuchField>>': 3, ...callerQuery(OWNER_TOKEN, tokenInQuery) } },
        }),
      );
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'RATE_LIMITED',
    condition: 'the server answering 429 past every retry',
    type: PlexRateLimitedError,
    status: 429,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, emulator, sent } = owner();
      emulator.faults.set({ errorRate: 1, errorStatus: 429 });
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'HTTP_ERROR',
    condition: 'the server answering 503 past every retry',
    type: PlexHttpError,
    status: 503,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, emulator, sent } = owner();
      emulator.faults.set({ errorRate: 1, errorStatus: 503 });
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'UNREACHABLE',
    condition: 'the server refusing connections (fault switch)',
    type: PlexUnreachableError,
    status: undefined,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, emulator, sent } = owner();
      emulator.faults.set({ unreachable: true });
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'UNREACHABLE',
    condition: 'a socket that refuses connections',
    type: PlexUnreachableError,
    status: undefined,
    method: 'GET',
    async fail(tokenInQuery) {
      let requests = 0;
      const { client, emulator } = await overSocket({
        fetch: (input, init) => {
          requests++;
          return fetch(input, init);
        },
      });
      emulator.faults.set({ unreachable: true });
      await emulator.idle();
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      expect(error.message).toContain('ECONNREFUSED');
      return { error, token: OWNER_TOKEN, requests };
    },
  },
  {
    code: 'TIMEOUT',
    condition: 'an answer slower than the client timeout',
    type: PlexTimeoutError,
    status: undefined,
    method: 'GET',
    async fail(tokenInQuery) {
      const { client, emulator, sent } = owner({ timeoutMs: 40 });
      emulator.faults.set({ latencyMs: 1000 });
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      expect(error.message).toContain('within 40 ms');
      return { error, token: OWNER_TOKEN, requests: sent.length };
    },
  },
  {
    code: 'INVALID_RESPONSE',
    condition: 'a body that does not match the schema (the field carries the token)',
    type: PlexInvalidResponseError,
    status: 200,
    method: 'GET',
    async fail(tokenInQuery) {
      const emulator = createPlexEmulator({ token: OWNER_TOKEN });
      let requests = 0;
      const client = inMsw(
        emulator,
        http.get(`${MSW_PLEX}/library/sections/1/all`, () => {
          requests++;
          // A server that echoes the token into a field of the wrong type.
          return HttpResponse.json({
            MediaContainer: {
              size: 1,
              // An array expected; valibot quotes the string it got instead.
              Metadata: OWNER_TOKEN,
            },
          });
        }),
      );
      const error = await failure(
        client.libraries.items(1, { filters: { raw: callerQuery(OWNER_TOKEN, tokenInQuery) } }),
      );
      expect((error as PlexInvalidResponseError).path).toBe('MediaContainer.Metadata');
      return { error, token: OWNER_TOKEN, requests };
    },
  },
];

describe('every error code from the condition that produces it', () => {
  it.each(CASES.map((one) => [one.code, one.condition, one] as const))(
    '%s: %s',
    async (_code, _condition, { code, type, status, method, fail }) => {
      const { error } = await fail(false);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(PlexError);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.method).toBe(method);
      // The message names the path; the server's address is only on `url`, for the operator.
      const { host, pathname } = new URL(error.url);
      expect(error.message).toContain(`${method} ${pathname}`);
      expect(error.message).not.toContain(host);
      expect(error.message).not.toContain('http://');
    },
  );

  it('GET is retried on 429 and 503 (limit + 1 requests), not on 400, 401, 403, 404', async () => {
    const attempts: Record<string, number> = {};
    for (const one of CASES) {
      if (one.code === 'INVALID_RESPONSE' || one.code === 'TIMEOUT') continue;
      attempts[`${one.code} ${one.condition}`] = (await one.fail(false)).requests;
    }
    expect(attempts).toEqual({
      'UNAUTHORIZED a token the server does not know': 1,
      "FORBIDDEN a friend's token on an owner-only route": 1,
      'NOT_FOUND a section that does not exist': 1,
      'BAD_REQUEST a filter on a field the section does not have': 1,
      'RATE_LIMITED the server answering 429 past every retry': 3,
      'HTTP_ERROR the server answering 503 past every retry': 3,
      'UNREACHABLE the server refusing connections (fault switch)': 3,
      'UNREACHABLE a socket that refuses connections': 3,
    });
  });

  it('names the field path of an invalid response and keeps the received value out', async () => {
    const invalid = CASES.find((one) => one.code === 'INVALID_RESPONSE');
    const { error } = await invalid!.fail(false);
    expect(error.message).toContain('MediaContainer.Metadata');
    expect(error.message).not.toContain(OWNER_TOKEN);
  });
});

describe('the token is never in a thrown error', () => {
  /** Every way an error gets printed, logged or sent somewhere. */
  function renderings(error: PlexError): Record<string, string> {
    return {
      'JSON.stringify': JSON.stringify(error),
      String: String(error),
      stack: error.stack ?? '',
      'util.inspect': inspect(error, { depth: 10, showHidden: true }),
      'console-style inspect': inspect(error),
      cause: inspect(error.cause, { depth: 10 }),
    };
  }

  function expectNoToken(error: PlexError, tokens: string[]) {
    for (const [how, text] of Object.entries(renderings(error))) {
      for (const token of tokens) {
        expect(text.includes(token), `${error.code}: ${how} contains the token`).toBe(false);
      }
    }
  }

  it.each(CASES.map((one) => [one.code, one.condition, one] as const))(
    '%s (%s)',
    async (_code, _condition, { fail }) => {
      const { error, token } = await fail(false);
      expect(error).toBeInstanceOf(PlexError);
      expectNoToken(error, [token, OWNER_TOKEN]);
    },
  );

  it.each(CASES.map((one) => [one.code, one.condition, one] as const))(
    '%s (%s), with the token put in the URL query by the caller',
    async (_code, _condition, { code, fail }) => {
      const { error, token } = await fail(true);
      expect(error.code).toBe(code);
      expect(error.url).toContain('X-Plex-Token=REDACTED');
      expect(error.url).toContain('&token=REDACTED');
      expect(error.url).toContain('note=REDACTED');
      expectNoToken(error, [token, OWNER_TOKEN]);
    },
  );

  it('a plex.tv call with a bad token keeps the token out too', async () => {
    const { client } = owner({ token: WRONG_TOKEN });
    const error = await failure(client.plexTv.user());
    expect(error.code).toBe('UNAUTHORIZED');
    expectNoToken(error, [WRONG_TOKEN]);
  });
});

describe('retry rules through the public client', () => {
  /** The emulator in msw, failing with `status` until `failures` requests have been answered. */
  function flaky(status: number, failures: number) {
    const emulator = createPlexEmulator({ token: OWNER_TOKEN });
    const seen: string[] = [];
    emulator.faults.set({ errorRate: 1, errorStatus: status });
    const client = inMsw(
      emulator,
      http.all(`${MSW_PLEX}/*`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        if (seen.length > failures) emulator.faults.reset();
        return emulator.fetch(request);
      }),
    );
    return { client, emulator, seen };
  }

  it('retries a GET on 503 and returns the answer once the server recovers', async () => {
    const { client, seen } = flaky(503, 2);
    const sections = await client.libraries.list();
    expect(sections.map((section) => section.title)).toEqual(['Movies', 'TV Shows', 'Music']);
    expect(seen).toEqual(Array(3).fill('GET /library/sections'));
  });

  it.each([429, 502, 504])('retries a GET on %i', async (status) => {
    const { client, seen } = flaky(status, 1);
    expect((await client.server.identity()).machineIdentifier).toMatch(/^[0-9a-f]{40}$/);
    expect(seen).toHaveLength(2);
  });

  it('does not retry a GET on 500', async () => {
    const { client, seen } = flaky(500, 1);
    expect((await failure(client.server.identity())).code).toBe('HTTP_ERROR');
    expect(seen).toHaveLength(1);
  });

  it('does not retry a GET when retries are off', async () => {
    const emulator = createPlexEmulator({ token: OWNER_TOKEN });
    emulator.faults.set({ errorRate: 1, errorStatus: 503 });
    let calls = 0;
    msw.use(
      http.all(`${MSW_PLEX}/*`, ({ request }) => {
        calls++;
        return emulator.fetch(request);
      }),
    );
    const client = createPlexClient({ baseUrl: MSW_PLEX, token: OWNER_TOKEN, retry: false });
    expect((await failure(client.server.identity())).code).toBe('HTTP_ERROR');
    expect(calls).toBe(1);
  });

  it('never retries POST, PUT or DELETE, even on 503', async () => {
    const { client, emulator, seen } = flaky(503, Number.POSITIVE_INFINITY);
    const movie = firstMovieKey(emulator);
    const writes: [string, () => Promise<unknown>][] = [
      [
        'POST /playlists',
        () =>
          client.playlists.create({
            title: 'x',
            type: 'video',
            ratingKeys: [movie],
            machineIdentifier: emulator.machineIdentifier,
          }),
      ],
      ['PUT /:/scrobble', () => client.metadata.markWatched(movie)],
      ['DELETE /playlists/1', () => client.playlists.delete(1)],
    ];
    for (const [request, write] of writes) {
      seen.length = 0;
      const error = await failure(write());
      expect(error.code, request).toBe('HTTP_ERROR');
      expect(seen, request).toEqual([request]);
    }
  });

  it('retries a GET after a refused connection, and never a PUT', async () => {
    const emulator = createPlexEmulator({ token: OWNER_TOKEN });
    let calls = 0;
    const client = createPlexClient({
      baseUrl: MSW_PLEX,
      token: OWNER_TOKEN,
      retry: FAST_RETRY,
      fetch: (input, init) => {
        calls++;
        emulator.faults.set({ unreachable: calls === 1 });
        return emulator.fetch(new Request(input, init));
      },
    });
    expect((await client.libraries.list()).length).toBe(3);
    expect(calls).toBe(2);

    calls = 0;
    const movie = firstMovieKey(emulator);
    expect((await failure(client.metadata.markUnwatched(movie))).code).toBe('UNREACHABLE');
    expect(calls).toBe(1);
  });
});
