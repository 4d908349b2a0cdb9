import type { Context, Env } from 'hono';
import type * as v from 'valibot';
// One definition of the scopes (with their stored form) for routes and storage alike.
import type { Scope } from '../storage/scopes.js';
import type { PageRequest } from './pagination.js';
import type { BodySchema, PathParam, QuerySchema } from './validation.js';

export type { Scope };

/** The HTTP methods a `/v1` route may answer. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler receives: validated params, query and body, and the page for list routes. */
export interface RouteInput<
  P extends Record<string, PathParam>,
  Q extends QuerySchema | undefined,
  B extends BodySchema | undefined,
> {
  params: { [K in keyof P]: string };
  query: Q extends QuerySchema ? v.InferOutput<Q> : Record<string, never>;
  body: B extends BodySchema ? v.InferOutput<B> : undefined;
  /** The page asked for (`?page=&per_page=`, checked); list routes only. */
  page: PageRequest;
}

/** One page of a list route's items and how many exist in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** A list route: `data` is an array, and the handler answers one page of it. */
interface ListShape<R extends v.GenericSchema, E extends Env, In> {
  list: true;
  response: R;
  handler: (
    input: In,
    c: Context<E>,
  ) =>
    | Page<v.InferInput<R> extends (infer T)[] ? T : never>
    | Promise<Page<v.InferInput<R> extends (infer T)[] ? T : never>>;
}

/** Any other route: the handler answers `data`. */
interface OneShape<R extends v.GenericSchema, E extends Env, In> {
  list?: false;
  response: R;
  handler: (input: In, c: Context<E>) => v.InferInput<R> | Promise<v.InferInput<R>>;
}

/** A route as written with `defineRoute`. */
export type RouteSpec<
  E extends Env,
  P extends Record<string, PathParam>,
  Q extends QuerySchema | undefined,
  B extends BodySchema | undefined,
  R extends v.GenericSchema,
> = {
  method: Method;
  /** Below `/v1`, Hono style: `/api-keys/:id`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** Longer prose for the OpenAPI document. */
  description?: string;
  /** The scope a key needs; absent: any valid key. Checked before the arguments. */
  scope?: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** 201 for creates; 200 otherwise. */
  status?: 200 | 201;
} & (ListShape<R, E, RouteInput<P, Q, B>> | OneShape<R, E, RouteInput<P, Q, B>>);

/** A route in a table: its types erased so routes of different shapes sit in one array. */
export interface Route<E extends Env = Env> {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  scope?: Scope;
  params?: Record<string, PathParam>;
  query?: QuerySchema;
  body?: BodySchema;
  status?: 200 | 201;
  list?: boolean;
  response: v.GenericSchema;
  handler: (
    input: RouteInput<Record<string, PathParam>, QuerySchema | undefined, BodySchema | undefined>,
    c: Context<E>,
  ) => unknown;
}

/** The `:name` parameters of a Hono path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
}

/**
 * A route of the `/v1` table, with its handler's input and answer typed from its schemas. The
 * path's `:params` must each have a test, so no id reaches a handler unchecked.
 */
export function defineRoute<
  E extends Env = Env,
  P extends Record<string, PathParam> = Record<never, PathParam>,
  Q extends QuerySchema | undefined = undefined,
  B extends BodySchema | undefined = undefined,
  R extends v.GenericSchema = v.GenericSchema,
>(spec: RouteSpec<E, P, Q, B, R>): Route<E> {
  const named = pathParamNames(spec.path);
  const tested = Object.keys(spec.params ?? {});
  const untested = named.filter((name) => !tested.includes(name));
  const stray = tested.filter((name) => !named.includes(name));
  if (untested.length > 0 || stray.length > 0 || !spec.path.startsWith('/')) {
    throw new TypeError(
      `Route ${spec.method} ${spec.path}: path parameters and params must match (untested: ${untested.join(', ') || 'none'}; not in path: ${stray.join(', ') || 'none'}).`,
    );
  }
  return spec as unknown as Route<E>;
}
