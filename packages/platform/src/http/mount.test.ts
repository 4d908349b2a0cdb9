import { describe, expect, it } from 'vitest';
import { demoApp } from './testing/demo-routes.js';

const JSON_TYPE = { 'content-type': 'application/json' };

/** A request to the demo app; bodies given as objects are sent as JSON. */
async function call(
  app: ReturnType<typeof demoApp>['app'],
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { ...JSON_TYPE, ...headers };
  }
  const response = await app.request(path, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

describe('success envelopes', () => {
  it('answers one object as {success: true, data} with only the declared fields', async () => {
    const { app, add } = demoApp();
    const widget = add('Sprocket', 'blue', ['a']);
    const res = await call(app, 'GET', `/v1/widgets/${widget.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      success: true,
      data: { id: widget.id, name: 'Sprocket', color: 'blue', tags: ['a'] },
    });
    // The store's hash is not in the response schema, so it never leaves.
    expect(JSON.stringify(res.body)).not.toContain('do-not-leak');
  });

  it('answers a create with 201 and the new object', async () => {
    const { app, store } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', { name: 'Gear', tags: ['x', 'y'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: { id: store[0]!.id, name: 'Gear', color: 'red', tags: ['x', 'y'] },
    });
    expect(store).toHaveLength(1);
  });

  it('pages a list and reports page, per_page, total and total_pages', async () => {
    const { app, add } = demoApp();
    for (let i = 0; i < 45; i++) add(`w${i}`, i % 3 === 0 ? 'blue' : 'red');

    const first = await call(app, 'GET', '/v1/widgets');
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, per_page: 20, total: 45, total_pages: 3 });
    expect(first.body.data).toHaveLength(20);
    expect(first.body.data[0].name).toBe('w0');

    const last = await call(app, 'GET', '/v1/widgets?page=3&per_page=20');
    expect(last.body.pagination).toEqual({ page: 3, per_page: 20, total: 45, total_pages: 3 });
    expect(last.body.data.map((w: { name: string }) => w.name)).toEqual([
      'w40',
      'w41',
      'w42',
      'w43',
      'w44',
    ]);

    const beyond = await call(app, 'GET', '/v1/widgets?page=9&per_page=100');
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual({
      success: true,
      data: [],
      pagination: { page: 9, per_page: 100, total: 45, total_pages: 1 },
    });

    const blue = await call(app, 'GET', '/v1/widgets?color=blue&per_page=5');
    expect(blue.body.pagination).toEqual({ page: 1, per_page: 5, total: 15, total_pages: 3 });
    expect(blue.body.data.every((w: { color: string }) => w.color === 'blue')).toBe(true);
  });

  it('answers an empty list with total_pages 0', async () => {
    const { app } = demoApp();
    const res = await call(app, 'GET', '/v1/widgets');
    expect(res.body).toEqual({
      success: true,
      data: [],
      pagination: { page: 1, per_page: 20, total: 0, total_pages: 0 },
    });
  });

  it('deletes and then answers 404 for the same id', async () => {
    const { app, add, store } = demoApp();
    const widget = add('Gone');
    const res = await call(app, 'DELETE', `/v1/widgets/${widget.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { id: widget.id, deleted: true } });
    expect(store).toHaveLength(0);
    const again = await call(app, 'DELETE', `/v1/widgets/${widget.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });
});

describe('pagination is checked, never clamped', () => {
  it.each([
    ['page=0', 'page', 'must be a whole number of at least 1'],
    ['page=-1', 'page', 'must be a whole number of at least 1'],
    ['page=1.5', 'page', 'must be a whole number of at least 1'],
    ['page=abc', 'page', 'must be a whole number of at least 1'],
    ['page=', 'page', 'must be a whole number of at least 1'],
    ['per_page=0', 'per_page', 'must be a whole number from 1 to 100'],
    ['per_page=101', 'per_page', 'must be a whole number from 1 to 100'],
    ['per_page=1e2', 'per_page', 'must be a whole number from 1 to 100'],
    ['per_page=%2010', 'per_page', 'must be a whole number from 1 to 100'],
  ])('?%s → 400 naming %s', async (query, field, problem) => {
    const { app } = demoApp();
    const res = await call(app, 'GET', `/v1/widgets?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'invalid_request',
        message: `Bad pagination: ${field} ${problem}.`,
        details: { fields: [{ field, problem }] },
      },
    });
  });

  it('names both fields when both are wrong', async () => {
    const { app } = demoApp();
    const res = await call(app, 'GET', '/v1/widgets?page=0&per_page=500');
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'page',
      'per_page',
    ]);
  });

  it('accepts the bounds', async () => {
    const { app } = demoApp();
    expect((await call(app, 'GET', '/v1/widgets?page=1&per_page=1')).status).toBe(200);
    expect((await call(app, 'GET', '/v1/widgets?per_page=100')).status).toBe(200);
  });
});

