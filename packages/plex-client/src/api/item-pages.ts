import type * as v from 'valibot';
import type { Hub } from '../schemas/hubs.js';
import type { MetadataItem, metadataContainerSchema } from '../schemas/metadata.js';
import { type Page, toPage } from './paging.js';

/**
 * A page of library items. Lists from one section carry the section on the container, not on
 * each item; it is copied onto items that lack it (as python-plexapi does) and kept here too.
 */
export interface ItemPage extends Page<MetadataItem> {
  /** The section every item is from, when the list is from one section. */
  librarySectionID: number | undefined;
  librarySectionTitle: string | undefined;
}

/** Builds an `ItemPage` from a parsed item container. */
export function toItemPage(
  body: v.InferOutput<typeof metadataContainerSchema>,
  requestedOffset: number,
): ItemPage {
  const container = body.MediaContainer;
  const { librarySectionID, librarySectionTitle } = container;
  const items = container.Metadata.map((item) => withSection(item, container));
  return { ...toPage(items, container, requestedOffset), librarySectionID, librarySectionTitle };
}

/** An item with the container's section facts filled in where the item has none. */
export function withSection(
  item: MetadataItem,
  container: {
    librarySectionID?: number | undefined;
    librarySectionTitle?: string | undefined;
    librarySectionUUID?: string | undefined;
  },
): MetadataItem {
  if (item.librarySectionID !== undefined || container.librarySectionID === undefined) return item;
  return {
    ...item,
    librarySectionID: container.librarySectionID,
    librarySectionTitle: item.librarySectionTitle ?? container.librarySectionTitle,
    librarySectionUUID: item.librarySectionUUID ?? container.librarySectionUUID,
  };
}

/** Hubs from one section's container, their items given the section where they lack it. */
export function hubsWithSection(
  hubs: Hub[],
  container: { librarySectionID?: number | undefined; librarySectionTitle?: string | undefined },
): Hub[] {
  if (container.librarySectionID === undefined) return hubs;
  return hubs.map((hub) => ({
    ...hub,
    items: hub.items.map((item) => withSection(item, container)),
  }));
}
