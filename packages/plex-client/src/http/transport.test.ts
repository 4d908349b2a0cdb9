import { createServer } from 'node:net';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlexRateLimitedError } from '../errors/rate-limited-error.js';
import { resolveOptions } from '../options.js';
import { failure } from '../testing/failure.js';
import { MAX_BODY_BYTES } from './policy/body-cap.js';
import { Transport } from './transport.js';

const TOKEN = 'secret-token-value';
const PLEX = 'http://plex.test:32400';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function transport(overrides: Partial<Parameters<typeof resolveOptions>[0]> = {}) {
  return new Transport(
    resolveOptions({
      baseUrl: PLEX,
      token: TOKEN,
      clientIdentifier: 'test-client',
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      timeoutMs: 500,
      ...overrides,
    }),
  );
}

/** A loopback URL whose port refuses connections (it was free a moment ago). */
async function refusingUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const okSchema = v.object({ MediaContainer: v.object({ size: v.number() }) });

describe('Transport', () => {
  it('sends the Plex identity headers and the token in a header, never the URL', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${PLEX}/library/sections`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ MediaContainer: { size: 0 } });
      }),
    );
    await transport().json({ path: '/library/sections', query: { type: 1 } }, okSchema);
    expect(seen?.url).toBe(`${PLEX}/library/sections?type=1`);
    expect(Object.fromEntries(seen!.headers)).toMatchObject({
      accept: 'application/json',
      'x-plex-token': TOKEN,
      'x-plex-client-identifier': 'test-client',
      'x-plex-product': 'plexmcp',
      'x-plex-platform': 'Node.js',
      'x-plex-provides': 'controller',
    });
  });

  it('appends an already-encoded raw query byte for byte after the structured one', async () => {
    let seen = '';
    server.use(
      http.put(`${PLEX}/library/sections/1/all`, ({ request }) => {
        seen = request.url;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    await transport().empty({
      method: 'PUT',
      path: '/library/sections/1/all',
      query: { type: 1 },
      rawQuery: 'genre%5B%5D.tag.tag-=Sci-Fi%2520%2526%2520Fantasy',
    });
    expect(seen).toBe(
      `${PLEX}/library/sections/1/all?type=1&genre%5B%5D.tag.tag-=Sci-Fi%2520%2526%2520Fantasy`,
    );
  });

  it('builds token-bearing URLs only when asked', () => {
    const t = transport();
    expect(t.url('/photo/:/transcode', { width: 100 }).toString()).toBe(
      `${PLEX}/photo/:/transcode?width=100`,
    );
    expect(t.authenticatedUrl('/photo/:/transcode', { width: 100 }).toString()).toBe(
      `${PLEX}/photo/:/transcode?width=100&X-Plex-Token=${TOKEN}`,
    );
  });

  it('sends paging as X-Plex-Container headers', async () => {
    let headers: Headers | undefined;
    server.use(
      http.get(`${PLEX}/x`, ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({ MediaContainer: { size: 0 } });
      }),
    );
    await transport().json({ path: '/x', page: { offset: 20, limit: 10 } }, okSchema);
    expect(headers?.get('X-Plex-Container-Start')).toBe('20');
    expect(headers?.get('X-Plex-Container-Size')).toBe('10');
  });

  it('maps 401 to UNAUTHORIZED with a redacted URL and a hint', async () => {
    server.use(
      http.get(
        `${PLEX}/x`,
        () =>
          new HttpResponse('<html><h1>401 Unauthorized</h1></html>', {
            status: 401,
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    const error = await failure(
      transport().json({ path: '/x', query: { 'X-Plex-Token': TOKEN } }, okSchema),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, method: 'GET' });
    expect(error.url).toBe(`${PLEX}/x?X-Plex-Token=REDACTED`);
    expect(error.message).toBe(
      'Plex Media Server rejected the token (401) for GET /x?X-Plex-Token=REDACTED. The token is missing, wrong or revoked: sign in again to get a new one.',
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TOKEN);
  });

  it.each([
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [400, 'BAD_REQUEST'],
    [500, 'HTTP_ERROR'],
  ])('maps HTTP %i to %s', async (status, code) => {
    server.use(http.post(`${PLEX}/x`, () => new HttpResponse('<h1>nope</h1>', { status })));
    const error = await failure(transport().empty({ method: 'POST', path: '/x' }));
    expect(error).toMatchObject({ code, status });
  });

  it('quotes the HTML error heading in the message', async () => {
    server.use(
      http.get(`${PLEX}/x`, () => new HttpResponse('<h1>400 Bad Request</h1>', { status: 400 })),
    );
    const error = await failure(transport().json({ path: '/x' }, okSchema));
    expect(error.message).toContain(': 400 Bad Request');
  });

  it('retries idempotent requests on 503 and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PLEX}/x`, () => {
        calls++;
        return calls < 3
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ MediaContainer: { size: 1 } });
      }),
    );
    const body = await transport().json({ path: '/x' }, okSchema);
    expect(body.MediaContainer.size).toBe(1);
    expect(calls).toBe(3);
  });

  it('never retries writes', async () => {
    let calls = 0;
    server.use(
      http.put(`${PLEX}/x`, () => {
        calls++;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await failure(transport().empty({ method: 'PUT', path: '/x' }));
    expect(error.code).toBe('HTTP_ERROR');
    expect(calls).toBe(1);
  });

  it('reports 429 as RATE_LIMITED with Retry-After once retries are spent', async () => {
    server.use(
      http.get(
        `${PLEX}/x`,
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }),
      ),
    );
    const error = await failure(transport({ retry: false }).json({ path: '/x' }, okSchema));
    expect(error).toBeInstanceOf(PlexRateLimitedError);
    expect((error as PlexRateLimitedError).retryAfterMs).toBe(0);
  });

  it('stops retrying when Retry-After asks for longer than maxDelayMs', async () => {
    let calls = 0;
    server.use(
      http.get(`${PLEX}/x`, () => {
        calls++;
        return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '60' } });
      }),
    );
    const error = await failure(transport().json({ path: '/x' }, okSchema));
    expect(calls).toBe(1);
    expect((error as PlexRateLimitedError).retryAfterMs).toBe(60_000);
    expect(error.message).toContain('Retry after 60 s.');
  });

  it('caps the body read through ky (a request with a body) as the direct path does', async () => {
    let calls = 0;
    server.use(
      http.post(`${PLEX}/x`, () => {
        calls++;
        return new HttpResponse('{}', {
          headers: {
            'content-type': 'application/json',
            'content-length': String(MAX_BODY_BYTES + 1),
          },
        });
      }),
    );
    const error = await failure(
      transport().json({ method: 'POST', path: '/x', body: 'a=1' }, okSchema),
    );
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('with more than 128 MiB');
    expect(calls).toBe(1);
  });

  it('times out slow answers with TIMEOUT', async () => {
    server.use(
      http.get(`${PLEX}/x`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return HttpResponse.json({ MediaContainer: { size: 0 } });
      }),
    );
    const error = await failure(transport({ timeoutMs: 50 }).json({ path: '/x' }, okSchema));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('within 50 ms');
  });

  it('times out a body sent through ky that stalls after its headers, like the node:http engine', async () => {
    // Requests with a body go through ky, whose own timeout ends when the headers arrive.
    server.use(
      http.post(`${PLEX}/x`, () => {
        const stalled = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"MediaContainer":'));
          },
        });
        return new HttpResponse(stalled, { headers: { 'content-type': 'application/json' } });
      }),
    );
    const started = Date.now();
    const error = await failure(
      transport({ timeoutMs: 150, retry: false }).json(
        { method: 'POST', path: '/x', body: 'a=1' },
        okSchema,
      ),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('within 150 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports refused connections as UNREACHABLE', async () => {
    const down = await refusingUrl();
    server.use(http.get(`${down}/*`, () => passthrough()));
    const error = await failure(
      transport({ baseUrl: down, retry: false }).json({ path: '/x', query: { type: 1 } }, okSchema),
    );
    expect(error.code).toBe('UNREACHABLE');
    // The message a caller sees names the request by path; the address stays on `url`.
    expect(error.message).toBe(
      'Cannot reach Plex Media Server for GET /x?type=1 (ECONNREFUSED). Check the URL and that the server is running and reachable from this machine.',
    );
    expect(error.url).toBe(`${down}/x?type=1`);
  });

  it('names the field path when a response does not match its schema', async () => {
    server.use(http.get(`${PLEX}/x`, () => HttpResponse.json({ MediaContainer: { size: 'x' } })));
    const error = await failure(transport().json({ path: '/x' }, okSchema));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', path: 'MediaContainer.size' });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    server.use(http.get(`${PLEX}/x`, () => new HttpResponse('<MediaContainer/>', { status: 200 })));
    const error = await failure(transport().json({ path: '/x' }, okSchema));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('not JSON');
  });

  it('retries a GET whose connection failed, and never a write', async () => {
    let reads = 0;
    let writes = 0;
    server.use(
      http.get(`${PLEX}/x`, () => {
        reads++;
        return reads === 1
          ? HttpResponse.error()
          : HttpResponse.json({ MediaContainer: { size: 2 } });
      }),
      http.put(`${PLEX}/x`, () => {
        writes++;
        return HttpResponse.error();
      }),
    );
    const t = transport();
    expect((await t.json({ path: '/x' }, okSchema)).MediaContainer.size).toBe(2);
    expect(reads).toBe(2);
    expect((await failure(t.empty({ method: 'PUT', path: '/x' }))).code).toBe('UNREACHABLE');
    expect(writes).toBe(1);
  });

  it('follows a redirect to the answer', async () => {
    server.use(
      http.get(
        `${PLEX}/old`,
        () => new HttpResponse(null, { status: 301, headers: { Location: `${PLEX}/new` } }),
      ),
      http.get(`${PLEX}/new`, ({ request }) => {
        expect(request.headers.get('X-Plex-Token')).toBe(TOKEN);
        return HttpResponse.json({ MediaContainer: { size: 3 } });
      }),
    );
    const body = await transport().json({ path: '/old' }, okSchema);
    expect(body.MediaContainer.size).toBe(3);
  });

  it("rejects with the caller's abort reason, not a PlexError, and sends nothing more", async () => {
    let calls = 0;
    const controller = new AbortController();
    server.use(
      http.get(`${PLEX}/x`, async () => {
        calls++;
        controller.abort(new Error('caller gave up'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await failure(
      transport().json({ path: '/x', signal: controller.signal }, okSchema),
    );
    expect(error.message).toBe('caller gave up');
    expect(error.code).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('reads a UTF-8 body without its byte-order mark', async () => {
    server.use(
      http.get(
        `${PLEX}/x`,
        () =>
          new HttpResponse('\uFEFF{"MediaContainer":{"size":4}}', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    expect((await transport().json({ path: '/x' }, okSchema)).MediaContainer.size).toBe(4);
  });

  describe('failover', () => {
    const BACKUP = 'http://backup.test:32400';

    it('moves to the next base URL when one is unreachable, and sticks to it', async () => {
      const DOWN = await refusingUrl();
      const hits: string[] = [];
      server.use(
        http.get(`${DOWN}/*`, () => passthrough()),
        http.get(`${BACKUP}/x`, ({ request }) => {
          hits.push(request.url);
          return HttpResponse.json({ MediaContainer: { size: 0 } });
        }),
      );
      const t = transport({ baseUrls: [DOWN, BACKUP], retry: false });
      await t.json({ path: '/x' }, okSchema);
      expect(t.baseUrl).toBe(BACKUP);
      await t.json({ path: '/x' }, okSchema);
      expect(hits).toHaveLength(2);
    });

    it('fails over a write only when the connection was refused (never sent)', async () => {
      const DOWN = await refusingUrl();
      let writes = 0;
      server.use(
        http.put(`${DOWN}/*`, () => passthrough()),
        http.put(`${BACKUP}/x`, () => {
          writes++;
          return new HttpResponse(null, { status: 200 });
        }),
      );
      await transport({ baseUrls: [DOWN, BACKUP], retry: false }).empty({
        method: 'PUT',
        path: '/x',
      });
      expect(writes).toBe(1);
    });

    it('does not fail over on an HTTP error: the server answered', async () => {
      server.use(
        http.get(`${PLEX}/x`, () => new HttpResponse(null, { status: 404 })),
        http.get(`${BACKUP}/x`, () => HttpResponse.json({ MediaContainer: { size: 0 } })),
      );
      const t = transport({ baseUrls: [PLEX, BACKUP] });
      expect((await failure(t.json({ path: '/x' }, okSchema))).code).toBe('NOT_FOUND');
      expect(t.baseUrl).toBe(PLEX);
    });
  });
});