describe('request validation', () => {
  it('refuses a query parameter outside its schema, naming it', async () => {
    const { app } = demoApp();
    const res = await call(app, 'GET', '/v1/widgets?color=green');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.fields).toEqual([
      { field: 'color', problem: expect.stringContaining('"red" | "blue"') },
    ]);
  });

  it('refuses malformed JSON with 400 invalid_request', async () => {
    const { app, store } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', '{"name": "Gear",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'invalid_request',
        message: 'The request body is not valid JSON.',
        details: null,
      },
    });
    expect(store).toHaveLength(0);
  });

  it.each([
    ['an array', '[]', 'array'],
    ['null', 'null', 'null'],
    ['a string', '"Gear"', 'string'],
  ])('refuses a body that is %s', async (_what, text, type) => {
    const { app } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', text);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({
      fields: [{ field: '(body)', problem: `must be an object, not ${type}` }],
    });
  });

  it('names every unknown field (valibot alone stops at the first)', async () => {
    const { app, store } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', { name: 'Gear', owner: 'me', secret: 's' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid_request',
      message: 'Invalid request body: owner is not a known field; secret is not a known field.',
      details: {
        fields: [
          { field: 'owner', problem: 'is not a known field' },
          { field: 'secret', problem: 'is not a known field' },
        ],
      },
    });
    expect(store).toHaveLength(0);
  });

  it('names missing, mistyped and oversized fields without echoing values', async () => {
    const { app } = demoApp();
    const missing = await call(app, 'POST', '/v1/widgets', {});
    expect(missing.body.error.details.fields).toEqual([{ field: 'name', problem: 'is required' }]);

    const wrongType = await call(app, 'POST', '/v1/widgets', { name: 12345, color: 'green' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.fields).toEqual([
      { field: 'name', problem: 'must be string, not number' },
      { field: 'color', problem: 'must be "red" | "blue", not string' },
    ]);
    expect(wrongType.body.error.message).not.toContain('12345');

    const long = await call(app, 'POST', '/v1/widgets', { name: 'x'.repeat(41) });
    expect(long.body.error.details.fields).toEqual([
      { field: 'name', problem: 'must be at most 40 characters' },
    ]);

    const empty = await call(app, 'POST', '/v1/widgets', { name: '' });
    expect(empty.body.error.details.fields).toEqual([
      { field: 'name', problem: 'must not be empty' },
    ]);
  });

  it('names nested fields by path', async () => {
    const { app } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', {
      name: 'Gear',
      tags: ['ok', 'much-too-long-tag', 3],
    });
    expect(res.body.error.details.fields).toEqual([
      { field: 'tags[1]', problem: 'must be at most 10 characters' },
      { field: 'tags[2]', problem: 'must be string, not number' },
    ]);
    const many = await call(app, 'POST', '/v1/widgets', {
      name: 'Gear',
      tags: ['a', 'b', 'c', 'd'],
    });
    expect(many.body.error.details.fields).toEqual([
      { field: 'tags', problem: 'must be at most 3 items' },
    ]);
  });

  it('reports unknown and wrong fields together', async () => {
    const { app } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', { nmae: 'Gear' });
    expect(res.body.error.details.fields).toEqual([
      { field: 'nmae', problem: 'is not a known field' },
      { field: 'name', problem: 'is required' },
    ]);
  });
});

