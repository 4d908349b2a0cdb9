import * as v from 'valibot';
import { bool, list, mediaContainer, num, opt } from './common.js';

/** `GET /identity`: who the server is; answers without a token. */
export const identitySchema = mediaContainer({
  machineIdentifier: v.string(),
  version: v.string(),
  claimed: opt(bool),
});

/** `GET /`: the server's capabilities. */
export const serverInfoSchema = mediaContainer({
  friendlyName: v.string(),
  machineIdentifier: v.string(),
  version: v.string(),
  platform: opt(v.string()),
  platformVersion: opt(v.string()),
  myPlex: opt(bool),
  myPlexUsername: opt(v.string()),
  myPlexSigninState: opt(v.string()),
  myPlexSubscription: opt(bool),
  allowMediaDeletion: opt(bool),
  allowSharing: opt(bool),
  multiuser: opt(bool),
  transcoderActiveVideoSessions: opt(num),
  transcoderVideo: opt(bool),
  transcoderAudio: opt(bool),
  transcoderVideoBitrates: opt(v.string()),
  transcoderVideoResolutions: opt(v.string()),
  transcoderVideoQualities: opt(v.string()),
  updatedAt: opt(num),
  Directory: list(v.object({ key: v.string(), title: v.string(), count: opt(num) })),
});

/** Server identity: machine id, version and whether the server is claimed. */
export type ServerIdentity = v.InferOutput<typeof identitySchema>['MediaContainer'];
/** What a server reports about itself at `/`. */
export type ServerInfo = v.InferOutput<typeof serverInfoSchema>['MediaContainer'];

/** A preference value: `bool` settings are booleans, `int`/`double` numbers, `text` strings. */
const settingValue = v.union([v.boolean(), v.number(), v.string()]);

/** One `Setting` of `GET /:/prefs` (also sent in `preference` notifications). */
export const settingSchema = v.object({
  /** The name `setPrefs()` takes (`FriendlyName`, `LogVerbose`, …). */
  id: v.string(),
  label: opt(v.string()),
  summary: opt(v.string()),
  /** `bool`, `int`, `double` or `text`. */
  type: v.string(),
  default: opt(settingValue),
  value: opt(settingValue),
  hidden: opt(bool),
  advanced: opt(bool),
  group: opt(v.string()),
  /** Restricted values as `value:label|value:label`. */
  enumValues: opt(v.string()),
});

/** `GET /:/prefs`. */
export const settingsContainerSchema = mediaContainer({ Setting: list(settingSchema) });

/** One release the updater knows about. */
export const releaseSchema = v.object({
  key: opt(v.string()),
  version: v.string(),
  /** Release notes, one change per line. */
  added: opt(v.string()),
  fixed: opt(v.string()),
  /** PMS masks the token in this link itself. */
  downloadURL: opt(v.string()),
  /** `available`, `downloading`, `downloaded`, `installing`, `tonight`, `skipped`, … */
  state: opt(v.string()),
});

/** `GET /updater/status`. */
export const updaterStatusSchema = mediaContainer({
  autoUpdateVersion: opt(num),
  /** Whether the server can install updates itself (not on Docker, NAS packages, …). */
  canInstall: opt(bool),
  /** When the server last asked plex.tv for updates (epoch seconds). */
  checkedAt: opt(num),
  downloadURL: opt(v.string()),
  status: opt(num),
  Release: list(releaseSchema),
});

/** A server preference (`/:/prefs`). */
export type Setting = v.InferOutput<typeof settingSchema>;
/** A server release the updater offers. */
export type Release = v.InferOutput<typeof releaseSchema>;
/** The updater's state: when it last checked and what it found. */
export type UpdaterStatus = Omit<
  v.InferOutput<typeof updaterStatusSchema>['MediaContainer'],
  'size' | 'totalSize' | 'offset'
>;
