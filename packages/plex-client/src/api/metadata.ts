import type { Query } from '../http/query.js';
import { redactUrl } from '../http/redact.js';
import type { Transport } from '../http/transport.js';
import { type Hub, hubsContainerSchema } from '../schemas/hubs.js';
import {
  type Artwork,
  artworkContainerSchema,
  type MetadataItem,
  type MetadataTypeName,
  metadataContainerSchema,
  metadataTypeNumber,
} from '../schemas/metadata.js';
import { postImage } from './artwork-upload.js';
import { expectOne, segment, withSignal } from './helpers.js';
import { hubsWithSection, type ItemPage, toItemPage, withSection } from './item-pages.js';
import type { SectionId } from './libraries.js';
import { type PageOptions, pageWindow } from './paging.js';
import type { CallOptions } from './server.js';

/** A ratingKey, as Plex sends it (string) or as a number. */
export type RatingKey = string | number;

/** The provider name scrobble, rate and progress requests name the library by. */
const LIBRARY_IDENTIFIER = 'com.plexapp.plugins.library';

/** What a detail view asks for beyond the defaults: external ids, markers, chapters. */
const DETAIL_FLAGS: Query = { includeGuids: 1, includeMarkers: 1, includeChapters: 1 };

/** Fields an edit can set (`{field}.value`). */
export type EditableField =
  | 'title'
  | 'titleSort'
  | 'originalTitle'
  | 'summary'
  | 'tagline'
  | 'studio'
  | 'contentRating'
  /** `YYYY-MM-DD`. */
  | 'originallyAvailableAt'
  | 'year'
  | 'editionTitle';

/** Tag kinds an edit can add to or remove from, by their edit names (`actor` is `Role`). */
export type EditableTag =
  | 'genre'
  | 'director'
  | 'writer'
  | 'producer'
  | 'actor'
  | 'country'
  | 'label'
  | 'collection'
  | 'mood'
  | 'style';

/** The item array each editable tag kind is read from. */
const TAG_ELEMENT = {
  genre: 'Genre',
  director: 'Director',
  writer: 'Writer',
  producer: 'Producer',
  actor: 'Role',
  country: 'Country',
  label: 'Label',
  collection: 'Collection',
  mood: 'Mood',
  style: 'Style',
} as const satisfies Record<EditableTag, keyof MetadataItem>;

/** A metadata edit: fields to set, tags to add or remove, locks. */
export interface MetadataEdit {
  /** The item's section; read from the item when omitted. */
  sectionId?: SectionId;
  /** The item's type; read from the item when omitted. */
  type?: MetadataTypeName | number;
  /** New values; `null` clears a field. */
  fields?: Partial<Record<EditableField, string | number | null>>;
  /** Tags to add; those the item already has are not repeated. */
  addTags?: Partial<Record<EditableTag, readonly string[]>>;
  /** Tags to remove (by name). */
  removeTags?: Partial<Record<EditableTag, readonly string[]>>;
  /**
   * Lock every edited field and tag kind against agent refreshes (`X.locked=1`, the default,
   * as in Plex Web and python-plexapi); `false` sends `X.locked=0`.
   */
  lock?: boolean;
  /** Fields to lock without changing them (`thumb`, `art`, `title`, …). */
  lockFields?: readonly string[];
  /** Fields to unlock, so agents may overwrite them again. */
  unlockFields?: readonly string[];
}

/** The artwork slots of an item. */
export type ArtworkKind = 'poster' | 'art' | 'logo' | 'banner';

/** Path segments of each slot: the candidate list and the element that selects one. */
const ARTWORK_PATHS: Record<ArtworkKind, { list: string; element: string }> = {
  poster: { list: 'posters', element: 'poster' },
  art: { list: 'arts', element: 'art' },
  logo: { list: 'clearLogos', element: 'clearLogo' },
  banner: { list: 'banners', element: 'banner' },
};

/** A new image: a URL Plex downloads, or the image bytes themselves. */
export type ArtworkSource = { url: string } | { data: Uint8Array; contentType: string };

