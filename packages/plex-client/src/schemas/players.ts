import * as v from 'valibot';
import { bool, commaList, id, list, mediaContainer, num, opt } from './common.js';

/** Remote-controllable players (`/clients`) and their timelines (`/player/timeline/poll`). */

/** One `/clients` entry (a `Server` element in Plex's JSON): a player the server can reach. */
export const playerSchema = v.object({
  /** The player's name (`Living Room TV`). */
  name: v.string(),
  /** What commands take as `clientId`. */
  machineIdentifier: v.string(),
  host: opt(v.string()),
  address: opt(v.string()),
  port: opt(num),
  product: opt(v.string()),
  version: opt(v.string()),
  platform: opt(v.string()),
  platformVersion: opt(v.string()),
  /** `stb`, `tablet`, `phone`, `pc`, … */
  deviceClass: opt(v.string()),
  protocol: opt(v.string()),
  protocolVersion: opt(num),
  /** `timeline`, `playback`, `navigation`, `mirror`, `playqueues`, `provider-playback`. */
  protocolCapabilities: commaList,
});

/** `GET /clients`. */
export const playersContainerSchema = mediaContainer({ Server: list(playerSchema) });

/**
 * One `Timeline` of a player: what plays on its video, music or photo timeline. Stopped
 * timelines carry only `type`, `state` and `controllable`. Players send most numbers as
 * strings; they are numbers here.
 */
export const timelineSchema = v.object({
  /** `video`, `music` or `photo`. */
  type: v.string(),
  /** `stopped`, `buffering`, `playing` or `paused`. */
  state: v.string(),
  /** Commands the player takes now (`playPause`, `seekTo`, `skipNext`, `volume`, …). */
  controllable: commaList,
  itemType: opt(v.string()),
  /** Position in ms. */
  time: opt(num),
  duration: opt(num),
  seekRange: opt(v.string()),
  ratingKey: opt(id),
  key: opt(v.string()),
  guid: opt(v.string()),
  containerKey: opt(v.string()),
  playQueueID: opt(num),
  playQueueItemID: opt(num),
  playQueueVersion: opt(num),
  /** The server the item plays from. */
  machineIdentifier: opt(v.string()),
  providerIdentifier: opt(v.string()),
  protocol: opt(v.string()),
  address: opt(v.string()),
  port: opt(num),
  volume: opt(num),
  mute: opt(bool),
  shuffle: opt(bool),
  /** 0 off, 1 repeat one, 2 repeat all. */
  repeat: opt(num),
  videoStreamID: opt(num),
  audioStreamID: opt(num),
  /** 0 when subtitles are off. */
  subtitleStreamID: opt(num),
  partIndex: opt(num),
  partCount: opt(num),
  location: opt(v.string()),
});

/** `GET /player/timeline/poll`. */
export const timelinePollSchema = mediaContainer({
  commandID: opt(num),
  /** `navigation`, `fullScreenVideo`, `fullScreenMusic` or `fullScreenPhoto`. */
  location: opt(v.string()),
  machineIdentifier: opt(v.string()),
  Timeline: list(timelineSchema),
});

/** A player the server can reach and relay commands to. */
export type Player = v.InferOutput<typeof playerSchema>;
/** One of a player's timelines (video, music or photo). */
export type Timeline = v.InferOutput<typeof timelineSchema>;
