import * as v from 'valibot';
import { bool, list, mediaContainer, num, opt } from './common.js';

/**
 * The server's local records of who watched and on what: `/accounts` and `/devices`. These ids
 * are the `accountID` and `deviceID` of history entries and statistics rows.
 */

/** One `Account` element. Id 0 is PMS's built-in system account (empty name); 1 is the owner. */
export const accountSchema = v.object({
  id: num,
  key: opt(v.string()),
  /** The account's username; empty for the system account. */
  name: v.optional(v.string(), ''),
  thumb: opt(v.string()),
  defaultAudioLanguage: opt(v.string()),
  autoSelectAudio: opt(bool),
  defaultSubtitleLanguage: opt(v.string()),
  /** 0 manual, 1 shown with foreign audio, 2 always, 3 forced only. */
  subtitleMode: opt(num),
});

/** One `Device` element: a client that has played from this server. */
export const deviceSchema = v.object({
  id: num,
  name: v.optional(v.string(), ''),
  platform: opt(v.string()),
  clientIdentifier: opt(v.string()),
  /** Epoch seconds. */
  createdAt: opt(num),
});

/** `GET /accounts` and `GET /accounts/{id}`. */
export const accountsContainerSchema = mediaContainer({ Account: list(accountSchema) });

/** `GET /devices` and `GET /devices/{id}`. */
export const devicesContainerSchema = mediaContainer({ Device: list(deviceSchema) });

/** An account the server knows (the `accountID` of history and statistics). */
export type Account = v.InferOutput<typeof accountSchema>;
/** A client device the server knows (the `deviceID` of history and statistics). */
export type Device = v.InferOutput<typeof deviceSchema>;