/** How `/photo/:/transcode` should size an image. */
export interface ImageOptions {
  /** Target width in px. Omitted (with `height` given), the width is left unbounded. */
  width?: number;
  /** Target height in px. Omitted (with `width` given), the height is left unbounded. */
  height?: number;
  /** Cover the whole box, cropping nothing but overflowing one side (default: fit inside). Needs both sides. */
  minSize?: boolean;
  /** Allow enlarging past the image's own size (default no). */
  upscale?: boolean;
  /** Output format; Plex's default is JPEG. */
  format?: 'jpeg' | 'png';
}

/** An image's bytes and MIME type. */
export interface ImageData {
  data: Uint8Array;
  contentType: string;
}

/** The side used when the caller bounds only one (Plex's transcoder needs both). */
const UNBOUNDED_SIDE = 4096;

/** `/photo/:/transcode` query parameters for an image path (without the token). */
function transcodeQuery(path: string, options: ImageOptions): Query {
  const { width, height } = options;
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (side !== undefined && (!Number.isInteger(side) || side < 1)) {
      throw new TypeError(`${name} must be a whole number of pixels ≥ 1; got ${side}`);
    }
  }
  if (path === '') throw new TypeError('an image path is required');
  const bothSides = width !== undefined && height !== undefined;
  return {
    url: path,
    width: width ?? UNBOUNDED_SIDE,
    height: height ?? UNBOUNDED_SIDE,
    minSize: bothSides && options.minSize ? 1 : 0,
    upscale: options.upscale ? 1 : 0,
    format: options.format,
  };
}

/**
 * Percent-encodes like Python's `urllib.parse.quote`: everything but letters, digits and
 * `_.-~` (and the `safe` characters) is escaped. `encodeURIComponent` also leaves `!'()*`.
 */
function pythonQuote(value: string, safe = ''): string {
  let out = encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  for (const char of safe) out = out.split(encodeURIComponent(char)).join(char);
  return out;
}

/**
 * A query string as python-plexapi's `utils.joinArgs` writes it: keys sorted case-insensitively
 * and left unescaped (`genre[0].tag.tag`), values escaped with `quote(v, safe='')`.
 */
function joinArgs(args: ReadonlyMap<string, string>): string {
  const keys = [...args.keys()].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return keys.map((key) => `${key}=${pythonQuote(args.get(key) ?? '')}`).join('&');
}

/**
 * The edit arguments python-plexapi's `_edit` would send for an edit of `item`:
 * `{field}.value`/`{field}.locked`, tag additions that re-send the item's existing tags with
 * indexes (`genre[0].tag.tag=Horror&genre[1].tag.tag=New`), removals as one comma list of
 * individually quoted names (`genre[].tag.tag-=A,B%20C`, escaped again by `joinArgs`), plus
 * `id` and `type`.
 */
function editArgs(
  ratingKey: string,
  type: number,
  edit: MetadataEdit,
  current: MetadataItem | undefined,
): Map<string, string> {
  const locked = edit.lock === false ? '0' : '1';
  const args = new Map<string, string>();
  for (const [field, value] of Object.entries(edit.fields ?? {})) {
    if (value === undefined) continue;
    args.set(`${field}.value`, value === null ? '' : String(value));
    args.set(`${field}.locked`, locked);
  }
  for (const field of edit.lockFields ?? []) args.set(`${field}.locked`, '1');
  for (const field of edit.unlockFields ?? []) args.set(`${field}.locked`, '0');

  const kinds = new Set([
    ...Object.keys(edit.addTags ?? {}),
    ...Object.keys(edit.removeTags ?? {}),
  ]) as Set<EditableTag>;
  for (const kind of kinds) {
    if (!(kind in TAG_ELEMENT)) throw new TypeError(`cannot edit tags of kind "${kind}"`);
    const adding = clean(edit.addTags?.[kind]);
    const removing = clean(edit.removeTags?.[kind]);
    if (adding.length === 0 && removing.length === 0) continue;
    args.set(`${kind}.locked`, locked);
    if (adding.length > 0) {
      const removed = new Set(removing.map((tag) => tag.toLowerCase()));
      // Re-send what the item has (minus what this edit removes), then the new names.
      const entries: { tag: string; role?: string | undefined }[] = (
        current?.[TAG_ELEMENT[kind]] ?? []
      ).filter((tag) => !removed.has(tag.tag.toLowerCase()));
      const seen = new Set(entries.map((entry) => entry.tag.toLowerCase()));
      for (const tag of adding) {
        if (seen.has(tag.toLowerCase())) continue;
        seen.add(tag.toLowerCase());
        entries.push({ tag });
      }
      entries.forEach((entry, index) => {
        args.set(`${kind}[${index}].tag.tag`, entry.tag);
        // Keeps cast members' characters on servers that rebuild the list from what is sent.
        if (kind === 'actor' && entry.role) args.set(`${kind}[${index}].tagging.text`, entry.role);
      });
    }
    if (removing.length > 0) {
      args.set(`${kind}[].tag.tag-`, removing.map((tag) => pythonQuote(tag, '/')).join(','));
    }
  }
  if (args.size === 0) return args;
  args.set('id', ratingKey);
  args.set('type', String(type));
  return args;
}

