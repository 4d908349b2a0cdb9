import * as v from 'valibot';
import { list, mediaContainer, num } from './common.js';
import { hubDirectorySchema } from './hubs.js';
import { metadataItemSchema } from './metadata.js';

/**
 * `GET /library/search`: one flat list, best match first. Each `SearchResult` holds ONE
 * `Metadata` object (a library item) or ONE `Directory` object (a person or tag), not arrays.
 */
export const searchResultSchema = v.pipe(
  v.object({
    score: v.optional(num, 0),
    Metadata: v.optional(metadataItemSchema),
    Directory: v.optional(hubDirectorySchema),
  }),
  v.transform(({ score, Metadata, Directory }): SearchResult | undefined => {
    if (Metadata) return { kind: 'item', score, item: Metadata };
    if (Directory) return { kind: 'directory', score, directory: Directory };
    return undefined;
  }),
);

/** `GET /library/search`; entries that hold neither an item nor a directory are dropped. */
export const searchResultsContainerSchema = mediaContainer({
  SearchResult: v.pipe(
    list(searchResultSchema),
    v.transform((results) =>
      results.filter((result): result is SearchResult => result !== undefined),
    ),
  ),
});

/** One `/library/search` result: a library item or a person/tag, with a 0..1 `score`. */
export type SearchResult =
  | { kind: 'item'; score: number; item: v.InferOutput<typeof metadataItemSchema> }
  | { kind: 'directory'; score: number; directory: v.InferOutput<typeof hubDirectorySchema> };
