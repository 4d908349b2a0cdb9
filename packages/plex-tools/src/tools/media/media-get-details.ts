import type { Media, MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing } from '../../shared/inputs.js';
import { isoTime } from '../../shared/outputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { isWatched } from './shared.js';

/** Cast members listed; `cast_total` says how many there are. */
const CAST_SHOWN = 10;

/** External id schemes split out of `Guid`. */
const GUID_SCHEMES = ['imdb', 'tmdb', 'tvdb'] as const;

const optString = v.optional(v.string());
const optNumber = v.optional(v.number());

/** One media version: quality, codecs and the files that hold it. */
function versionOf(media: Media) {
  return {
    id: String(media.id),
    resolution: media.videoResolution,
    width: media.width,
    height: media.height,
    video_codec: media.videoCodec,
    audio_codec: media.audioCodec,
    audio_channels: media.audioChannels,
    container: media.container,
    bitrate_kbps: media.bitrate,
    duration_ms: media.duration,
    size_bytes: media.Part.reduce((sum, part) => sum + (part.size ?? 0), 0),
    files: media.Part.map((part) => ({ path: part.file, size_bytes: part.size })),
  };
}

function guidsOf(item: MetadataItem) {
  const guids: Partial<Record<(typeof GUID_SCHEMES)[number], string>> = {};
  for (const { id } of item.Guid) {
    const [scheme, value] = id.split('://');
    if (value && GUID_SCHEMES.includes(scheme as (typeof GUID_SCHEMES)[number]))
      guids[scheme as (typeof GUID_SCHEMES)[number]] = value;
  }
  return guids;
}

const tags = (list: readonly { tag: string }[]) => list.map((tag) => tag.tag);

/** media_get_details: everything about one item, with counts of its children. */
export const mediaGetDetails = defineTool({
  name: 'media_get_details',
  module: 'media',
  access: 'read',
  title: 'Media details',
  description: "An item's summary, people, ratings, files, quality, external ids.",
  input: v.object(mediaAddressing),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    year: optNumber,
    library: optString,
    library_id: optString,
    parent: v.optional(v.object({ id: v.string(), title: v.string() })),
    grandparent: v.optional(v.object({ id: v.string(), title: v.string() })),
    index: optNumber,
    parent_index: optNumber,
    original_title: optString,
    sort_title: optString,
    summary: optString,
    tagline: optString,
    studio: optString,
    content_rating: optString,
    originally_available_at: optString,
    duration_ms: optNumber,
    genres: v.array(v.string()),
    directors: v.array(v.string()),
    writers: v.array(v.string()),
    countries: v.array(v.string()),
    labels: v.array(v.string()),
    collections: v.array(v.string()),
    cast: v.array(v.object({ name: v.string(), role: optString })),
    cast_total: v.number(),
    ratings: v.object({ critic: optNumber, audience: optNumber, user: optNumber }),
    media: v.array(
      v.object({
        id: v.string(),
        resolution: optString,
        width: optNumber,
        height: optNumber,
        video_codec: optString,
        audio_codec: optString,
        audio_channels: optNumber,
        container: optString,
        bitrate_kbps: optNumber,
        duration_ms: optNumber,
        size_bytes: v.number(),
        files: v.array(v.object({ path: optString, size_bytes: optNumber })),
      }),
    ),
    guids: v.object({ imdb: optString, tmdb: optString, tvdb: optString, plex: optString }),
    watched: v.object({
      watched: v.boolean(),
      view_count: v.number(),
      last_viewed_at: optString,
      view_offset_ms: optNumber,
    }),
    children: v.optional(
      v.object({ child_count: optNumber, leaf_count: optNumber, viewed_leaf_count: optNumber }),
    ),
    locked_fields: v.array(v.string()),
    added_at: optString,
    updated_at: optString,
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const parentKey = item.grandparentRatingKey !== undefined ? item.parentRatingKey : undefined;
    const hasChildren = item.childCount !== undefined || item.leafCount !== undefined;
    return {
      id: item.ratingKey,
      title: item.title,
      type: item.type,
      year: item.year,
      library: item.librarySectionTitle,
      library_id: item.librarySectionID === undefined ? undefined : String(item.librarySectionID),
      parent:
        item.parentRatingKey !== undefined && item.parentTitle !== undefined
          ? { id: item.parentRatingKey, title: item.parentTitle }
          : undefined,
      grandparent:
        item.grandparentRatingKey !== undefined && item.grandparentTitle !== undefined
          ? { id: item.grandparentRatingKey, title: item.grandparentTitle }
          : undefined,
      index: item.type === 'show' || item.type === 'artist' ? undefined : item.index,
      parent_index: parentKey === undefined ? undefined : item.parentIndex,
      original_title: item.originalTitle,
      sort_title: item.titleSort,
      summary: item.summary,
      tagline: item.tagline,
      studio: item.studio,
      content_rating: item.contentRating,
      originally_available_at: item.originallyAvailableAt,
      duration_ms: item.duration,
      genres: tags(item.Genre),
      directors: tags(item.Director),
      writers: tags(item.Writer),
      countries: tags(item.Country),
      labels: tags(item.Label),
      collections: tags(item.Collection),
      cast: item.Role.slice(0, CAST_SHOWN).map((role) => ({ name: role.tag, role: role.role })),
      cast_total: item.Role.length,
      ratings: { critic: item.rating, audience: item.audienceRating, user: item.userRating },
      media: item.Media.map(versionOf),
      guids: {
        ...guidsOf(item),
        plex: item.guid?.startsWith('plex://') ? item.guid : undefined,
      },
      watched: {
        watched: isWatched(item),
        view_count: item.viewCount ?? 0,
        last_viewed_at: isoTime(item.lastViewedAt),
        view_offset_ms: item.viewOffset,
      },
      children: hasChildren
        ? {
            child_count: item.childCount,
            leaf_count: item.leafCount,
            viewed_leaf_count: item.viewedLeafCount,
          }
        : undefined,
      locked_fields: item.Field.filter((field) => field.locked).map((field) => field.name),
      added_at: isoTime(item.addedAt),
      updated_at: isoTime(item.updatedAt),
    };
  },
});
