import { type Fields, omitEmpty } from '../http/responses.js';
import type { EmulatorState } from '../state/store.js';
import type {
  ItemRecord,
  MediaRecord,
  PartRecord,
  SectionRecord,
  StreamRecord,
  TagKind,
  TagRef,
} from '../state/types.js';
import {
  type DetailIncludes,
  derivedFields,
  detailExtras,
  headshot,
  plexKey,
  SLUG_TYPES,
  slugOf,
  ultraBlurColors,
} from './item-extras.js';
import { streamDetails } from './stream-details.js';

/**
 * How much of an item to render. `list` is what PMS sends in `/all`, hubs and children lists
 * (a few tags, no streams); `detail` is `/library/metadata/{id}` (every tag, streams, guids).
 */
export type Detail = 'list' | 'detail';

/** JSON element name and filter key for each tag kind. */
const TAG_ELEMENTS: Record<TagKind, { element: string; filter: string }> = {
  genre: { element: 'Genre', filter: 'genre' },
  director: { element: 'Director', filter: 'director' },
  writer: { element: 'Writer', filter: 'writer' },
  producer: { element: 'Producer', filter: 'producer' },
  role: { element: 'Role', filter: 'actor' },
  country: { element: 'Country', filter: 'country' },
  label: { element: 'Label', filter: 'label' },
  collection: { element: 'Collection', filter: 'collection' },
  style: { element: 'Style', filter: 'style' },
  mood: { element: 'Mood', filter: 'mood' },
};

/** Tags PMS includes in list views, and how many of each (it trims cast lists). */
const LIST_TAGS: Partial<Record<TagKind, number>> = {
  genre: 2,
  director: 1,
  writer: 1,
  country: 1,
  role: 3,
  label: 10,
  collection: 10,
};

/** Types whose `key` lists children rather than the item itself. */
const PARENT_TYPES = new Set(['show', 'season', 'artist', 'album', 'collection']);

/** The URL path of an item's image for a slot, versioned by `updatedAt` as PMS does. */
export function imagePath(item: ItemRecord, slot: 'thumb' | 'art' | 'banner' | 'theme'): string {
  return `/library/metadata/${item.ratingKey}/${slot}/${item.updatedAt}`;
}

/** Extra rendering switches that follow the request. */
export interface RenderOptions {
  /**
   * The container already carries `librarySectionID`/`Title` (a list from one section), so the
   * items leave them out, as PMS does — clients must read them from the container.
   */
  sectionHoisted?: boolean;
  /** `includeGuids=1`: list views carry the `Guid` array too (detail views always do). */
  guids?: boolean;
  /** What a detail request asked to include (chapters, markers, extras). */
  includes?: DetailIncludes;
}

/** Renders an item as a PMS `Metadata` element, with the caller's watch state. */
export function renderItem(
  state: EmulatorState,
  item: ItemRecord,
  accountId: number,
  detail: Detail = 'list',
  options: RenderOptions = {},
): Fields {
  const section = state.sections.get(item.sectionId);
  const watch = state.watchState(accountId, item.ratingKey);
  const parent = item.parentRatingKey ? state.items.get(item.parentRatingKey) : undefined;
  const grandparent = item.grandparentRatingKey
    ? state.items.get(item.grandparentRatingKey)
    : undefined;
  const isCollection = item.type === 'collection';

  return omitEmpty({
    ratingKey: item.ratingKey,
    key: PARENT_TYPES.has(item.type)
      ? `/library/metadata/${item.ratingKey}/children`
      : `/library/metadata/${item.ratingKey}`,
    guid: item.guid,
    studio: item.studio,
    type: item.type,
    subtype: isCollection ? item.subtype : undefined,
    title: item.title,
    titleSort: item.titleSort,
    originalTitle: item.originalTitle,
    ...(options.sectionHoisted
      ? {}
      : {
          librarySectionTitle: section?.title,
          librarySectionID: item.sectionId,
          librarySectionKey: `/library/sections/${item.sectionId}`,
        }),
    contentRating: item.contentRating,
    summary: item.summary ?? '',
    index: item.index,
    // Episodes carry their season number; seasons carry the show's index (always 1), a PMS quirk.
    parentIndex:
      item.parentIndex ??
      (item.type === 'episode' || item.type === 'season' ? (parent?.index ?? 1) : undefined),
    rating: item.rating,
    audienceRating: item.audienceRating,
    audienceRatingImage:
      item.audienceRating === undefined ? undefined : 'rottentomatoes://image.rating.upright',
    userRating: watch.userRating,
    lastRatedAt: watch.lastRatedAt,
    viewCount: watch.viewCount > 0 ? watch.viewCount : undefined,
    lastViewedAt: watch.lastViewedAt,
    viewOffset: watch.viewOffset,
    skipCount: watch.skipCount,
    year: item.year,
    tagline: item.tagline,
    slug: SLUG_TYPES.has(item.type) ? slugOf(item.title) : undefined,
    ratingImage: item.rating === undefined ? undefined : 'rottentomatoes://image.rating.ripe',
    thumb: imagePath(item, 'thumb'),
    art: imagePath(item, 'art'),
    banner: item.type === 'show' ? imagePath(item, 'banner') : undefined,
    theme: item.type === 'show' ? imagePath(item, 'theme') : undefined,
    UltraBlurColors: ultraBlurColors(item),
    duration: item.duration,
    originallyAvailableAt: item.originallyAvailableAt,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    ...familyFields(item, parent, grandparent),
    ...derivedFields(item, parent, grandparent),
    ...countFields(state, item, accountId),
    ...(isCollection ? collectionFields(state, item) : {}),
    Image: [
      {
        alt: item.title,
        type: item.type === 'episode' ? 'snapshot' : 'coverPoster',
        url: imagePath(item, 'thumb'),
      },
      { alt: item.title, type: 'background', url: imagePath(item, 'art') },
    ],
    Media: item.media.map((media) => renderMedia(item, media, detail)),
    ...renderTags(state, item, detail),
    Guid: detail === 'detail' || options.guids ? item.guids.map((id) => ({ id })) : undefined,
    ...(detail === 'detail' ? detailExtras(state, item, options.includes) : {}),
    Field:
      item.locked.size > 0 ? [...item.locked].map((name) => ({ locked: true, name })) : undefined,
  });
}

