import type { Page } from '../http/route.js';
import type { PageSlice } from '../services/page.js';

/** The largest page the services answer; the CLI reads lists in pages of this size. */
const PAGE_SIZE = 100;

/** Every item of a paged service list, read page by page. */
export async function allItems<T>(readPage: (page: PageSlice) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await readPage({ offset: items.length, per_page: PAGE_SIZE });
    items.push(...page.items);
    // An empty page ends it too: rows removed meanwhile must not make this loop forever.
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
