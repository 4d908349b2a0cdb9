/** The window a client asked for with `X-Plex-Container-Start` / `-Size` (header or query). */
export interface PageRequest {
  start: number;
  /** Undefined when the client did not ask for a size: Plex then answers the whole list. */
  size: number | undefined;
  /** Plex's `limit` query: caps the list before paging, and the reported total with it. */
  limit: number | undefined;
}

/** One page cut from a list, with the numbers Plex reports about it. */
export interface Page<T> {
  items: T[];
  offset: number;
  totalSize: number;
}

/** Reads the paging window from headers first, then from the query string. */
export function readPageRequest(
  headers: Pick<Headers, 'get'>,
  query: URLSearchParams,
): PageRequest {
  const pick = (name: string) => headers.get(name) ?? query.get(name) ?? undefined;
  return {
    start: toCount(pick('X-Plex-Container-Start')) ?? 0,
    size: toCount(pick('X-Plex-Container-Size')),
    limit: toCount(query.get('limit') ?? undefined),
  };
}

/** Cuts a page out of a list without copying the parts outside it. */
export function cutPage<T>(list: readonly T[], request: PageRequest): Page<T> {
  const total = request.limit === undefined ? list.length : Math.min(request.limit, list.length);
  const offset = Math.min(request.start, total);
  const end = request.size === undefined ? total : Math.min(total, offset + request.size);
  return { items: list.slice(offset, end), offset, totalSize: total };
}

function toCount(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}
