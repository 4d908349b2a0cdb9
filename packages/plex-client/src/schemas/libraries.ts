import * as v from 'valibot';
import { bool, id, list, mediaContainer, num, opt } from './common.js';
import { settingSchema } from './server.js';

/** A folder a library section scans. */
export const libraryLocationSchema = v.object({ id: opt(num), path: v.string() });

/**
 * One library section as `GET /library/sections` lists it. Plex sends the section id as the
 * string `key` (`"1"`); `id` is the same number, the one items carry as `librarySectionID`.
 */
export const librarySchema = v.pipe(
  v.object({
    key: id,
    /** `movie`, `show`, `artist` or `photo`. */
    type: v.string(),
    title: v.string(),
    agent: opt(v.string()),
    scanner: opt(v.string()),
    language: opt(v.string()),
    uuid: opt(v.string()),
    thumb: opt(v.string()),
    art: opt(v.string()),
    composite: opt(v.string()),
    /** Epoch seconds. */
    createdAt: opt(num),
    updatedAt: opt(num),
    scannedAt: opt(num),
    /** A counter that rises when content changes (not a time). */
    contentChangedAt: opt(num),
    /** True while a scan runs. */
    refreshing: v.optional(bool, false),
    /** 0 shown everywhere, 1 hidden from home, 2 hidden from home and global search. */
    hidden: opt(num),
    allowSync: opt(bool),
    filters: opt(bool),
    Location: list(libraryLocationSchema),
  }),
  v.transform((section) => ({ ...section, id: Number(section.key) })),
);

/** `GET /library/sections`. */
export const librariesContainerSchema = mediaContainer({ Directory: list(librarySchema) });

/**
 * One section preference (`GET /library/sections/{id}/prefs`): a server `Setting`, except that
 * `type` may be absent.
 */
export const librarySettingSchema = v.object({ ...settingSchema.entries, type: opt(v.string()) });

/** `GET /library/sections/{id}/prefs`. */
export const librarySettingsContainerSchema = mediaContainer({
  Setting: list(librarySettingSchema),
});

/**
 * One value a filter can take (`GET /library/sections/{id}/genre`, `/year`, `/actor`, …). `key`
 * is what to send back as the filter value: a tag id for tags, the value itself for years,
 * content ratings, studios and resolutions.
 */
export const filterChoiceSchema = v.object({
  key: id,
  title: v.string(),
  /** The list of items with this value (`/library/sections/1/all?genre=89`). */
  fastKey: opt(v.string()),
  /** A person's photo (actors, directors). */
  thumb: opt(v.string()),
  type: opt(v.string()),
  /** How many items carry it, when Plex says. */
  count: opt(num),
});

/** A tag list (`Directory` entries). */
export const filterChoicesContainerSchema = mediaContainer({
  Directory: list(filterChoiceSchema),
});

/** A library section (Movies, TV Shows, Music, Photos). */
export type Library = v.InferOutput<typeof librarySchema>;
/** A folder a library section scans. */
export type LibraryLocation = v.InferOutput<typeof libraryLocationSchema>;
/** One preference of a library section. */
export type LibrarySetting = v.InferOutput<typeof librarySettingSchema>;
/** One value of a library filter (a genre, a year, an actor, …). */
export type FilterChoice = v.InferOutput<typeof filterChoiceSchema>;
