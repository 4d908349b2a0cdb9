import * as v from 'valibot';
import { bool, id, list, mediaContainer, num, opt } from './common.js';
import { metadataItemSchema } from './metadata.js';

/** Playlists (`/playlists`): per-user lists of library items, dumb (hand-made) or smart (a filter). */

/** A playlist (`Metadata` of type `playlist`). */
export const playlistSchema = v.object({
  ratingKey: id,
  /** `/playlists/{id}/items`. */
  key: id,
  guid: opt(v.string()),
  type: v.optional(v.string(), 'playlist'),
  title: v.string(),
  titleSort: opt(v.string()),
  summary: opt(v.string()),
  smart: v.optional(bool, false),
  /** `video`, `audio` or `photo`. */
  playlistType: v.string(),
  /** `favorites` and the like, for playlists Plex keeps itself. */
  specialPlaylistType: opt(v.string()),
  readOnly: opt(bool),
  /** Smart playlists: the filter URI. */
  content: opt(v.string()),
  icon: opt(v.string()),
  /** The collage of the items' posters. */
  composite: opt(v.string()),
  /** A custom poster, once one was uploaded. */
  thumb: opt(v.string()),
  /** Milliseconds (here; the items container reports seconds). */
  duration: opt(num),
  leafCount: v.optional(num, 0),
  viewCount: opt(num),
  lastViewedAt: opt(num),
  addedAt: opt(num),
  updatedAt: opt(num),
  allowSync: opt(bool),
  librarySectionID: opt(num),
  librarySectionTitle: opt(v.string()),
});

/** `GET /playlists`, `GET /playlists/{id}` and playlist writes: playlists in `Metadata`. */
export const playlistsContainerSchema = mediaContainer({
  Metadata: list(playlistSchema),
  /** Adds: how many items went in, and how many were asked for. */
  leafCountAdded: opt(num),
  leafCountRequested: opt(num),
});

/** `GET /playlists/{id}/items`: items with their `playlistItemID` (dumb playlists only). */
export const playlistItemsContainerSchema = mediaContainer({ Metadata: list(metadataItemSchema) });

/** A playlist. */
export type Playlist = v.InferOutput<typeof playlistSchema>;
/** An item of a playlist; `playlistItemID` names this entry for moves and removals. */
export type PlaylistItem = v.InferOutput<typeof metadataItemSchema>;
