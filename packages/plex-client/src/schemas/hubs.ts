import * as v from 'valibot';
import { bool, id, list, mediaContainer, num, opt } from './common.js';
import { type MetadataItem, metadataItemSchema } from './metadata.js';

/**
 * Hubs: the shelves of the home screen (`/hubs`), a section (`/hubs/sections/{id}`), an item's
 * related items (`/library/metadata/{id}/related`) and search results (`/hubs/search`).
 */

/**
 * A `Directory` in a hub that is not a library item: a person, genre or other tag that matched
 * a search (`type: "tag"`, `tagType` 6 actor, 4 director, 1 genre …).
 */
export const hubDirectorySchema = v.object({
  /** The items carrying it (`/library/sections/1/all?actor=197429`). */
  key: opt(id),
  type: opt(v.string()),
  id: opt(num),
  /** The filter that lists its items (`actor=197429`). */
  filter: opt(v.string()),
  tag: opt(v.string()),
  title: opt(v.string()),
  tagType: opt(num),
  tagKey: opt(v.string()),
  thumb: opt(v.string()),
  /** How many items carry it. */
  count: opt(num),
  /** Search relevance, 0..1. */
  score: opt(num),
  librarySectionID: opt(num),
  librarySectionTitle: opt(v.string()),
  librarySectionKey: opt(v.string()),
  librarySectionType: opt(num),
});

const hubEntries = {
  hubIdentifier: v.string(),
  title: v.string(),
  /** The item type on the shelf, or `mixed`. */
  type: v.string(),
  /** The whole list behind the shelf; fetch it for more than `size` items. */
  key: opt(v.string()),
  /** `/library/metadata/{ids}` of the items shown. */
  hubKey: opt(v.string()),
  context: opt(v.string()),
  /** `shelf`, `hero`, `list`, … */
  style: opt(v.string()),
  size: v.optional(num, 0),
  totalSize: opt(num),
  /** Whether the list behind `key` has more than the shelf shows. */
  more: v.optional(bool, false),
  promoted: opt(bool),
  Metadata: list(metadataItemSchema),
  // Search hubs list shows, seasons, artists, albums and collections as `Directory` too.
  Directory: list(v.union([metadataItemSchema, hubDirectorySchema])),
};

/** The schema of a hub as Plex sends it (items in `Metadata` and `Directory`). */
export interface HubObjectSchema extends v.ObjectSchema<typeof hubEntries, undefined> {}
const hubObjectSchema: HubObjectSchema = v.object(hubEntries);

/** A hub as Plex sends it. */
export interface RawHub extends v.InferOutput<HubObjectSchema> {}

/** A hub: `items` are library items (from `Metadata` and item `Directory` entries), `directories` tags. */
export interface Hub extends Omit<RawHub, 'Metadata' | 'Directory'> {
  items: MetadataItem[];
  directories: HubDirectory[];
}

/** A hub: a titled shelf of items (and, in search, of matching people or tags). */
export const hubSchema = v.pipe(
  hubObjectSchema,
  v.transform(({ Metadata, Directory, ...hub }: RawHub): Hub => {
    const items: MetadataItem[] = [...Metadata];
    const directories: HubDirectory[] = [];
    for (const entry of Directory) {
      if ('ratingKey' in entry) items.push(entry);
      else directories.push(entry);
    }
    return { ...hub, items, directories };
  }),
);

/** A container of hubs (`/hubs`, `/hubs/search`, `/hubs/sections/{id}`, `…/related`). */
export const hubsContainerSchema = mediaContainer({
  librarySectionID: opt(num),
  librarySectionTitle: opt(v.string()),
  Hub: list(hubSchema),
});

/** A person or tag in a hub (search results for actors, directors, genres). */
export type HubDirectory = v.InferOutput<typeof hubDirectorySchema>;
