/** Which slice of a list a service answers: as `parsePagination` reads it from a request. */
export interface PageSlice {
  offset: number;
  per_page: number;
}

/** A slice for callers without a request (the CLI): everything up to `limit` items. */
export function firstItems(limit: number): PageSlice {
  return { offset: 0, per_page: limit };
}
