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
