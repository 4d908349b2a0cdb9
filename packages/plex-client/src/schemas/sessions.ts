import * as v from 'valibot';
import { bool, type Extend, id, list, mediaContainer, num, opt } from './common.js';
import { type MetadataItemEntries, metadataItemEntries } from './metadata.js';

/**
 * `GET /status/sessions`: what is playing now. Each entry is the item (as in the metadata
 * schema: `librarySectionID` a number although sessions send `"3"`, `Media`/`Part`/`Stream` ids
 * numbers although sessions send strings) plus who plays it, where, and how.
 */

/** The account watching (`User` of a session). `id` is the `/accounts` id as a string. */
export const sessionUserSchema = v.object({
  id: id,
  title: v.optional(v.string(), ''),
  thumb: opt(v.string()),
});

/** The device playing (`Player` of a session). */
export const sessionPlayerSchema = v.object({
  /** The player's machine identifier. */
  machineIdentifier: opt(v.string()),
  title: opt(v.string()),
  product: opt(v.string()),
  platform: opt(v.string()),
  platformVersion: opt(v.string()),
  device: opt(v.string()),
  model: opt(v.string()),
  vendor: opt(v.string()),
  version: opt(v.string()),
  profile: opt(v.string()),
  /** The player's address as the server sees it. */
  address: opt(v.string()),
  remotePublicAddress: opt(v.string()),
  /** `playing`, `paused` or `buffering`. */
  state: opt(v.string()),
  local: opt(bool),
  relayed: opt(bool),
  secure: opt(bool),
  userID: opt(num),
});

/** The stream's bandwidth reservation (`Session` of a session). */
export const sessionInfoSchema = v.object({
  /** What `sessions.terminate()` takes (not the `sessionKey`). */
  id: id,
  /** kbps. */
  bandwidth: opt(num),
  /** `lan` or `wan`. */
  location: opt(v.string()),
});

/** The transcode job of a session (`TranscodeSession`), present only while transcoding. */
export const transcodeSessionSchema = v.object({
  key: opt(v.string()),
  throttled: opt(bool),
  complete: opt(bool),
  /** Percent transcoded. */
  progress: opt(num),
  speed: opt(num),
  error: opt(bool),
  duration: opt(num),
  remaining: opt(num),
  context: opt(v.string()),
  size: opt(num),
  sourceVideoCodec: opt(v.string()),
  sourceAudioCodec: opt(v.string()),
  /** `transcode`, `copy` or `directplay`. */
  videoDecision: opt(v.string()),
  audioDecision: opt(v.string()),
  /** `transcode`, `copy` or `burn`. */
  subtitleDecision: opt(v.string()),
  protocol: opt(v.string()),
  container: opt(v.string()),
  videoCodec: opt(v.string()),
  audioCodec: opt(v.string()),
  audioChannels: opt(num),
  width: opt(num),
  height: opt(num),
  transcodeHwRequested: opt(bool),
  transcodeHwDecoding: opt(v.string()),
  transcodeHwDecodingTitle: opt(v.string()),
  transcodeHwEncoding: opt(v.string()),
  transcodeHwEncodingTitle: opt(v.string()),
  transcodeHwFullPipeline: opt(bool),
  timeStamp: opt(num),
  maxOffsetAvailable: opt(num),
  minOffsetAvailable: opt(num),
});

/** One active session: the item plus `sessionKey`, `User`, `Player`, `Session`, `TranscodeSession`. */
const sessionExtras = {
  /** The session's number on the server (a string); notifications name sessions by it. */
  sessionKey: id,
  User: opt(sessionUserSchema),
  Player: opt(sessionPlayerSchema),
  Session: opt(sessionInfoSchema),
  TranscodeSession: opt(transcodeSessionSchema),
};

/** The schema of `Session`. */
export interface SessionSchema
  extends v.ObjectSchema<Extend<MetadataItemEntries, typeof sessionExtras>, undefined> {}
export const sessionSchema: SessionSchema = v.object({ ...metadataItemEntries, ...sessionExtras });

/** `GET /status/sessions`. */
export const sessionsContainerSchema = mediaContainer({ Metadata: list(sessionSchema) });

/** Something playing now, with who watches it, on what, and how it is delivered. */
export interface Session extends v.InferOutput<SessionSchema> {}
/** The account of a session. */
export type SessionUser = v.InferOutput<typeof sessionUserSchema>;
/** The player of a session. */
export type SessionPlayer = v.InferOutput<typeof sessionPlayerSchema>;
/** The bandwidth reservation of a session; `id` is what `terminate()` takes. */
export type SessionInfo = v.InferOutput<typeof sessionInfoSchema>;
/** A session's transcode job. */
export type TranscodeSession = v.InferOutput<typeof transcodeSessionSchema>;
