import type { RequestContext } from './context.js';

/** HTTP methods the emulator routes. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A route handler: gets the parsed request, returns the response. */
export type Handler = (ctx: RequestContext) => Response | Promise<Response>;

/** One route. `path` uses `{name}` placeholders (Plex paths contain literal `:` segments). */
export interface Route {
  method: Method | Method[];
  path: string;
  handler: Handler;
  /** Routes Plex serves without a token (`/identity`, plex.tv PIN polling). */
  public?: boolean;
}

interface CompiledRoute {
  methods: Set<string>;
  pattern: RegExp;
  names: string[];
  route: Route;
}

/** Result of matching a request path against the route table. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** A small first-match router over `{param}` path patterns. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  /** Adds routes; earlier routes win over later ones that match the same path. */
  add(routes: readonly Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) =>
          segment.replace(/\{(\w+)\}|[^{}]+/g, (part, name: string | undefined) => {
            if (name === undefined) return escapeRegExp(part);
            names.push(name);
            return '([^/]+)';
          }),
        )
        .join('/');
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      this.routes.push({
        methods: new Set(methods),
        pattern: new RegExp(`^${source}/?$`),
        names,
        route,
      });
    }
    return this;
  }

  /** Finds the route for a method and decoded path. */
  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const compiled of this.routes) {
      const found = compiled.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (!compiled.methods.has(method)) continue;
      const params: Record<string, string> = {};
      compiled.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      return { kind: 'found', route: compiled.route, params };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
