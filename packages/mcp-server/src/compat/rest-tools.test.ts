/**
 * The REST `/tools` API of the Python Plex MCP server lineage, exercised as a third-party client
 * written from that document would: plain fetch, literal bodies, exact answer shapes, and the
 * status each failure — ours or Plex's — is documented to get.
 */
import { describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import {
  ADMIN,
  type Answer,
  closeServersAfterEach,
  expectEnvelope,
  keysOf,
  READER,
  request,
  serve,
} from './compat-server.js';

closeServersAfterEach();

const TOOL_KEYS = [
  'access',
  'annotations',
  'description',
  'module',
  'name',
  'output_schema',
  'parameters',
  'title',
].sort();

const get = (url: string, path: string, key = ADMIN) =>
  request(`${url}${path}`, { headers: { 'x-api-key': key } });

const call = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`${url}/tools/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const LIBRARY_LIST = { tool_name: 'library_list', arguments: {} };

/** A failed call: {success: false, result: null, error: {code, message, details}}. */
function expectError(answer: Answer, status: number, code: string) {
  expectEnvelope(answer, status);
  expect(answer.json.success).toBe(false);
  expect(answer.json.result).toBeNull();
  expect(keysOf(answer.json.error)).toEqual(['code', 'details', 'message']);
  expect(answer.json.error.code).toBe(code);
  expect(answer.json.error.message).toEqual(expect.any(String));
  expect(answer.json.error.message.length).toBeGreaterThan(0);
  const details = answer.json.error.details;
  expect(details === null || (typeof details === 'object' && !Array.isArray(details))).toBe(true);
}

describe('GET /tools, /tools/{name}, /tools/{name}/schema', () => {
  it('lists every tool with exactly the documented keys', async () => {
    const { url } = await serve();
    const list = await get(url, '/tools');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.json.length).toBeGreaterThan(10);
    for (const tool of list.json) {
      expect(keysOf(tool)).toEqual(TOOL_KEYS);
      expect(tool).toEqual({
        name: expect.any(String),
        title: expect.any(String),
        description: expect.any(String),
        parameters: expect.objectContaining({ type: 'object' }),
        output_schema: expect.objectContaining({ type: 'object' }),
        annotations: expect.any(Object),
        access: expect.stringMatching(/^(read|write|delete)$/),
        module: expect.any(String),
      });
    }
    const names = list.json.map((tool: { name: string }) => tool.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('answers one tool and its bare input schema; unknown names are 404', async () => {
    const { url } = await serve();
    const list = await get(url, '/tools');
    const listed = list.json.find((tool: { name: string }) => tool.name === 'media_search');

    const one = await get(url, '/tools/media_search');
    expect(one.status).toBe(200);
    expect(keysOf(one.json)).toEqual(TOOL_KEYS);
    expect(one.json).toEqual(listed);

    const schema = await get(url, '/tools/media_search/schema');
    expect(schema.status).toBe(200);
    expect(schema.json).toEqual(one.json.parameters);
    expect(schema.json).toMatchObject({ type: 'object', required: ['query'] });

    expectError(await get(url, '/tools/no_such_tool'), 404, 'NOT_FOUND');
    expectError(await get(url, '/tools/no_such_tool/schema'), 404, 'NOT_FOUND');
  });
});

describe('POST /tools/call', () => {
  it('answers exactly {success: true, result, error: null}', async () => {
    const { url } = await serve();
    const answer = await call(url, LIBRARY_LIST);
    expectEnvelope(answer, 200);
    expect(answer.json.success).toBe(true);
    expect(answer.json.error).toBeNull();
    expect(answer.json.result.libraries.map((l: { title: string }) => l.title)).toEqual([
      'Movies',
      'TV Shows',
      'Music',
    ]);
    // `arguments` may be left out for a tool without required parameters.
    const bare = await call(url, { tool_name: 'library_list' });
    expectEnvelope(bare, 200);
    expect(bare.json.result).toEqual(answer.json.result);
  });

  it('INVALID_INPUT 400, NOT_FOUND 404, AMBIGUOUS 400 with details', async () => {
    const { url } = await serve();
    const invalid = await call(url, { tool_name: 'media_search', arguments: {} });
    expectError(invalid, 400, 'INVALID_INPUT');
    expect(invalid.json.error.message).toMatch(/query/);
    expectError(await call(url, { tool_name: 'no_such_tool', arguments: {} }), 404, 'NOT_FOUND');
    expectError(
      await call(url, { tool_name: 'media_get_details', arguments: { media: '999999' } }),
      404,
      'NOT_FOUND',
    );
    const ambiguous = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media: 'Sherlock Holmes' },
    });
    expectError(ambiguous, 400, 'AMBIGUOUS');
    expect(ambiguous.json.error.details).toEqual(expect.any(Object));
  });

  it('takes the input names callers of earlier releases hard-coded (media_title, library_name)', async () => {
    const { url } = await serve();
    const byTitle = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media_title: 'Sherlock Holmes', year: 1922 },
    });
    expectEnvelope(byTitle, 200);
    expect(byTitle.json.result).toMatchObject({ id: '1015', year: 1922 });
    const library = await call(url, {
      tool_name: 'library_get_details',
      arguments: { library_name: 'TV Shows' },
    });
    expect(library.json.result).toMatchObject({ id: '2', title: 'TV Shows' });
    const both = await call(url, {
      tool_name: 'media_get_details',
      arguments: { media: '1014', media_id: '1015' },
    });
    expectError(both, 400, 'INVALID_INPUT');
    expect(both.json.error.message).toContain('media and media_id (its old name) disagree');
  });

  it('400 for a body of the wrong shape, 415 for text/plain, 413 over the body limit', async () => {
    const { url } = await serve({ limits: { 'body-bytes': 1024 } });
    expectError(await call(url, { arguments: {} }), 400, 'INVALID_INPUT');
    expectError(
      await call(url, { tool_name: 'library_list', arguments: [] }),
      400,
      'INVALID_INPUT',
    );
    expectError(await call(url, '{"tool_name":'), 400, 'INVALID_INPUT');
    expectError(
      await call(url, JSON.stringify(LIBRARY_LIST), { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await call(url, { tool_name: 'media_search', arguments: { query: 'x'.repeat(2000) } }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    // Just under the limit is fine.
    const under = await call(url, {
      tool_name: 'media_search',
      arguments: { query: 'x'.repeat(900) },
    });
    expect(under.status).not.toBe(413);
  });

  it('401 without a key, 403 FORBIDDEN for a tool outside the key’s scopes', async () => {
    const { url } = await serve();
    const none = await request(`${url}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(LIBRARY_LIST),
    });
    expectError(none, 401, 'UNAUTHORIZED');
    const write = {
      tool_name: 'media_set_watched',
      arguments: { media: '1000', watched: true },
    };
    expectError(await call(url, write, { 'x-api-key': READER }), 403, 'FORBIDDEN');
    expectError(await get(url, '/tools/media_set_watched', READER), 403, 'FORBIDDEN');
    expect((await call(url, write)).status).toBe(200);
  });
});

