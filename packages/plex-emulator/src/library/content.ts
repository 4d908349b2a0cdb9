import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import { ITEM_TYPES, type ItemRecord, type ItemType, TYPE_NUMBER } from '../state/types.js';
import { type ContentPath, LIBRARY_PROVIDER, parseContentUri } from './uri.js';

/** Types that are played directly; everything else is a container of them. */
const LEAF_TYPES = new Set<ItemType>(['movie', 'episode', 'track', 'photo']);

/** The item type a Plex type number names, if the emulator stores that type. */
export function itemTypeOf(typeNumber: number): ItemType | undefined {
  for (const [name, value] of Object.entries(TYPE_NUMBER)) {
    if (value === typeNumber && isItemType(name)) return name;
  }
  return undefined;
}

function isItemType(name: string): name is ItemType {
  return (ITEM_TYPES as readonly string[]).includes(name);
}

/**
 * Parses a client's `uri` parameter and checks it names this server; PMS answers 400 to URIs
 * it cannot resolve (another server's machine id, an unknown section UUID, an unknown provider).
 */
export function readContentUri(state: EmulatorState, uri: string): ContentPath {
  const parsed = parseContentUri(uri);
  if (!parsed) throw new HttpError(400, `unsupported content uri ${uri}`);
  if (parsed.provider !== LIBRARY_PROVIDER) throw new HttpError(400, `unknown provider ${uri}`);
  if (parsed.scheme === 'server' && parsed.authority !== state.server.machineIdentifier) {
    throw new HttpError(400, `uri names another server: ${parsed.authority}`);
  }
  if (parsed.scheme === 'library' && parsed.authority !== '') {
    const known = [...state.sections.values()].some((s) => s.uuid === parsed.authority);
    if (!known) throw new HttpError(400, `unknown library section uuid ${parsed.authority}`);
  }
  return parsed.path;
}

/** The items a content path names, without expanding parents (what a collection stores). */
export function itemsOfContent(
  state: EmulatorState,
  path: ContentPath,
  accountId: number,
): ItemRecord[] {
  switch (path.kind) {
    case 'metadata': {
      const named = resolveKeys(state, path.ratingKeys);
      if (path.view === 'self') return named;
      return named.flatMap((item) =>
        path.view === 'children' ? state.childrenOf(item) : leavesUnder(state, item),
      );
    }
    case 'section':
      return evaluateSectionQuery(state, path.sectionId, path.query);
    case 'playlist': {
      const playlist = state.playlists.get(path.playlistId);
      if (!playlist || playlist.accountId !== accountId) return [];
      return resolveKeys(
        state,
        playlist.entries.map((entry) => entry.ratingKey),
      );
    }
    case 'collection': {
      const collection = state.items.get(path.collectionId);
      return collection?.type === 'collection' ? state.childrenOf(collection) : [];
    }
  }
}

/** The playable leaves a content path names: a show becomes its episodes, an album its tracks. */
export function leavesOfContent(
  state: EmulatorState,
  path: ContentPath,
  accountId: number,
): ItemRecord[] {
  return itemsOfContent(state, path, accountId).flatMap((item) => leavesUnder(state, item));
}

/** Every playable item under an item, in display order (the item itself for a leaf). */
export function leavesUnder(state: EmulatorState, item: ItemRecord): ItemRecord[] {
  if (LEAF_TYPES.has(item.type)) return [item];
  return state.childrenOf(item).flatMap((child) => leavesUnder(state, child));
}

function resolveKeys(state: EmulatorState, keys: readonly string[]): ItemRecord[] {
  const items: ItemRecord[] = [];
  for (const key of keys) {
    const item = state.items.get(key);
    if (item) items.push(item);
  }
  return items;
}

/**
 * A deliberately small reading of a section query for smart playlists and collections: the
 * `type`, a `title` substring, `sort` on a few common fields and `limit`. Other filters are
 * ignored, so a smart list is a superset of what PMS would return for the same rules.
 */
export function evaluateSectionQuery(
  state: EmulatorState,
  sectionId: number,
  query: URLSearchParams,
): ItemRecord[] {
  const section = state.sections.get(sectionId);
  if (!section) return [];
  const typeNumber = Number(query.get('type') ?? Number.NaN);
  const type = Number.isInteger(typeNumber) ? itemTypeOf(typeNumber) : section.type;
  if (!type) return [];
  let items = resolveKeys(state, state.keysOf(sectionId, type));
  const title = query.get('title')?.toLowerCase();
  if (title) items = items.filter((item) => item.title.toLowerCase().includes(title));
  const sort = query.get('sort');
  if (sort) items = sortItems(items, sort);
  const limit = Number(query.get('limit') ?? Number.NaN);
  return Number.isInteger(limit) && limit >= 0 ? items.slice(0, limit) : items;
}

const SORT_FIELDS: Record<string, (item: ItemRecord) => string | number> = {
  title: (item) => (item.titleSort ?? item.title).toLowerCase(),
  titleSort: (item) => (item.titleSort ?? item.title).toLowerCase(),
  addedAt: (item) => item.addedAt,
  updatedAt: (item) => item.updatedAt,
  year: (item) => item.year ?? 0,
  originallyAvailableAt: (item) => item.originallyAvailableAt ?? '',
  duration: (item) => item.duration ?? 0,
  rating: (item) => item.rating ?? 0,
  audienceRating: (item) => item.audienceRating ?? 0,
};

function sortItems(items: ItemRecord[], sort: string): ItemRecord[] {
  const [rawField = '', direction] = (sort.split(',')[0] ?? '').split(':');
  const field = rawField.includes('.') ? rawField.slice(rawField.lastIndexOf('.') + 1) : rawField;
  const key = SORT_FIELDS[field];
  if (!key) return items;
  const sign = direction === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -sign : x > y ? sign : 0;
  });
}

/**
 * The `content` PMS reports for a smart filter: playlists wrap the section query in a
 * `library://{uuid}/directory/{encoded}` URI, collections show the bare path (both recorded).
 */
export function smartContentUri(
  state: EmulatorState,
  sectionId: number,
  query: URLSearchParams,
  form: 'library' | 'path' = 'library',
): string | undefined {
  const section = state.sections.get(sectionId);
  if (!section) return undefined;
  const path = `/library/sections/${sectionId}/all${query.size > 0 ? `?${query}` : ''}`;
  return form === 'path' ? path : `library://${section.uuid}/directory/${encodeURIComponent(path)}`;
}
