import type { PageQuery, PageResult, Pages } from './types.js';

/**
 * Walks a list page by page from `query.page` (default 1), fetching each page as the previous
 * one is consumed; stops after the last page or after a failed one, which is yielded.
 */
export async function* pagesOf<I, Q extends PageQuery>(
  list: (query: Q) => Promise<PageResult<I>>,
  query: Q,
): Pages<I> {
  for (let page = query.page ?? 1; ; page++) {
    const result = await list({ ...query, page });
    yield result;
    if (result.error || page >= result.pagination.total_pages) return;
  }
}
