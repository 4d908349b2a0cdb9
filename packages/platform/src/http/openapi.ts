import {
  type ConversionConfig,
  type JsonSchema,
  toJsonSchema,
  toJsonSchemaDefs,
} from '@valibot/to-json-schema';
import type { Env } from 'hono';
import type * as v from 'valibot';
import { ErrorEnvelopeSchema, listSchema, PaginationSchema, successSchema } from './envelope.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './pagination.js';
import { pathParamNames, type Route } from './route.js';
import { jsonObject } from './validation.js';

/** The document's `info`, and named schemas to share as `#/components/schemas/<name>`. */
export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Schemas used by routes (by identity) that should appear once, by name, e.g. `{ ApiKey }`. */
  schemas?: Record<string, v.GenericSchema>;
}

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: '3.1.0';
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: Record<string, Record<string, unknown>>;
};

/** The error answers every route documents, by status: the component each refers to. */
const ERROR_RESPONSES = {
  '400': ['BadRequest', 'The request is malformed: details.fields names what to fix.'],
  '401': ['Unauthorized', 'No API key, or not a valid one.'],
  '403': ['Forbidden', "The key's scopes do not allow this."],
  '404': ['NotFound', 'No such object in this organization (or an id of the wrong shape).'],
  '429': ['RateLimited', "The plan's rate limit is spent; X-RateLimit-Reset says when it refills."],
  '500': ['InternalError', 'Unexpected failure; the server log has the details.'],
} as const;

const SECURITY = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

/** `/api-keys/:id` → `/api-keys/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** `GET /api-keys/:id` → `getApiKeysId`, stable and unique per method and path. */
function operationId(route: { method: string; path: string }): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return (
    route.method.toLowerCase() +
    words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')
  );
}

/**
 * The OpenAPI 3.1 document of a route table, generated from the same valibot schemas that
 * validate the routes, so the document cannot drift from what the server accepts and answers.
 * A schema that cannot be expressed in JSON Schema throws here (and so in the tests) rather
 * than being silently dropped; only `check` refinements are skipped, as prose cannot be derived.
 */
export function buildOpenApi<E extends Env>(
  routes: readonly Route<E>[],
  options: OpenApiOptions = {},
): OpenApiDocument {
  const named: Record<string, v.GenericSchema> = {
    Error: ErrorEnvelopeSchema,
    Pagination: PaginationSchema,
    ...options.schemas,
  };
  const base: ConversionConfig = {
    target: 'draft-2020-12',
    errorMode: 'throw',
    ignoreActions: ['check'],
    definitions: named,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    // The one custom schema of request bodies: what it checks is exactly JSON Schema's object.
    overrideSchema: ({ valibotSchema }) =>
      valibotSchema === jsonObject ? { type: 'object' } : undefined,
  };
  const convert = (schema: v.GenericSchema, typeMode: 'input' | 'output'): JsonSchema => {
    const {
      $schema: _dialect,
      $defs: _defs,
      ...json
    } = toJsonSchema(schema, { ...base, typeMode });
    return json;
  };

  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const parameters: Record<string, unknown>[] = pathParamNames(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      description: route.params?.[name]?.description,
      schema: { type: 'string' },
    }));
    if (route.list) {
      parameters.push(
        {
          name: 'page',
          in: 'query',
          description: 'Page number, from 1.',
          schema: { type: 'integer', minimum: 1, default: 1 },
        },
        {
          name: 'per_page',
          in: 'query',
          description: `Items per page, 1 to ${MAX_PER_PAGE}.`,
          schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
        },
      );
    }
    for (const [name, schema] of Object.entries(route.query?.entries ?? {})) {
      const json = convert(schema, 'input');
      const optional = schema.type === 'optional' || schema.type === 'exactOptional';
      parameters.push({
        name,
        in: 'query',
        required: !optional,
        ...(typeof json.description === 'string' ? { description: json.description } : {}),
        schema: json,
      });
    }

    const status = String(route.status ?? 200);
    const envelope = route.list ? listSchema(route.response) : successSchema(route.response);
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.scope ? { 'x-plexmcp-scope': route.scope } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: convert(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: {
          description: route.status === 201 ? 'Created.' : 'Success.',
          content: { 'application/json': { schema: convert(envelope, 'output') } },
        },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES).map(([code, [name]]) => [
            code,
            { $ref: `#/components/responses/${name}` },
          ]),
        ),
      },
    };
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation;
  }

  const { definitions: _named, ...defsConfig } = base;
  const schemas = toJsonSchemaDefs(named, { ...defsConfig, typeMode: 'output' });
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'PlexMCP platform API',
      version: options.version ?? '1',
      ...(options.description ? { description: options.description } : {}),
    },
    // Relative, so the document is right behind any host or path-prefix proxy.
    servers: [{ url: '/v1' }],
    security: SECURITY,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
      },
      schemas,
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(([name, description]) => [
          name,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
}
