import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';
import { defineRoute } from './route.js';
import { demoApp, demoRoutes, Widget } from './testing/demo-routes.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
// ajv-formats is CommonJS: its plugin is the module's `default` under NodeNext.
const addFormats = formats.default;

// biome-ignore lint/suspicious/noExplicitAny: the tests walk deep into a JSON document.
type Json = any;

/** The document the demo app serves. */
async function served(app: ReturnType<typeof demoApp>['app']): Promise<Json> {
  const response = await app.request('/v1/openapi.json');
  return response.json();
}

/** Every `$ref` in a JSON value, with where it was found. */
function refsIn(value: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string'
      ? [{ ref: inner, at }]
      : refsIn(inner, `${at}/${key}`),
  );
}

/** The value a local `#/…` JSON pointer names, or undefined. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      document,
    );
}

/** Every schema object of the document: components, parameters, bodies and responses. */
function schemasOf(document: Json): { at: string; schema: unknown }[] {
  const found = Object.entries(document.components.schemas ?? {}).map(([name, schema]) => ({
    at: `components.schemas.${name}`,
    schema,
  }));
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters ?? []) as { name: string; schema: unknown }[]) {
        found.push({ at: `${where} parameter ${p.name}`, schema: p.schema });
      }
      const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)
        ?.content['application/json'];
      if (body) found.push({ at: `${where} body`, schema: body.schema });
      for (const [status, response] of Object.entries(
        op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>,
      )) {
        const schema = response.content?.['application/json']?.schema;
        if (schema) found.push({ at: `${where} ${status}`, schema });
      }
    }
  }
  return found;
}

/** A validator for the document's JSON Schemas, resolving `#/components/…` against it. */
function validatorFor(document: Json) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // OpenAPI's own annotation on operations' schemas is not used here; the component schemas are
  // registered under the document's URI so `#/components/schemas/X` resolves.
  ajv.addSchema({ $id: 'openapi.json', $defs: document.components.schemas }, 'openapi.json');
  return (schema: unknown) =>
    ajv.compile({
      $id: `check-${Math.random()}`,
      ...JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/', '"openapi.json#/$defs/'),
      ),
    });
}

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info, relative servers and both security schemes', async () => {
    const { app } = demoApp();
    const response = await app.request('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document: Json = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Demo', version: '9.9.9' });
    expect(document.servers).toEqual([{ url: '/v1' }]);
    expect(document.security).toEqual([{ bearerAuth: [] }, { apiKeyHeader: [] }]);
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>' },
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
    });
  });

  it('has every route of the table, and only those', async () => {
    const { app, routes } = demoApp();
    const document = await served(app);
    const listed = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, item]) =>
        Object.keys(item)
          .filter((key) => METHODS.includes(key))
          .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('shows a route added to the table', async () => {
    const extra = defineRoute({
      method: 'PATCH',
      path: '/widgets/:id/colour',
      summary: 'Recolour a widget',
      scope: 'write',
      params: { id: { test: () => true, description: 'A widget id.' } },
      body: v.strictObject({ color: v.picklist(['red', 'blue']) }),
      response: Widget,
      handler: () => {
        throw new Error('not called');
      },
    });
    const without = await served(demoApp().app);
    expect(without.paths['/widgets/{id}/colour']).toBeUndefined();
    const document = await served(demoApp([extra]).app);
    const op = document.paths['/widgets/{id}/colour'].patch;
    expect(op.summary).toBe('Recolour a widget');
    expect(op['x-plexmcp-scope']).toBe('write');
    expect(op.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'A widget id.',
        schema: { type: 'string' },
      },
    ]);
    expect(op.requestBody.content['application/json'].schema).toEqual({
      type: 'object',
      properties: { color: { enum: ['red', 'blue'], type: 'string' } },
      required: ['color'],
      additionalProperties: false,
    });
  });

  it('documents parameters, bodies, statuses and envelopes from the schemas', () => {
    const document = buildOpenApi(demoRoutes().routes, { schemas: { Widget } });
    const list = document.paths['/widgets']!.get!;
    expect(list.parameters).toEqual([
      expect.objectContaining({
        name: 'page',
        in: 'query',
        schema: { type: 'integer', minimum: 1, default: 1 },
      }),
      expect.objectContaining({
        name: 'per_page',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      }),
      {
        name: 'color',
        in: 'query',
        required: false,
        schema: { enum: ['red', 'blue'], type: 'string' },
      },
    ]);
    expect(list.responses).toMatchObject({
      '200': {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                success: { const: true },
                data: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
                pagination: { $ref: '#/components/schemas/Pagination' },
              },
              required: ['success', 'data', 'pagination'],
            },
          },
        },
      },
    });

    const create = document.paths['/widgets']!.post!;
    expect(Object.keys(create.responses as object).sort()).toEqual(
      ['201', '400', '401', '403', '404', '429', '500'].sort(),
    );
    expect(create.requestBody).toMatchObject({
      required: true,
      content: {
        'application/json': {
          schema: {
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1, maxLength: 40 } },
          },
        },
      },
    });
    for (const [status, name] of [
      ['400', 'BadRequest'] as const,
      ['401', 'Unauthorized'],
      ['403', 'Forbidden'],
      ['404', 'NotFound'],
      ['429', 'RateLimited'],
      ['500', 'InternalError'],
    ]) {
      expect((create.responses as Record<string, unknown>)[status]).toEqual({
        $ref: `#/components/responses/${name}`,
      });
    }
    expect(document.components.schemas!.Error).toMatchObject({
      properties: {
        success: { const: false },
        error: { required: ['code', 'message', 'details'] },
      },
    });
  });

  it('resolves every $ref', () => {
    const document = buildOpenApi(demoRoutes().routes, { schemas: { Widget } });
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const { ref, at } of refs) {
      expect(resolve(document, ref), `${ref} at ${at}`).toBeTypeOf('object');
    }
  });

  it('has only valid JSON Schema 2020-12 objects, and the answers the app gives fit them', async () => {
    const { app, add } = demoApp();
    const document = await served(app);
    const compile = validatorFor(document);
    const schemas = schemasOf(document);
    expect(schemas.length).toBeGreaterThan(10);
    for (const { at, schema } of schemas) {
      expect(schema, at).toBeTypeOf('object');
      expect(() => compile(schema), at).not.toThrow();
    }

    // The document describes what the server really answers, errors included.
    const widget = add('Gear');
    const fits = async (path: string, status: string, method = 'get', schemaPath = path) => {
      const response = await app.request(`/v1${path}`, { method: method.toUpperCase() });
      const op = document.paths[schemaPath][method];
      const declared = op.responses[status];
      const schema = (declared.$ref ? resolve(document, declared.$ref) : declared).content[
        'application/json'
      ].schema;
      const validate = compile(schema);
      const body = await response.json();
      expect(String(response.status)).toBe(status);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    };
    await fits('/widgets', '200');
    await fits(`/widgets/${widget.id}`, '200', 'get', '/widgets/{id}');
    await fits('/widgets?page=0', '400', 'get', '/widgets');
    await fits('/widgets/nope', '404', 'get', '/widgets/{id}');
    await fits('/boom', '500');
  });

  it('refuses a schema that cannot be expressed, rather than dropping it', () => {
    const route = defineRoute({
      method: 'GET',
      path: '/odd',
      summary: 'Answers a function',
      response: v.function(),
      handler: () => () => undefined,
    });
    expect(() => buildOpenApi([route])).toThrow(/function/);
  });
});