function familyFields(
  item: ItemRecord,
  parent: ItemRecord | undefined,
  grandparent: ItemRecord | undefined,
): Fields {
  if (!parent || item.type === 'collection') return {};
  return {
    parentRatingKey: parent.ratingKey,
    parentKey: `/library/metadata/${parent.ratingKey}`,
    parentGuid: parent.guid,
    parentTitle: parent.title,
    parentThumb: imagePath(parent, 'thumb'),
    // Seasons repeat their show's studio, year and theme (what a children list shows per row).
    parentYear: item.type === 'track' || item.type === 'season' ? parent.year : undefined,
    parentStudio: item.type === 'season' ? parent.studio : undefined,
    parentTheme: item.type === 'season' ? imagePath(parent, 'theme') : undefined,
    ...(grandparent
      ? {
          grandparentRatingKey: grandparent.ratingKey,
          grandparentKey: `/library/metadata/${grandparent.ratingKey}`,
          grandparentGuid: grandparent.guid,
          grandparentTitle: grandparent.title,
          grandparentThumb: imagePath(grandparent, 'thumb'),
          grandparentArt: imagePath(grandparent, 'art'),
          grandparentSlug: item.type === 'episode' ? slugOf(grandparent.title) : undefined,
          grandparentTheme: item.type === 'episode' ? imagePath(grandparent, 'theme') : undefined,
        }
      : {}),
  };
}

/** Leaf and child counts for parents; `viewedLeafCount` follows the caller's watch state. */
function countFields(state: EmulatorState, item: ItemRecord, accountId: number): Fields {
  if (
    item.type === 'show' ||
    item.type === 'season' ||
    item.type === 'artist' ||
    item.type === 'album'
  ) {
    const leaves = state.leavesOf(item);
    const viewed = leaves.filter(
      (leaf) => state.watchState(accountId, leaf.ratingKey).viewCount > 0,
    );
    const fields: Fields = { leafCount: leaves.length, viewedLeafCount: viewed.length };
    if (item.type === 'show' || item.type === 'artist') fields.childCount = item.childKeys.length;
    if (item.type === 'show') fields.seasonCount = item.childKeys.length;
    return fields;
  }
  return {};
}

/**
 * Collections report counts and years as strings in PMS JSON; smart ones also carry their
 * filter as `content`, which python-plexapi's smart filter helpers parse.
 */
function collectionFields(state: EmulatorState, item: ItemRecord): Fields {
  const years = state
    .childrenOf(item)
    .map((member) => member.year)
    .filter((year): year is number => year !== undefined);
  const content = item.extra?.content;
  return {
    childCount: String(item.childKeys.length),
    smart: item.smart ? '1' : '0',
    content: item.smart && typeof content === 'string' ? content : undefined,
    collectionMode: item.collectionMode,
    collectionSort: item.collectionSort,
    minYear: years.length > 0 ? String(Math.min(...years)) : undefined,
    maxYear: years.length > 0 ? String(Math.max(...years)) : undefined,
  };
}

/** Renders the tag arrays (`Genre`, `Director`, `Role`, …) for a view. */
export function renderTags(state: EmulatorState, item: ItemRecord, detail: Detail): Fields {
  const out: Fields = {};
  for (const [kind, tags] of Object.entries(item.tags) as [TagKind, TagRef[]][]) {
    const limit = detail === 'detail' ? Number.POSITIVE_INFINITY : LIST_TAGS[kind];
    if (limit === undefined || tags.length === 0) continue;
    const { element, filter } = TAG_ELEMENTS[kind];
    // List views abbreviate tags to their names; detail views add ids, filters, roles, photos.
    out[element] = tags.slice(0, limit).map((tag) => {
      if (detail === 'list') return { tag: tag.tag };
      const id = state.tagId(kind, tag.tag);
      const person =
        kind === 'role' || kind === 'director' || kind === 'writer' || kind === 'producer';
      return omitEmpty({
        id,
        filter: `${filter}=${id}`,
        tag: tag.tag,
        // People carry plex.tv's person key and a headshot; other tags are plain names.
        tagKey: person ? plexKey(`person:${tag.tag}`) : undefined,
        role: tag.role,
        thumb: tag.thumb ?? (person ? headshot(tag.tag) : undefined),
      });
    });
  }
  return out;
}

