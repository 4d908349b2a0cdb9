import type * as v from 'valibot';
import type { RequestSpec, Transport } from '../http/transport.js';
import { withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** Which slice of a list to fetch. Plex always receives container start and size. */
export interface PageOptions {
  /** Default 0. */
  offset?: number;
  /** Default 50. */
  limit?: number;
}

/** One page of a Plex list. */
export interface Page<T> {
  items: T[];
  offset: number;
  /** Size of the whole list, as Plex reports it (`totalSize`, else what came back). */
  totalSize: number;
}

/** Default page size for list calls. */
export const DEFAULT_PAGE_SIZE = 50;

/** The window to request for page options, defaults filled. */
export function pageWindow(options: PageOptions = {}): { offset: number; limit: number } {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new TypeError(`offset must be a whole number ≥ 0; got ${offset}`);
  }
  if (!Number.isInteger(limit) || limit < 0) {
    throw new TypeError(`limit must be a whole number ≥ 0; got ${limit}`);
  }
  return { offset, limit };
}

/** Builds a page from a container's paging numbers and its items. */
export function toPage<T>(
  items: T[],
  container: { offset?: number | undefined; totalSize?: number | undefined },
  requestedOffset: number,
): Page<T> {
  const offset = container.offset ?? requestedOffset;
  return { items, offset, totalSize: container.totalSize ?? offset + items.length };
}

/** A container whose `Metadata` entries are one page of a list. */
interface MetadataPageContainer<T> {
  MediaContainer: { Metadata: T[]; offset?: number | undefined; totalSize?: number | undefined };
}

/**
 * One page of a list answered as `MediaContainer.Metadata`: sends the window of `options` as
 * container start and size (`page` in the spec) and reads the paging numbers back.
 */
export async function fetchMetadataPage<T>(
  transport: Transport,
  spec: Omit<RequestSpec, 'page' | 'signal'>,
  schema: v.GenericSchema<unknown, MetadataPageContainer<T>>,
  options: PageOptions & CallOptions,
): Promise<Page<T>> {
  const page = pageWindow(options);
  const body = await transport.json({ ...spec, page, ...withSignal(options) }, schema);
  return toPage(body.MediaContainer.Metadata, body.MediaContainer, page.offset);
}

/**
 * Walks a whole list page by page with bounded memory: at most one page is held at a time.
 * Stops at the reported total or on an empty page, whichever comes first.
 */
export async function* iteratePages<T>(
  fetchPage: (window: { offset: number; limit: number }) => Promise<Page<T>>,
  pageSize = 100,
): AsyncGenerator<T, void, undefined> {
  let offset = 0;
  for (;;) {
    const page = await fetchPage({ offset, limit: pageSize });
    if (page.items.length === 0) return;
    yield* page.items;
    offset += page.items.length;
    if (offset >= page.totalSize) return;
  }
}
