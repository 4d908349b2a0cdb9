import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { addCollectionMembers, createCollection, setSmartContent } from './collection-ops.js';
import { itemsOfContent, readContentUri } from './content.js';
import { itemTypeOf } from './hierarchy.js';
import { readSmartFilter } from './smart-filter.js';

/*
 * What a client's content `uri` does to a collection: a smart one stores it as its filter, a
 * dumb one takes the items it names (not their leaves: a collection of shows holds shows).
 */

/** A `POST /library/collections` request, parsed. */
export interface CollectionRequest {
  sectionId: number;
  title: string;
  /** The members' type; else the smart filter's, the first member's or the section's. */
  subtype?: ItemType | undefined;
  uri?: string | null | undefined;
  smart: boolean;
  /** Whose sections and playlists `uri` may name. */
  accountId: number;
}

/**
 * Creates a collection from a request: a smart one from a section filter uri, a dumb one with
 * the items the uri names, or empty without a uri (Kometa creates blank ones). 400 when the
 * filter or the members' type cannot be worked out.
 */
export function createCollectionFrom(
  state: EmulatorState,
  request: CollectionRequest,
  now: number,
): ItemRecord {
  const { sectionId, title, subtype, uri } = request;
  if (request.smart) {
    const filter = uri ? readSmartFilter(state, uri, 'path') : undefined;
    if (!filter) throw new HttpError(400, 'smart collections need a filter uri');
    const filterType = itemTypeOf(Number(filter.query.get('type')));
    const type = subtype ?? filterType ?? state.sections.get(sectionId)?.type;
    if (!type) throw new HttpError(400, 'bad smart collection filter');
    return createCollection(
      state,
      { sectionId, title, subtype: type, smartContent: filter.content },
      now,
    );
  }
  const members = uri ? itemsOfContent(state, readContentUri(state, uri), request.accountId) : [];
  const type = subtype ?? members[0]?.type;
  if (!type) throw new HttpError(400, 'collection type unknown: pass type or uri');
  return createCollection(state, { sectionId, title, subtype: type, members }, now);
}

/**
 * `PUT …/items?uri=`: a smart collection's filter is replaced, a dumb one gains the items the
 * uri names (members already in it are not repeated).
 */
export function addUriToCollection(
  state: EmulatorState,
  collection: ItemRecord,
  uri: string,
  accountId: number,
  now: number,
): void {
  if (collection.smart) {
    const filter = readSmartFilter(state, uri, 'path');
    if (!filter) throw new HttpError(400, 'smart collections take a filter uri');
    setSmartContent(state, collection, filter.content, now);
    return;
  }
  addCollectionMembers(
    state,
    collection,
    itemsOfContent(state, readContentUri(state, uri), accountId),
    now,
  );
}