/** Renders one `Media` element; streams only in detail views, as PMS does. */
export function renderMedia(item: ItemRecord, media: MediaRecord, detail: Detail): Fields {
  return omitEmpty({
    ...mediaAttributes(media),
    Part: media.parts.map((part) => renderPart(item, part, detail)),
  });
}

/** The attributes of a `Media` element, as the library and sessions both describe the file. */
export function mediaAttributes(media: MediaRecord): Fields {
  return {
    id: media.id,
    duration: media.duration,
    bitrate: media.bitrate,
    width: media.width,
    height: media.height,
    aspectRatio: media.aspectRatio,
    audioChannels: media.audioChannels,
    audioCodec: media.audioCodec,
    videoCodec: media.videoCodec,
    videoResolution: media.videoResolution,
    container: media.container,
    videoFrameRate: media.videoFrameRate,
    videoProfile: media.videoProfile,
    audioProfile: media.audioCodec === 'aac' ? 'lc' : undefined,
    has64bitOffsets: false,
    // MP4s are remuxed with the index up front; PMS reports 1/0 here, not true/false.
    optimizedForStreaming: media.container === 'mp4' ? 1 : 0,
    hasVoiceActivity: false,
  };
}

/** The attributes of a `Part` element; its `key` changes with the item's `updatedAt`. */
export function partAttributes(item: ItemRecord, part: PartRecord): Fields {
  return {
    id: part.id,
    key: `/library/parts/${part.id}/${item.updatedAt}/file.${part.container}`,
    duration: part.duration,
    file: part.file,
    size: part.size,
    container: part.container,
    videoProfile: part.videoProfile,
    audioProfile: item.media.some((media) => media.audioCodec === 'aac') ? 'lc' : undefined,
    has64bitOffsets: false,
    optimizedForStreaming: part.container === 'mp4',
    hasThumbnail: item.type === 'movie' || item.type === 'episode' ? '1' : undefined,
    indexes: item.type === 'movie' || item.type === 'episode' ? 'sd' : undefined,
  };
}

function renderPart(item: ItemRecord, part: PartRecord, detail: Detail): Fields {
  return omitEmpty({
    ...partAttributes(item, part),
    accessible: detail === 'detail' ? true : undefined,
    exists: detail === 'detail' ? true : undefined,
    Stream:
      detail === 'detail' ? part.streams.map((stream) => renderStream(stream, item)) : undefined,
  });
}

/** Renders one `Stream` element; the item it belongs to adds music loudness. */
export function renderStream(stream: StreamRecord, item?: ItemRecord): Fields {
  return omitEmpty({
    id: stream.id,
    streamType: stream.streamType,
    default: stream.default,
    selected: stream.selected,
    codec: stream.codec,
    index: stream.index,
    bitrate: stream.bitrate,
    language: stream.language,
    languageCode: stream.languageCode,
    height: stream.height,
    width: stream.width,
    frameRate: stream.frameRate,
    profile: stream.profile,
    channels: stream.channels,
    samplingRate: stream.samplingRate,
    audioChannelLayout: stream.audioChannelLayout,
    forced: stream.forced,
    key: stream.key,
    displayTitle: stream.displayTitle,
    extendedDisplayTitle: stream.displayTitle,
    ...streamDetails(stream, item),
  });
}

/** The stock artwork PMS uses for a section of each type. */
export function sectionArt(section: SectionRecord): { art: string; thumb: string } {
  return {
    art: `/:/resources/${section.type}-fanart.jpg`,
    thumb: `/:/resources/${section.type}.png`,
  };
}

/**
 * Container attributes of an item's own page (and its similar list): the section's stock art,
 * the section and item as titles, and the item's type as the view group.
 */
export function itemPageFields(state: EmulatorState, item: ItemRecord): Fields {
  const section = state.sections.get(item.sectionId);
  if (!section) return {};
  return {
    ...sectionArt(section),
    title1: section.title,
    title2: item.title,
    viewGroup: item.type,
  };
}

/** Container attributes PMS hoists onto lists from one section. */
export function sectionContainerFields(state: EmulatorState, sectionId: number): Fields {
  const section = state.sections.get(sectionId);
  if (!section) return {};
  return {
    allowSync: true,
    identifier: 'com.plexapp.plugins.library',
    librarySectionID: section.id,
    librarySectionTitle: section.title,
    librarySectionUUID: section.uuid,
    mediaTagPrefix: '/system/bundle/media/flags/',
    mediaTagVersion: 1734362201,
  };
}
