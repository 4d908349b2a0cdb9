import type { Context, Env, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { listed, success } from './envelope.js';
import { type ErrorLog, handleError, STDERR_LOG } from './errors.js';
import { buildOpenApi, type OpenApiDocument, type OpenApiOptions } from './openapi.js';
import { type PageRequest, paginationOf, parsePagination } from './pagination.js';
import { notFound, PlatformError } from './platform-error.js';
import type { Page, Route } from './route.js';
import { readJsonBody, validateBody, validateParams, validateQuery } from './validation.js';

/** How a route table is mounted. */
export interface MountOptions<E extends Env> {
  /** Where causes of 500s go (stderr by default). */
  log?: ErrorLog;
  /**
   * Runs before anything of the request is read, so scope is checked before arguments (a read
   * key calling a write route gets 403 whatever it sends). Throw a PlatformError to refuse.
   */
  authorize?: (c: Context<E>, route: Route<E>) => void | Promise<void>;
  /** The OpenAPI document's info and named schemas; `GET /openapi.json` serves it. */
  openapi?: OpenApiOptions;
}

/** What a handler answered, checked against the route's `data` schema. */
function checkedData(
  route: { method: string; path: string; response: v.GenericSchema },
  data: unknown,
): unknown {
  const result = v.safeParse(route.response, data);
  if (result.success) return result.output;
  // Our own answer is wrong: a 500, and the log names the fields (never their values).
  const fields = result.issues.map((issue) => v.getDotPath(issue) ?? '(data)').join(', ');
  throw new Error(
    `${route.method} ${route.path} answered data that fails its schema at: ${fields}`,
  );
}

/**
 * Registers a route table on a Hono sub-app meant to be mounted at `/v1`: each route with its
 * validation (authorize → path ids → page → query → body), `GET /openapi.json` generated from
 * the same table, 405 with `Allow` for other methods on a known path, 404 for unknown paths, and
 * every failure as the error envelope. Routes answer the success envelope; data passes through
 * the route's response schema, so a field it does not declare (a hash, a secret) never leaves.
 */
export function mountRoutes<E extends Env>(
  app: Hono<E>,
  routes: readonly Route<E>[],
  options: MountOptions<E> = {},
): void {
  app.onError(handleError(options.log ?? STDERR_LOG));

  let document: OpenApiDocument | undefined;
  // Built on first request: converting every schema is work a server that is never asked skips.
  app.get('/openapi.json', (c) => {
    document ??= buildOpenApi(routes, options.openapi);
    return c.json(document);
  });

  const allowed = new Map<string, Set<string>>([['/openapi.json', new Set(['GET'])]]);
  for (const route of routes) {
    const methods = allowed.get(route.path) ?? new Set<string>();
    if (methods.has(route.method)) {
      throw new TypeError(`Route ${route.method} ${route.path} is defined twice.`);
    }
    allowed.set(route.path, methods.add(route.method));

    app.on(route.method, route.path, async (c) => {
      if (options.authorize) await options.authorize(c, route);
      const params = validateParams(route.params ?? {}, c.req.param() as Record<string, string>);
      const page: PageRequest = route.list
        ? parsePagination({ page: c.req.query('page'), per_page: c.req.query('per_page') })
        : parsePagination({});
      const query = route.query ? validateQuery(route.query, c.req.query()) : {};
      const body = route.body ? validateBody(route.body, await readJsonBody(c)) : undefined;

      const answer = await route.handler({ params, query, body, page } as never, c);
      const status = (route.status ?? 200) as ContentfulStatusCode;
      if (route.list) {
        const { items, total } = answer as Page<unknown>;
        const data = checkedData(route, items) as unknown[];
        return c.json(listed(data, paginationOf(page, total)), status);
      }
      return c.json(success(checkedData(route, answer)), status);
    });
  }

  for (const [path, methods] of allowed) {
    // Hono answers HEAD with the GET route, so HEAD is allowed wherever GET is.
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
    app.all(path, () => {
      throw new PlatformError(
        'method_not_allowed',
        405,
        `Method not allowed: use ${allow} here.`,
        { allow: allow.split(', ') },
        { allow },
      );
    });
  }

  // Last, so it answers only what nothing above did: inside `/v1` every miss is the envelope.
  app.all('*', () => {
    throw notFound('No such endpoint under /v1. GET /v1/openapi.json lists them all.');
  });
}