describe('POST /tools/call: Plex-side failures', () => {
  /** Answers must not leak where Plex is or the token the server uses. */
  function expectNoLeak(answer: Answer, token: string) {
    expect(answer.text).not.toContain('plex.test');
    expect(answer.text).not.toContain('32400');
    expect(answer.text).not.toContain(token);
    for (const [, value] of answer.headers) {
      expect(value).not.toContain('plex.test');
      expect(value).not.toContain(token);
    }
  }

  it('503 PLEX_UNREACHABLE when Plex is down', async () => {
    const { emulator, plex } = emulatedPlex();
    const { url } = await serve({ plex });
    emulator.faults.set({ unreachable: true });
    const answer = await call(url, LIBRARY_LIST);
    expectError(answer, 503, 'PLEX_UNREACHABLE');
    expectNoLeak(answer, emulator.token);
  });

  it('504 TIMEOUT when Plex answers later than the client waits', async () => {
    const { emulator, plex } = emulatedPlex({}, { timeoutMs: 200 });
    const { url } = await serve({ plex });
    emulator.faults.set({ latencyMs: 1000 });
    const answer = await call(url, LIBRARY_LIST);
    expectError(answer, 504, 'TIMEOUT');
    expectNoLeak(answer, emulator.token);
  });

  it("502 PLEX_UNAUTHORIZED when Plex refuses the server's token, not the caller's key", async () => {
    const wrongToken = 'wrong-plex-token-7c1e';
    const { emulator, plex } = emulatedPlex({}, { token: wrongToken });
    const { url } = await serve({ plex });
    const answer = await call(url, LIBRARY_LIST);
    expectError(answer, 502, 'PLEX_UNAUTHORIZED');
    expect(answer.headers.get('www-authenticate')).toBeNull();
    expect(answer.json.error.message).not.toMatch(/api[ _-]?key|X-API-KEY|Bearer/i);
    expectNoLeak(answer, wrongToken);
    expectNoLeak(answer, emulator.token);
  });

  it('502 PLEX_ERROR when Plex answers 500', async () => {
    const { emulator, plex } = emulatedPlex();
    const { url } = await serve({ plex });
    emulator.faults.set({ errorRate: 1, errorStatus: 500 });
    const answer = await call(url, LIBRARY_LIST);
    expectError(answer, 502, 'PLEX_ERROR');
    expectNoLeak(answer, emulator.token);
  });
});

describe('X-RateLimit-* headers', () => {
  function expectRateHeaders(answer: Answer, limit: number, remaining: number) {
    const now = Math.floor(Date.now() / 1000);
    expect(answer.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(remaining));
    const reset = answer.headers.get('x-ratelimit-reset') ?? '';
    expect(reset).toMatch(/^\d+$/);
    // A Unix time in seconds, not milliseconds and not a number of seconds from now.
    expect(Number(reset)).toBeGreaterThanOrEqual(now);
    expect(Number(reset)).toBeLessThanOrEqual(now + 60);
  }

  it('are on successes, failures and the 429, counting down per key', async () => {
    // One token per 5 s: the counts below hold however slowly this machine runs them.
    const { url } = await serve({ rateLimit: { perSecond: 0.2, burst: 4 } });
    expectRateHeaders(await get(url, '/tools'), 4, 3);
    const ok = await call(url, LIBRARY_LIST);
    expectEnvelope(ok, 200);
    expectRateHeaders(ok, 4, 2);
    const notFound = await call(url, { tool_name: 'no_such_tool', arguments: {} });
    expectError(notFound, 404, 'NOT_FOUND');
    expectRateHeaders(notFound, 4, 1);
    const invalid = await call(url, { tool_name: 'media_search', arguments: {} });
    expectError(invalid, 400, 'INVALID_INPUT');
    expectRateHeaders(invalid, 4, 0);
    const limited = await call(url, LIBRARY_LIST);
    expectError(limited, 429, 'RATE_LIMITED');
    expectRateHeaders(limited, 4, 0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key has its own budget.
    expectRateHeaders(await get(url, '/tools', READER), 4, 3);
  });
});
