import type { Library, MetadataTypeName } from '@plexmcp/plex-client';
import { ToolError } from '../../errors.js';

/** The item types each kind of library holds, top level first. */
export const SECTION_TYPES: Readonly<Record<string, readonly MetadataTypeName[]>> = {
  movie: ['movie'],
  show: ['show', 'season', 'episode'],
  artist: ['artist', 'album', 'track'],
  photo: ['photo'],
};

/** The item type to list in a library: the one asked for, checked, or the library's own. */
export function itemTypeIn(library: Library, mediaType: string | undefined): MetadataTypeName {
  const types = SECTION_TYPES[library.type] ?? [];
  if (mediaType === undefined) return types[0] ?? (library.type as MetadataTypeName);
  if (!types.includes(mediaType as MetadataTypeName)) {
    throw new ToolError(
      'INVALID_INPUT',
      `Library "${library.title}" holds ${types.join(', ')} items, not ${mediaType}; pick one of those.`,
      { media_types: [...types] },
    );
  }
  return mediaType as MetadataTypeName;
}
