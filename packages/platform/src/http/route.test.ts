import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { mountRoutes } from './mount.js';
import { defineRoute } from './route.js';
import { pathId } from './validation.js';

const any = pathId(() => true, 'Anything.');

describe('defineRoute', () => {
  it('refuses a path parameter without a test, so no id reaches a handler unchecked', () => {
    expect(() =>
      defineRoute({
        method: 'GET',
        path: '/keys/:id',
        summary: 'One key',
        response: v.null(),
        handler: () => null,
      }),
    ).toThrow('untested: id; not in path: none');
  });

  it('refuses a test for a parameter the path does not have', () => {
    expect(() =>
      defineRoute({
        method: 'GET',
        path: '/keys/:id',
        summary: 'One key',
        params: { id: any, key: any },
        response: v.null(),
        handler: () => null,
      }),
    ).toThrow('untested: none; not in path: key');
  });
});

describe('mountRoutes', () => {
  it('refuses the same method and path twice', () => {
    const route = defineRoute({
      method: 'GET',
      path: '/twice',
      summary: 'Twice',
      response: v.null(),
      handler: () => null,
    });
    expect(() => mountRoutes(new Hono(), [route, route])).toThrow(
      'Route GET /twice is defined twice.',
    );
  });
});
