import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { leavesUnder, orderedChildren } from './children.js';
import { itemsFor } from './query.js';
import { evaluateSectionQuery } from './section-query.js';
import { type ContentPath, LIBRARY_PROVIDER, parseContentUri } from './uri.js';

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
      const named = itemsFor(state, path.ratingKeys);
      if (path.view === 'self') return named;
      return named.flatMap((item) =>
        path.view === 'children' ? orderedChildren(state, item) : leavesUnder(state, item),
      );
    }
    case 'section':
      return evaluateSectionQuery(state, path.sectionId, path.query);
    case 'playlist': {
      const playlist = state.playlists.get(path.playlistId);
      if (!playlist || playlist.accountId !== accountId) return [];
      return itemsFor(
        state,
        playlist.entries.map((entry) => entry.ratingKey),
      );
    }
    case 'collection': {
      const collection = state.items.get(path.collectionId);
      return collection?.type === 'collection' ? orderedChildren(state, collection) : [];
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
