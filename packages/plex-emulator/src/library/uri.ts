/**
 * Content URIs: how clients name "what to put in" a playlist, collection or play queue.
 *
 * Forms seen in the wild (python-plexapi across versions, Plex Web, the API docs):
 * - `server://{machineId}/com.plexapp.plugins.library/library/metadata/1001,1002`
 * - `server://{machineId}/com.plexapp.plugins.library/library/sections/1/all?type=1&sort=…`
 * - `server://{machineId}/com.plexapp.plugins.library/playlists/42`
 * - `library://{sectionUuid}/directory//library/metadata/1001,1002` (older python-plexapi)
 * - `library:///directory/%2Flibrary%2Fmetadata%2F1001%2C1002` (play queues from a list)
 * - `library://{sectionUuid}/item/%2Flibrary%2Fmetadata%2F1001` and `…/item/library/metadata/1001`
 * - a bare path such as `/library/metadata/1001`.
 */

/** The library identifier PMS uses as the provider of its own content. */
export const LIBRARY_PROVIDER = 'com.plexapp.plugins.library';

/** What a content URI points at, once its wrapping is removed. */
export type ContentPath =
  | {
      kind: 'metadata';
      ratingKeys: string[];
      /** `children`/`allLeaves` when the URI names a parent's listing rather than the parent. */
      view: 'self' | 'children' | 'allLeaves';
    }
  | { kind: 'section'; sectionId: number; query: URLSearchParams }
  | { kind: 'playlist'; playlistId: string }
  | { kind: 'collection'; collectionId: string };

/** A parsed content URI. */
export interface ContentUri {
  scheme: 'server' | 'library' | 'path';
  /** The machine identifier (`server://`) or section UUID (`library://`); empty when absent. */
  authority: string;
  /** `server://` URIs name a provider; only the library provider is served. */
  provider: string;
  path: ContentPath;
}

/** Parses a content URI; undefined when it is not one the emulator understands. */
export function parseContentUri(input: string): ContentUri | undefined {
  // A client that encoded the whole URI once more than the query string needs.
  const uri = /^(server|library)%3A/i.test(input) ? decodeEmbedded(input) : input;
  if (uri.startsWith('server://')) {
    const rest = uri.slice('server://'.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return undefined;
    const authority = rest.slice(0, slash);
    const afterHost = rest.slice(slash + 1);
    const providerEnd = afterHost.indexOf('/');
    if (providerEnd < 0) return undefined;
    const provider = afterHost.slice(0, providerEnd);
    const path = parsePath(afterHost.slice(providerEnd));
    return path ? { scheme: 'server', authority, provider, path } : undefined;
  }
  if (uri.startsWith('library://')) {
    const rest = uri.slice('library://'.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return undefined;
    const authority = rest.slice(0, slash);
    const match = /^(directory|item)\/?(.*)$/.exec(rest.slice(slash + 1));
    if (!match) return undefined;
    const path = parsePath(decodeEmbedded(match[2] ?? ''));
    return path ? { scheme: 'library', authority, provider: LIBRARY_PROVIDER, path } : undefined;
  }
  const path = uri.startsWith('/') ? parsePath(uri) : undefined;
  return path ? { scheme: 'path', authority: '', provider: LIBRARY_PROVIDER, path } : undefined;
}

/**
 * `library://` URIs carry their path raw, percent-encoded, or encoded twice (python-plexapi's
 * play queues `quote_plus` the path before the query string is encoded), so decode until the
 * path separators show.
 */
function decodeEmbedded(text: string): string {
  let current = text;
  for (let round = 0; round < 3 && /%(2F|25|3A)/i.test(current); round++) {
    try {
      current = decodeURIComponent(current.replace(/\+/g, ' '));
    } catch {
      break;
    }
  }
  return current;
}

function parsePath(raw: string): ContentPath | undefined {
  const queryAt = raw.indexOf('?');
  const pathPart = (queryAt < 0 ? raw : raw.slice(0, queryAt)).replace(/\/{2,}/g, '/');
  const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;

  const metadata = /^\/library\/metadata\/([^/]+)(?:\/(children|allLeaves))?\/?$/.exec(path);
  if (metadata) {
    const ratingKeys = decodeURIComponent(metadata[1] ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== '');
    if (ratingKeys.length === 0) return undefined;
    const view = (metadata[2] ?? 'self') as 'self' | 'children' | 'allLeaves';
    return { kind: 'metadata', ratingKeys, view };
  }
  const section = /^\/library\/sections\/(\d+)\/all\/?$/.exec(path);
  if (section) return { kind: 'section', sectionId: Number(section[1]), query };
  const playlist = /^\/playlists\/(\d+)(?:\/items)?\/?$/.exec(path);
  if (playlist) return { kind: 'playlist', playlistId: playlist[1] ?? '' };
  const collection = /^\/library\/collections\/(\d+)(?:\/(?:children|items))?\/?$/.exec(path);
  if (collection) return { kind: 'collection', collectionId: collection[1] ?? '' };
  return undefined;
}