/** The query string (no `?`) of an edit, byte for byte as python-plexapi writes it. */
export function editQueryString(
  ratingKey: string,
  type: number,
  edit: MetadataEdit,
  current: MetadataItem | undefined,
): string {
  return joinArgs(editArgs(ratingKey, type, edit, current));
}

function clean(tags: readonly string[] | undefined): string[] {
  return (tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** The `metadata` namespace of a Plex client. */
export interface MetadataApi {
  /**
   * Detail views (`GET /library/metadata/{ids}?includeGuids=1&includeMarkers=1&includeChapters=1`):
   * every tag, external ids, streams, the lock list. One key gives the item (`NOT_FOUND` when
   * unknown); an array gives the items Plex found, in the order asked.
   */
  get(ratingKey: RatingKey, options?: CallOptions): Promise<MetadataItem>;
  get(ratingKeys: readonly RatingKey[], options?: CallOptions): Promise<MetadataItem[]>;
  /** Seasons of a show, episodes of a season, albums of an artist, tracks of an album (`…/children`). */
  children(ratingKey: RatingKey, options?: PageOptions & CallOptions): Promise<ItemPage>;
  /** Every episode of a show or track of an artist (`GET /library/metadata/{id}/allLeaves`). */
  allLeaves(ratingKey: RatingKey, options?: PageOptions & CallOptions): Promise<ItemPage>;
  /** Items like this one (`GET /library/metadata/{id}/similar`), best first. */
  similar(ratingKey: RatingKey, options?: PageOptions & CallOptions): Promise<ItemPage>;
  /**
   * Related-item hubs (`GET /library/metadata/{id}/related`): more like this, more by the
   * director or lead actor, more from the same collection. `count` items per hub.
   */
  related(ratingKey: RatingKey, options?: { count?: number } & CallOptions): Promise<Hub[]>;
  /**
   * Edits an item exactly as python-plexapi does:
   * `PUT /library/sections/{sectionId}/all?{args}&id={ratingKey}&type={n}`, args sorted
   * case-insensitively, keys unescaped. Fields become `title.value=…&title.locked=1`; tag
   * additions re-send the item's existing tags with indexes, as python-plexapi does; removals
   * are `genre[].tag.tag-=A,B`. Reads the item first
   * when tags are added or the section or type is not given. No request when nothing changes.
   */
  edit(ratingKey: RatingKey, edit: MetadataEdit, options?: CallOptions): Promise<void>;
  /** Deletes an item and its media files (`DELETE /library/metadata/{id}`); the server must allow deletion. */
  delete(ratingKey: RatingKey, options?: CallOptions): Promise<void>;
  /** Marks an item (or every episode/track under it) played (`PUT /:/scrobble`). */
  markWatched(ratingKey: RatingKey, options?: CallOptions): Promise<void>;
  /** Marks an item (or everything under it) unplayed (`PUT /:/unscrobble`). */
  markUnwatched(ratingKey: RatingKey, options?: CallOptions): Promise<void>;
  /** Sets the signed-in user's rating, 0–10 (7 shows as 3.5 stars); `null` clears it (`PUT /:/rate`). */
  rate(ratingKey: RatingKey, rating: number | null, options?: CallOptions): Promise<void>;
  /**
   * Sets the resume point in ms (`PUT /:/progress`); 0 clears it, and a point near the end
   * counts as a finished play.
   */
  setProgress(
    ratingKey: RatingKey,
    timeMs: number,
    options?: CallOptions & {
      state?: 'stopped' | 'paused' | 'playing';
    },
  ): Promise<void>;
  /** The images a slot can show, one `selected` (`GET /library/metadata/{id}/posters|arts|clearLogos|banners`). */
  artwork(ratingKey: RatingKey, kind: ArtworkKind, options?: CallOptions): Promise<Artwork[]>;
  /** Poster candidates (`GET /library/metadata/{id}/posters`). */
  posters(ratingKey: RatingKey, options?: CallOptions): Promise<Artwork[]>;
  /** Background candidates (`GET /library/metadata/{id}/arts`). */
  arts(ratingKey: RatingKey, options?: CallOptions): Promise<Artwork[]>;
  /**
   * Adds an image to a slot and selects it (`POST /library/metadata/{id}/posters` with
   * `?url=` or the raw bytes as the body). Plex locks the slot against agent refreshes.
   */
  uploadArtwork(
    ratingKey: RatingKey,
    kind: ArtworkKind,
    source: ArtworkSource,
    options?: CallOptions,
  ): Promise<void>;
  /** Uploads a poster (by URL or bytes) and selects it. */
  uploadPoster(ratingKey: RatingKey, source: ArtworkSource, options?: CallOptions): Promise<void>;
  /** Uploads a background (by URL or bytes) and selects it. */
  uploadArt(ratingKey: RatingKey, source: ArtworkSource, options?: CallOptions): Promise<void>;
  /** Selects one listed candidate by its `ratingKey` (`PUT /library/metadata/{id}/poster?url=…`). */
  selectArtwork(
    ratingKey: RatingKey,
    kind: ArtworkKind,
    key: string,
    options?: CallOptions,
  ): Promise<void>;
  /** Selects a poster candidate by its `ratingKey`. */
  selectPoster(ratingKey: RatingKey, key: string, options?: CallOptions): Promise<void>;
  /** Selects a background candidate by its `ratingKey`. */
  selectArt(ratingKey: RatingKey, key: string, options?: CallOptions): Promise<void>;
  /**
   * A resized-image URL (`/photo/:/transcode?url={path}&width=&height=…`) for handing to
   * another program (a browser, an `<img>`). It CARRIES THE TOKEN in its query, because Plex
   * accepts no header on such URLs: treat it as a secret and never log it (use
   * `imageUrlRedacted` for display). Prefer `fetchImage`, which keeps the token in a header.
   */
  imageUrl(path: string, options?: ImageOptions): string;
  /** `imageUrl` with the token replaced by `REDACTED`: safe to log or show. */
  imageUrlRedacted(path: string, options?: ImageOptions): string;
  /**
   * Downloads an image resized by Plex (`GET /photo/:/transcode`, token in the header).
   * `path` is an item's `thumb`/`art`, an `Image` url or an artwork candidate's `key`.
   * Without a size the image comes back at its own size (up to 4096 px a side).
   */
  fetchImage(path: string, options?: ImageOptions & CallOptions): Promise<ImageData>;
}

/** Library items: details, children, related items, edits, watched state, ratings, artwork and images. */
export function metadataApi(transport: Transport): MetadataApi {
  async function get(ratingKey: RatingKey, options?: CallOptions): Promise<MetadataItem>;
  async function get(
    ratingKeys: readonly RatingKey[],
    options?: CallOptions,
  ): Promise<MetadataItem[]>;
  async function get(
    keys: RatingKey | readonly RatingKey[],
    options: CallOptions = {},
  ): Promise<MetadataItem | MetadataItem[]> {
    const many = typeof keys === 'object';
    const list = many ? [...keys] : [keys];
    if (list.length === 0) return [];
    const path = `/library/metadata/${list.map(segment).join(',')}`;
    const body = await transport.json(
      { path, query: DETAIL_FLAGS, ...withSignal(options) },
      metadataContainerSchema,
    );
    const container = body.MediaContainer;
    const items = container.Metadata.map((item) => withSection(item, container));
    return many ? items : expectOne(items, transport, path, `metadata item ${String(keys)}`);
  }

  const listOf = async (
    path: string,
    query: Query,
    options: PageOptions & CallOptions,
  ): Promise<ItemPage> => {
    const page = pageWindow(options);
    const body = await transport.json(
      { path, query, page, ...withSignal(options) },
      metadataContainerSchema,
    );
    return toItemPage(body, page.offset);
  };

  const watchAction = async (
    action: 'scrobble' | 'unscrobble' | 'rate' | 'progress',
    ratingKey: RatingKey,
    extra: Query,
    options: CallOptions,
  ): Promise<void> => {
    // PUT, not GET: these change state, so the transport must never retry them.
    await transport.empty({
      method: 'PUT',
      path: `/:/${action}`,
      query: { key: String(ratingKey), identifier: LIBRARY_IDENTIFIER, ...extra },
      ...withSignal(options),
    });
  };

  const artwork = async (
    ratingKey: RatingKey,
    kind: ArtworkKind,
    options: CallOptions = {},
  ): Promise<Artwork[]> => {
    const body = await transport.json(
      {
        path: `/library/metadata/${segment(ratingKey)}/${ARTWORK_PATHS[kind].list}`,
        ...withSignal(options),
      },
      artworkContainerSchema,
    );
    return body.MediaContainer.Metadata;
  };

  const uploadArtwork = async (
    ratingKey: RatingKey,
    kind: ArtworkKind,
    source: ArtworkSource,
    options: CallOptions = {},
  ): Promise<void> => {
    const path = `/library/metadata/${segment(ratingKey)}/${ARTWORK_PATHS[kind].list}`;
    await postImage(transport, path, source, options);
  };

  const selectArtwork = async (
    ratingKey: RatingKey,
    kind: ArtworkKind,
    key: string,
    options: CallOptions = {},
  ): Promise<void> => {
    await transport.empty({
      method: 'PUT',
      path: `/library/metadata/${segment(ratingKey)}/${ARTWORK_PATHS[kind].element}`,
      query: { url: key },
      ...withSignal(options),
    });
  };

  return {
    /**
     * Detail views (`GET /library/metadata/{ids}?includeGuids=1&includeMarkers=1&includeChapters=1`):
     * every tag, external ids, streams, the lock list. One key gives the item (`NOT_FOUND` when
     * unknown); an array gives the items Plex found, in the order asked.
     */
    get,

    /** Seasons of a show, episodes of a season, albums of an artist, tracks of an album (`…/children`). */
    async children(
      ratingKey: RatingKey,
      options: PageOptions & CallOptions = {},
    ): Promise<ItemPage> {
      return listOf(`/library/metadata/${segment(ratingKey)}/children`, {}, options);
    },

    /** Every episode of a show or track of an artist (`GET /library/metadata/{id}/allLeaves`). */
    async allLeaves(
      ratingKey: RatingKey,
      options: PageOptions & CallOptions = {},
    ): Promise<ItemPage> {
      return listOf(`/library/metadata/${segment(ratingKey)}/allLeaves`, {}, options);
    },

    /** Items like this one (`GET /library/metadata/{id}/similar`), best first. */
    async similar(
      ratingKey: RatingKey,
      options: PageOptions & CallOptions = {},
    ): Promise<ItemPage> {
      const { offset, limit } = pageWindow(options);
      return listOf(
        `/library/metadata/${segment(ratingKey)}/similar`,
        { count: offset + limit },
        { offset, limit, ...withSignal(options) },
      );
    },

    /**
     * Related-item hubs (`GET /library/metadata/{id}/related`): more like this, more by the
     * director or lead actor, more from the same collection. `count` items per hub.
     */
    async related(
      ratingKey: RatingKey,
      options: { count?: number } & CallOptions = {},
    ): Promise<Hub[]> {
      const body = await transport.json(
        {
          path: `/library/metadata/${segment(ratingKey)}/related`,
          query: { count: options.count },
          ...withSignal(options),
        },
        hubsContainerSchema,
      );
      return hubsWithSection(body.MediaContainer.Hub, body.MediaContainer);
    },

    /**
     * Edits an item exactly as python-plexapi does:
     * `PUT /library/sections/{sectionId}/all?{args}&id={ratingKey}&type={n}`, args sorted
     * case-insensitively, keys unescaped. Fields become `title.value=…&title.locked=1`; tag
     * additions re-send the item's existing tags with indexes, as python-plexapi does; removals
     * are `genre[].tag.tag-=A,B`. Reads the item first
     * when tags are added or the section or type is not given. No request when nothing changes.
     */
    async edit(ratingKey: RatingKey, edit: MetadataEdit, options: CallOptions = {}): Promise<void> {
      const adds = Object.values(edit.addTags ?? {}).some((tags) => clean(tags).length > 0);
      const current =
        adds || edit.sectionId === undefined || edit.type === undefined
          ? await get(ratingKey, options)
          : undefined;
      const sectionId = edit.sectionId ?? current?.librarySectionID;
      if (sectionId === undefined) {
        throw new TypeError(`item ${ratingKey} has no library section; pass sectionId`);
      }
      const typeName = edit.type ?? (current?.type as MetadataTypeName | undefined);
      if (typeName === undefined) throw new TypeError(`item ${ratingKey} has no type; pass type`);
      const query = editQueryString(String(ratingKey), metadataTypeNumber(typeName), edit, current);
      if (query === '') return;
      // The query goes in the path, already encoded, so Plex gets python-plexapi's exact bytes.
      await transport.empty({
        method: 'PUT',
        path: `/library/sections/${segment(sectionId)}/all`,
        rawQuery: query,
        ...withSignal(options),
      });
    },

    /** Deletes an item and its media files (`DELETE /library/metadata/{id}`); the server must allow deletion. */
    async delete(ratingKey: RatingKey, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/library/metadata/${segment(ratingKey)}`,
        ...withSignal(options),
      });
    },

    /** Marks an item (or every episode/track under it) played (`PUT /:/scrobble`). */
    async markWatched(ratingKey: RatingKey, options: CallOptions = {}): Promise<void> {
      await watchAction('scrobble', ratingKey, {}, options);
    },

    /** Marks an item (or everything under it) unplayed (`PUT /:/unscrobble`). */
    async markUnwatched(ratingKey: RatingKey, options: CallOptions = {}): Promise<void> {
      await watchAction('unscrobble', ratingKey, {}, options);
    },

    /** Sets the signed-in user's rating, 0–10 (7 shows as 3.5 stars); `null` clears it (`PUT /:/rate`). */
    async rate(
      ratingKey: RatingKey,
      rating: number | null,
      options: CallOptions = {},
    ): Promise<void> {
      if (rating !== null && !(Number.isFinite(rating) && rating >= 0 && rating <= 10)) {
        throw new RangeError(`rating must be from 0 to 10, or null to clear it; got ${rating}`);
      }
      await watchAction('rate', ratingKey, { rating: rating ?? -1 }, options);
    },

    /**
     * Sets the resume point in ms (`PUT /:/progress`); 0 clears it, and a point near the end
     * counts as a finished play.
     */
    async setProgress(
      ratingKey: RatingKey,
      timeMs: number,
      options: CallOptions & { state?: 'stopped' | 'paused' | 'playing' } = {},
    ): Promise<void> {
      if (!Number.isFinite(timeMs) || timeMs < 0) {
        throw new RangeError(`timeMs must be ≥ 0; got ${timeMs}`);
      }
      const { state = 'stopped', ...call } = options;
      await watchAction('progress', ratingKey, { time: Math.round(timeMs), state }, call);
    },

    /** The images a slot can show, one `selected` (`GET /library/metadata/{id}/posters|arts|clearLogos|banners`). */
    async artwork(
      ratingKey: RatingKey,
      kind: ArtworkKind,
      options: CallOptions = {},
    ): Promise<Artwork[]> {
      return artwork(ratingKey, kind, options);
    },

    /** Poster candidates (`GET /library/metadata/{id}/posters`). */
    async posters(ratingKey: RatingKey, options: CallOptions = {}): Promise<Artwork[]> {
      return artwork(ratingKey, 'poster', options);
    },

    /** Background candidates (`GET /library/metadata/{id}/arts`). */
    async arts(ratingKey: RatingKey, options: CallOptions = {}): Promise<Artwork[]> {
      return artwork(ratingKey, 'art', options);
    },

    /**
     * Adds an image to a slot and selects it (`POST /library/metadata/{id}/posters` with
     * `?url=` or the raw bytes as the body). Plex locks the slot against agent refreshes.
     */
    async uploadArtwork(
      ratingKey: RatingKey,
      kind: ArtworkKind,
      source: ArtworkSource,
      options: CallOptions = {},
    ): Promise<void> {
      await uploadArtwork(ratingKey, kind, source, options);
    },

    /** Uploads a poster (by URL or bytes) and selects it. */
    async uploadPoster(
      ratingKey: RatingKey,
      source: ArtworkSource,
      options: CallOptions = {},
    ): Promise<void> {
      await uploadArtwork(ratingKey, 'poster', source, options);
    },

    /** Uploads a background (by URL or bytes) and selects it. */
    async uploadArt(
      ratingKey: RatingKey,
      source: ArtworkSource,
      options: CallOptions = {},
    ): Promise<void> {
      await uploadArtwork(ratingKey, 'art', source, options);
    },

    /** Selects one listed candidate by its `ratingKey` (`PUT /library/metadata/{id}/poster?url=…`). */
    async selectArtwork(
      ratingKey: RatingKey,
      kind: ArtworkKind,
      key: string,
      options: CallOptions = {},
    ): Promise<void> {
      await selectArtwork(ratingKey, kind, key, options);
    },

    /** Selects a poster candidate by its `ratingKey`. */
    async selectPoster(
      ratingKey: RatingKey,
      key: string,
      options: CallOptions = {},
    ): Promise<void> {
      await selectArtwork(ratingKey, 'poster', key, options);
    },

    /** Selects a background candidate by its `ratingKey`. */
    async selectArt(ratingKey: RatingKey, key: string, options: CallOptions = {}): Promise<void> {
      await selectArtwork(ratingKey, 'art', key, options);
    },

    /**
     * A resized-image URL (`/photo/:/transcode?url={path}&width=&height=…`) for handing to
     * another program (a browser, an `<img>`). It CARRIES THE TOKEN in its query, because Plex
     * accepts no header on such URLs: treat it as a secret and never log it (use
     * `imageUrlRedacted` for display). Prefer `fetchImage`, which keeps the token in a header.
     */
    imageUrl(path: string, options: ImageOptions = {}): string {
      return transport
        .authenticatedUrl('/photo/:/transcode', transcodeQuery(path, options))
        .toString();
    },

    /** `imageUrl` with the token replaced by `REDACTED`: safe to log or show. */
    imageUrlRedacted(path: string, options: ImageOptions = {}): string {
      const query = { ...transcodeQuery(path, options), 'X-Plex-Token': 'REDACTED' };
      return redactUrl(transport.url('/photo/:/transcode', query));
    },

    /**
     * Downloads an image resized by Plex (`GET /photo/:/transcode`, token in the header).
     * `path` is an item's `thumb`/`art`, an `Image` url or an artwork candidate's `key`.
     * Without a size the image comes back at its own size (up to 4096 px a side).
     */
    async fetchImage(path: string, options: ImageOptions & CallOptions = {}): Promise<ImageData> {
      const response = await transport.raw({
        path: '/photo/:/transcode',
        query: transcodeQuery(path, options),
        headers: { Accept: 'image/*' },
        ...withSignal(options),
      });
      const data = new Uint8Array(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
      return { data, contentType };
    },
  };
}
