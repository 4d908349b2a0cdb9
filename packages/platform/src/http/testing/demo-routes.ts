import { Hono } from 'hono';
import * as v from 'valibot';
import { mountRoutes } from '../mount.js';
import { PlatformError } from '../platform-error.js';
import { defineRoute, type Route } from '../route.js';
import { pathId } from '../validation.js';

/** Test-only: a `/v1` table over an in-memory list of widgets, exercising every route shape. */

const WIDGET_ID = /^wid_[0-9A-Za-z]{4}$/;

/** A widget as `/v1` answers it: `secret_hash` is stored but not declared, so never sent. */
export const Widget = v.object({
  id: v.pipe(v.string(), v.description('wid_…')),
  name: v.string(),
  color: v.picklist(['red', 'blue']),
  tags: v.array(v.string()),
});

/** What the store holds: more than the answer declares. */
interface StoredWidget {
  id: string;
  name: string;
  color: 'red' | 'blue';
  tags: string[];
  secret_hash: string;
}

/** The widget table and its store, fresh for each test. */
export function demoRoutes() {
  const store: StoredWidget[] = [];
  let next = 1000;
  const add = (name: string, color: 'red' | 'blue' = 'red', tags: string[] = []) => {
    const widget = { id: `wid_${next++}`, name, color, tags, secret_hash: 'sha256:do-not-leak' };
    store.push(widget);
    return widget;
  };
  const find = (id: string) => {
    const widget = store.find((w) => w.id === id);
    if (!widget) throw new PlatformError('not_found', 404, `No widget ${id}.`);
    return widget;
  };
  const id = pathId((s) => WIDGET_ID.test(s), 'A widget id (wid_…).');

  const routes: Route[] = [
    defineRoute({
      method: 'GET',
      path: '/widgets',
      summary: 'List widgets',
      scope: 'read',
      list: true,
      query: v.object({ color: v.optional(v.picklist(['red', 'blue'])) }),
      response: v.array(Widget),
      handler: ({ query, page }) => {
        const all = store.filter((w) => !query.color || w.color === query.color);
        return { items: all.slice(page.offset, page.offset + page.per_page), total: all.length };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/widgets/:id',
      summary: 'One widget',
      scope: 'read',
      params: { id },
      response: Widget,
      handler: ({ params }) => find(params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/widgets',
      summary: 'Create a widget',
      scope: 'write',
      status: 201,
      body: v.strictObject({
        name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(40)),
        color: v.optional(v.picklist(['red', 'blue'])),
        tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(10))), v.maxLength(3))),
      }),
      response: Widget,
      handler: ({ body }) => add(body.name, body.color, body.tags),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/widgets/:id',
      summary: 'Delete a widget',
      scope: 'delete',
      params: { id },
      response: v.object({ id: v.string(), deleted: v.literal(true) }),
      handler: ({ params }) => {
        const widget = find(params.id);
        store.splice(store.indexOf(widget), 1);
        return { id: widget.id, deleted: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/boom',
      summary: 'Fails unexpectedly',
      response: v.null(),
      handler: () => {
        throw new Error('connect failed: postgres://plex:hunter2@db.internal/plexmcp');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/wrong-answer',
      summary: 'Answers data its schema refuses',
      response: Widget,
      // Cast: the point is a handler whose answer does not fit, as a bug would.
      handler: () => ({ id: 'wid_x', name: 42 }) as never,
    }),
    defineRoute({
      method: 'GET',
      path: '/busy',
      summary: 'Refuses with headers',
      response: v.null(),
      handler: () => {
        throw new PlatformError(
          'rate_limited',
          429,
          'Slow down.',
          { limit: 10 },
          {
            'retry-after': '1',
          },
        );
      },
    }),
  ];
  return { routes, store, add };
}

/**
 * The demo table mounted on a `/v1` sub-app inside a root app, as the server will mount it. The
 * `x-test-scopes` header stands in for a key's scopes; the log is captured.
 */
export function demoApp(extra: Route[] = []) {
  const demo = demoRoutes();
  const logged: string[] = [];
  const v1 = new Hono();
  mountRoutes(v1, [...demo.routes, ...extra], {
    log: { error: (message) => logged.push(message) },
    authorize: (c, route) => {
      const scopes = (c.req.header('x-test-scopes') ?? 'read,write,delete,admin').split(',');
      if (route.scope && !scopes.includes(route.scope)) {
        throw new PlatformError('forbidden', 403, `This needs the ${route.scope} scope.`);
      }
    },
    openapi: { title: 'Demo', version: '9.9.9', schemas: { Widget } },
  });
  const app = new Hono();
  app.get('/health', (c) => c.text('ok'));
  app.route('/v1', v1);
  return { app, logged, ...demo };
}