describe('content type', () => {
  it.each([
    ['no Content-Type', undefined],
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['a JSON look-alike', 'application/jsonx'],
  ])('refuses a body sent with %s as 415', async (_what, type) => {
    const { app, store } = demoApp();
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    const response = await app.request('/v1/widgets', {
      method: 'POST',
      body: JSON.stringify({ name: 'Gear' }),
      headers,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      success: false,
      error: {
        code: 'unsupported_media_type',
        message: 'Send the body as JSON with Content-Type: application/json.',
        details: null,
      },
    });
    expect(store).toHaveLength(0);
  });

  it('accepts application/json with parameters, in any case', async () => {
    const { app } = demoApp();
    const res = await call(
      app,
      'POST',
      '/v1/widgets',
      { name: 'Gear' },
      {
        'content-type': 'Application/JSON; charset=utf-8',
      },
    );
    expect(res.status).toBe(201);
  });
});

describe('path ids', () => {
  it.each(['nope', 'wid_12', 'wid_12345', 'key_1000'])(
    'answers a malformed id (%s) 404 not_found without echoing it',
    async (id) => {
      const { app } = demoApp();
      const res = await call(app, 'GET', `/v1/widgets/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.success).toBe(false);
      expect(res.body.error.code).toBe('not_found');
      expect(res.body.error.message).not.toContain(id);
    },
  );

  it('checks the id before reading the body', async () => {
    const { app } = demoApp();
    const res = await call(app, 'DELETE', '/v1/widgets/nope', '{broken');
    expect(res.status).toBe(404);
  });
});

describe('authorization hook', () => {
  it('checks scope before arguments: a read key gets 403 whatever it sends', async () => {
    const { app } = demoApp();
    const res = await call(app, 'POST', '/v1/widgets', '{broken', { 'x-test-scopes': 'read' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'forbidden', message: 'This needs the write scope.', details: null },
    });
  });
});

describe('unknown paths and methods', () => {
  it('answers an unknown /v1 path 404 in the envelope', async () => {
    const { app } = demoApp();
    for (const path of ['/v1/nothing', '/v1/widgets/wid_1000/parts', '/v1/', '/v1']) {
      const res = await call(app, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.success, path).toBe(false);
      expect(res.body.error.code, path).toBe('not_found');
    }
  });

  it('leaves paths outside /v1 to the app it is mounted in', async () => {
    const { app } = demoApp();
    const res = await app.request('/health');
    expect(await res.text()).toBe('ok');
  });

  it('answers another method on a known path 405 with Allow', async () => {
    const { app } = demoApp();
    const list = await call(app, 'PUT', '/v1/widgets', { name: 'x' });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(list.body).toEqual({
      success: false,
      error: {
        code: 'method_not_allowed',
        message: 'Method not allowed: use GET, POST, HEAD here.',
        details: { allow: ['GET', 'POST', 'HEAD'] },
      },
    });
    const one = await call(app, 'POST', '/v1/widgets/wid_1000');
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('GET, DELETE, HEAD');
    const doc = await call(app, 'DELETE', '/v1/openapi.json');
    expect(doc.status).toBe(405);
    expect(doc.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('failures', () => {
  it('answers an unexpected exception 500 internal_error, leaking nothing, logging the cause', async () => {
    const { app, logged } = demoApp();
    const response = await app.request('/v1/boom');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: {
        code: 'internal_error',
        message: 'Unexpected failure; the server log has the details.',
        details: null,
      },
    });
    expect(text).not.toMatch(/hunter2|postgres|at .*\.ts/);
    expect(logged).toEqual([
      'GET /v1/boom failed: Error: connect failed: postgres://plex:hunter2@db.internal/plexmcp',
    ]);
  });

  it('answers 500 when a handler answers data its schema refuses, logging the field', async () => {
    const { app, logged } = demoApp();
    const res = await call(app, 'GET', '/v1/wrong-answer');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(JSON.stringify(res.body)).not.toContain('wid_x');
    expect(logged[0]).toContain('fails its schema at: name');
  });

  it('answers a thrown PlatformError as itself, headers included', async () => {
    const { app, logged } = demoApp();
    const res = await call(app, 'GET', '/v1/busy');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toEqual({
      success: false,
      error: { code: 'rate_limited', message: 'Slow down.', details: { limit: 10 } },
    });
    expect(logged).toEqual([]);
  });
});
