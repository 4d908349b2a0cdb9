import * as v from 'valibot';
import { bool, list, mediaContainer, num, opt } from './common.js';
import { metadataItemEntries, metadataItemSchema } from './metadata.js';

/**
 * Collections: library items of type `collection` that group other items of one section. They
 * use the metadata item's fields (`childCount`, `minYear`, `maxYear`, `smart`, `content`,
 * `collectionMode`, `collectionSort`, numbers here although Plex sends some as strings).
 */
export const collectionSchema = v.object({
  ...metadataItemEntries,
  /** Smart collections: filter by the viewing user (1) or by the admin (0). */
  collectionFilterBasedOnUser: opt(num),
  collectionPublished: opt(bool),
});

/** Section collection lists and collection writes: collections in `Metadata`. */
export const collectionsContainerSchema = mediaContainer({ Metadata: list(collectionSchema) });

/** `GET /library/collections/{id}/children`: the members. */
export const collectionItemsContainerSchema = mediaContainer({
  Metadata: list(metadataItemSchema),
});

/** A collection of library items. */
export type Collection = v.InferOutput<typeof collectionSchema>;
