import * as v from 'valibot';
import { bool, type Extend, list, mediaContainer, num, opt } from './common.js';
import { type MetadataItemEntries, metadataItemEntries, metadataItemSchema } from './metadata.js';

/**
 * Collections: library items of type `collection` that group other items of one section. They
 * use the metadata item's fields (`childCount`, `minYear`, `maxYear`, `smart`, `content`,
 * `collectionMode`, `collectionSort`, numbers here although Plex sends some as strings).
 */
const collectionExtras = {
  /** Smart collections: filter by the viewing user (1) or by the admin (0). */
  collectionFilterBasedOnUser: opt(num),
  collectionPublished: opt(bool),
};

/** The schema of `Collection`. */
export interface CollectionSchema
  extends v.ObjectSchema<Extend<MetadataItemEntries, typeof collectionExtras>, undefined> {}
export const collectionSchema: CollectionSchema = v.object({
  ...metadataItemEntries,
  ...collectionExtras,
});

/** Section collection lists and collection writes: collections in `Metadata`. */
export const collectionsContainerSchema = mediaContainer({ Metadata: list(collectionSchema) });

/** `GET /library/collections/{id}/children`: the members. */
export const collectionItemsContainerSchema = mediaContainer({
  Metadata: list(metadataItemSchema),
});

/** A collection of library items. */
export interface Collection extends v.InferOutput<CollectionSchema> {}
