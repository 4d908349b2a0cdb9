import { encodePng, type PngFill } from '../formats/png.js';
import { cutPage, type Page, type PageRequest } from './paging.js';

/** Fields of a MediaContainer (or of any Plex element) before empty values are dropped. */
export type Fields = Record<string, unknown>;

/**
 * Drops what real Plex leaves out: undefined/null attributes and empty arrays. PMS never sends
 * `"Genre": []`, so clients must default missing arrays, and the emulator makes them.
 */
export function omitEmpty<T extends Fields>(fields: T): T {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

/** A `{"MediaContainer": {...}}` JSON response; `size` is filled from the children when absent. */
export function container(fields: Fields, childKey?: string, init?: ResponseInit): Response {
  const children = childKey ? fields[childKey] : undefined;
  const size = Array.isArray(children) ? children.length : 0;
  return json({ MediaContainer: omitEmpty({ size, ...fields }) }, init);
}

/**
 * A paged MediaContainer: `offset`, `totalSize` and `size` in the body and the
 * `X-Plex-Container-Start` / `-Total-Size` headers, as PMS pages.
 */
export function pagedContainer<T>(
  page: Page<T>,
  childKey: string,
  render: (item: T) => Fields,
  fields: Fields = {},
): Response {
  const headers = {
    'X-Plex-Container-Start': String(page.offset),
    'X-Plex-Container-Total-Size': String(page.totalSize),
  };
  return container(
    {
      size: page.items.length,
      offset: page.offset,
      totalSize: page.totalSize,
      ...fields,
      [childKey]: page.items.map(render),
    },
    childKey,
    { headers },
  );
}

/**
 * A MediaContainer list that PMS pages only when the client asks for a window
 * (`X-Plex-Container-Start` / `-Size`): then with `offset`, `totalSize` and the paging headers,
 * as any list; without one, the whole list. For lists whose routes are not paged by default.
 */
export function listContainer(request: PageRequest, fields: Fields, childKey: string): Response {
  const children = fields[childKey];
  const asked = request.size !== undefined || request.start > 0;
  if (!asked || !Array.isArray(children)) return container(fields, childKey);
  const { size: _whole, ...rest } = fields;
  return pagedContainer(cutPage(children as Fields[], request), childKey, (child) => child, rest);
}

/**
 * JSON bodies of responses built here. The Response itself is made without a body: a string body
 * makes undici build a ReadableStream at once, a twentieth of the emulator's CPU per request,
 * which the socket server never reads (it writes the text). `withBody` gives `fetch()` callers
 * the body back.
 */
const BUFFERED = new WeakMap<Response, string>();

/** The JSON text a response was built with here, if any. */
export function bufferedBody(response: Response): string | undefined {
  return BUFFERED.get(response);
}

/** The response with its buffered body in place, for callers that read Responses themselves. */
export function withBody(response: Response): Response {
  const text = BUFFERED.get(response);
  if (text === undefined) return response;
  return new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** A plain JSON response (plex.tv answers bare objects and arrays, not MediaContainers). */
export function json(body: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  const response = new Response(null, { ...init, headers });
  BUFFERED.set(response, JSON.stringify(body));
  return response;
}

/** A painted PNG image; PMS lets clients cache its images for three days. */
export function pngResponse(width: number, height: number, fill: PngFill): Response {
  const png = encodePng(width, height, fill);
  return new Response(new Uint8Array(png), {
    status: 200,
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Cache-Control': 'max-age=259200',
    },
  });
}

/** The empty-body 200 PMS answers to most mutations. */
export function emptyOk(): Response {
  return new Response(null, { status: 200, headers: { 'Content-Length': '0' } });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** PMS answers errors with a small HTML page, even when JSON was asked for. */
export function htmlError(status: number, init?: ResponseInit): Response {
  const reason = REASONS[status] ?? 'Error';
  const body = `<html><head><title>${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`;
  const headers = new Headers(init?.headers);
  headers.set('Content-Type', 'text/html');
  return new Response(body, { ...init, status, headers });
}
