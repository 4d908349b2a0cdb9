import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import type { Fields } from '../../http/responses.js';
import { itemTypeOf } from '../../library/hierarchy.js';
import { canSeeSection } from '../../library/section-access.js';
import { LIBRARY_PROVIDER } from '../../library/uri.js';
import { sectionContainerFields } from '../../render/metadata.js';
import type { EmulatorState } from '../../state/store.js';
import type { ItemRecord, ItemType } from '../../state/types.js';

/** The media provider identifier of the library, as clients pass it to `/:/scrobble` and friends. */
export const LIBRARY_IDENTIFIER = LIBRARY_PROVIDER;

/**
 * The item a ratingKey names, when the caller may see it. Items in sections not shared with the
 * caller are as unknown as missing ones (404), as PMS answers shared users.
 */
export function visibleItem(ctx: RequestContext, ratingKey: string | undefined): ItemRecord {
  const account = requireAccount(ctx);
  const item = ratingKey === undefined ? undefined : ctx.state.items.get(ratingKey);
  if (!item || !canSeeSection(account, item.sectionId)) {
    throw new HttpError(404, `no metadata item ${ratingKey ?? ''}`);
  }
  return item;
}

/**
 * Container attributes for a list of items: the section's hoisted fields when they all come
 * from one section, otherwise the library-wide ones and `mixedParents`.
 */
export function libraryFields(state: EmulatorState, sectionIds: Iterable<number>): Fields {
  const distinct = [...new Set(sectionIds)];
  const [first] = distinct;
  if (distinct.length === 1 && first !== undefined) return sectionContainerFields(state, first);
  const {
    librarySectionID: _id,
    librarySectionTitle: _title,
    librarySectionUUID: _uuid,
    ...common
  } = sectionContainerFields(state, first ?? -1);
  return {
    allowSync: true,
    identifier: LIBRARY_IDENTIFIER,
    ...common,
    mixedParents: distinct.length > 1 ? true : undefined,
  };
}

/** An item type from Plex's numeric `type`, or undefined for numbers the library does not hold. */
export function typeFromNumber(value: string | null): ItemType | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? itemTypeOf(number) : undefined;
}
